import type { Identity } from '../../../shared/auth/identity'
import { AppError, type FieldIssue } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import { type NoticeInput, POLICY_STATUSES, type PolicyNoticeView } from '../../../shared/policies/policy'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { newId } from '../../platform/ids'
import type { Deps } from '../../runtime/deps'
import { type PolicyNoticeRecord, policies, policyNotices } from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { findRegion } from '../regions/region-directory'
import { loadCatalogue } from './catalogue'
import { seesDrafts } from './manage-policies'

/**
 * Policy notices (政策通知): dated announcements tied to policies ("2027 年春风行动补贴申领开始").
 * Published notices are public; policy-match sends each one to the residents eligible for its
 * policies, once.
 */
const toView = (
  n: PolicyNoticeRecord,
  titles: Map<string, { title: string; status: string }>,
): PolicyNoticeView => ({
  id: n.id,
  title: n.title,
  body: n.body,
  policies: n.policyIds.map((id) => ({
    id,
    title: titles.get(id)?.title ?? id,
    live: titles.get(id)?.status === 'published',
  })),
  status: n.status,
  statusLabel: POLICY_STATUSES[n.status],
  publishedAt: n.publishedAt,
  createdAt: n.createdAt,
})

const county = (who: Identity): Identity & { region: string } => {
  if (who.role !== 'county' || !who.region)
    throw new AppError('AUTH.FORBIDDEN', { message: '政策通知由县（市、区）人社部门发布' })
  return who as Identity & { region: string }
}

const check = async (deps: Deps, who: Identity & { region: string }, input: NoticeInput) => {
  const issues: FieldIssue[] = []
  for (const [i, id] of input.policyIds.entries()) {
    const p = await deps.store.get(policies, id)
    if (!p || p.status === 'withdrawn' || !isWithinRegion(p.owner, who.region)) {
      issues.push({ field: `policyIds.${i}`, message: `没有可引用的政策 ${id}` })
    }
  }
  ;(input.regions ?? []).forEach((r, i) => {
    if (!findRegion(r) || !isWithinRegion(r, who.region))
      issues.push({ field: `regions.${i}`, message: '地区不在本县范围内' })
  })
  if (issues.length) {
    throw new AppError('REQUEST.INVALID', {
      message: `请求参数有误：${issues.map((i) => i.field).join('、')}`,
      issues,
    })
  }
}

const titles = async (deps: Deps) => (await loadCatalogue(deps.store)).all

export const createNotice = async (deps: Deps, who: Identity, input: NoticeInput) => {
  const staff = county(who)
  await check(deps, staff, input)
  const at = deps.clock.now()
  const now = at.toISOString()
  const record: PolicyNoticeRecord = {
    id: newId('pn', at),
    title: input.title,
    body: input.body,
    policyIds: [...new Set(input.policyIds)],
    regions: input.regions ?? [staff.region],
    status: 'draft',
    needsMatch: false,
    owner: staff.region,
    createdAt: now,
    createdBy: `wx:${who.openid}`,
    updatedAt: now,
    publishedAt: null,
    withdrawnAt: null,
    history: [{ at: now, action: 'created', by: `wx:${who.openid}` }],
  }
  await deps.store.insert(policyNotices, record)
  await recordAudit(deps.store, at, who, { action: 'policy-notice.create', subject: record.id, result: 'ok' })
  return toView(record, await titles(deps))
}

const mine = async (deps: Deps, who: Identity, id: string): Promise<PolicyNoticeRecord> => {
  const staff = county(who)
  const n = await deps.store.get(policyNotices, id)
  if (!n || !isWithinRegion(n.owner, staff.region)) throw new AppError('POLICY_NOTICE.NOT_FOUND')
  if (n.status === 'withdrawn') throw new AppError('POLICY_NOTICE.WITHDRAWN')
  return n
}

export const publishNotice = async (deps: Deps, who: Identity, id: string) => {
  const n = await mine(deps, who, id)
  if (n.status === 'published') throw new AppError('POLICY_NOTICE.ALREADY_PUBLISHED')
  for (const pid of n.policyIds) {
    const p = await deps.store.get(policies, pid)
    if (p?.status !== 'published') {
      throw new AppError('REQUEST.INVALID', {
        message: '通知涉及的政策尚未发布',
        issues: [{ field: 'policyIds', message: `政策「${p?.title ?? pid}」尚未发布，请先发布政策` }],
      })
    }
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await deps.store.update(
    policyNotices,
    id,
    {
      status: 'published',
      needsMatch: true,
      publishedAt: now,
      updatedAt: now,
      history: [...n.history, { at: now, action: 'published', by: `wx:${who.openid}` }],
    },
    { expect: { status: 'draft' } },
  )
  if (!saved) throw new AppError('POLICY_NOTICE.ALREADY_PUBLISHED')
  await recordAudit(deps.store, at, who, { action: 'policy-notice.publish', subject: id, result: 'ok' })
  return toView(saved, await titles(deps))
}

export const withdrawNotice = async (deps: Deps, who: Identity, id: string, reason: string) => {
  const n = await mine(deps, who, id)
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await deps.store.update(
    policyNotices,
    id,
    {
      status: 'withdrawn',
      needsMatch: false,
      withdrawnAt: now,
      updatedAt: now,
      history: [...n.history, { at: now, action: 'withdrawn', by: `wx:${who.openid}`, reason }],
    },
    { expect: { status: n.status } },
  )
  if (!saved) throw new AppError('STORE.CONFLICT')
  await recordAudit(deps.store, at, who, { action: 'policy-notice.withdraw', subject: id, result: 'ok' })
  return toView(saved, await titles(deps))
}

/** Published notices, newest first; county and street officers may list drafts too. */
export const listNotices = async (
  deps: Deps,
  who: Identity | null,
  q: { status?: 'published' | 'draft' | 'withdrawn'; cursor?: string },
): Promise<Paged<PolicyNoticeView>> => {
  const status = q.status ?? 'published'
  if (status !== 'published' && !who) throw new AppError('AUTH.REQUIRED')
  if (status !== 'published' && !seesDrafts(who)) throw new AppError('AUTH.FORBIDDEN')
  const page = await deps.store.find(policyNotices, {
    where: [
      { field: 'status', op: 'eq', value: status },
      ...(status === 'published'
        ? []
        : [{ field: 'owner', op: 'prefix' as const, value: who!.region!.slice(0, 6) }]),
    ],
    orderBy: [{ field: 'publishedAt', dir: 'desc' }],
    limit: 20,
    cursor: q.cursor,
  })
  const all = await titles(deps)
  return { items: page.items.map((n) => toView(n, all)), nextCursor: page.nextCursor }
}

export const getNotice = async (deps: Deps, who: Identity | null, id: string) => {
  const n = await deps.store.get(policyNotices, id)
  if (
    !n ||
    (n.status !== 'published' && !(seesDrafts(who) && isWithinRegion(n.owner, who!.region!.slice(0, 6))))
  ) {
    throw new AppError('POLICY_NOTICE.NOT_FOUND')
  }
  return toView(n, await titles(deps))
}
