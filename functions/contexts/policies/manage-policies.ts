import type { Identity } from '../../../shared/auth/identity'
import { AppError, type FieldIssue } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import {
  applicationLabel,
  POLICY_STATUSES,
  type PolicyInput,
  type PolicyStatus,
  type PolicySummary,
  type PolicyView,
} from '../../../shared/policies/policy'
import { describeRule, type Rule } from '../../../shared/policies/rules'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { newId } from '../../platform/ids'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type PolicyRecord, policies, policyVersions } from '../../store/collections'
import type { Filter, Store } from '../../store/port'
import { recordAudit } from '../audit/record-audit'
import { findRegion, regionLabel } from '../regions/region-directory'
import { loadCatalogue, ruleContext } from './catalogue'

/**
 * The county's policy catalogue: drafts, edits (every version kept), publishing and withdrawal.
 * A published change marks the policy for policy-match, which re-evaluates who is eligible and
 * tells the newly eligible.
 */

export const toPolicySummary = (p: PolicyRecord): PolicySummary => ({
  id: p.id,
  title: p.title,
  summary: p.summary,
  issuer: p.issuer,
  docNumber: p.docNumber,
  applicationType: p.applicationType,
  applicationLabel: applicationLabel(p.applicationType),
  subsidy: p.subsidy,
  effectiveFrom: p.effectiveFrom,
  effectiveTo: p.effectiveTo,
  status: p.status,
  statusLabel: POLICY_STATUSES[p.status],
  version: p.version,
  updatedAt: p.updatedAt,
})

export const toPolicyView = (p: PolicyRecord, all: Map<string, PolicyRecord>): PolicyView => ({
  ...toPolicySummary(p),
  body: p.body,
  regions: p.regions.map((code) => ({ code, name: regionLabel(code) ?? code })),
  params: p.params,
  conditions: describeRule(p.rules, ruleContext(all)),
  rules: p.rules,
  excludes: p.excludes.map((id) => ({ id, title: all.get(id)?.title ?? id })),
  publishedAt: p.publishedAt,
  withdrawnAt: p.withdrawnAt,
})

const isCounty = (who: Identity | null): who is Identity & { region: string } =>
  who !== null && who.role === 'county' && who.region !== null

/** Staff who may see drafts and versions: county and street officers. */
export const seesDrafts = (who: Identity | null): boolean =>
  who !== null && (who.role === 'county' || who.role === 'street') && who.region !== null

const invalid = (issues: FieldIssue[]) =>
  new AppError('REQUEST.INVALID', {
    message: `请求参数有误：${issues.map((i) => i.field).join('、')}`,
    issues,
  })

/** Every `region` condition's codes with their paths: each must be a place in the county. */
const regionRefs = (rule: Rule, path: string): { path: string; code: string }[] => {
  if ('all' in rule) return rule.all.flatMap((r, i) => regionRefs(r, `${path}.all.${i}`))
  if ('any' in rule) return rule.any.flatMap((r, i) => regionRefs(r, `${path}.any.${i}`))
  if ('not' in rule) return regionRefs(rule.not, `${path}.not`)
  return rule.fact === 'region' ? rule.in.map((code, i) => ({ path: `${path}.in.${i}`, code })) : []
}

/** Every `enjoying` condition with its path, to name a dangling reference exactly. */
const policyRefs = (rule: Rule, path: string): { path: string; policy: string }[] => {
  if ('all' in rule) return rule.all.flatMap((r, i) => policyRefs(r, `${path}.all.${i}`))
  if ('any' in rule) return rule.any.flatMap((r, i) => policyRefs(r, `${path}.any.${i}`))
  if ('not' in rule) return policyRefs(rule.not, `${path}.not`)
  return rule.fact === 'enjoying' ? [{ path: `${path}.policy`, policy: rule.policy }] : []
}

/** What a saved policy must satisfy beyond its shape: its places and the policies it names. */
const checkReferences = async (
  store: Store,
  who: Identity & { region: string },
  input: PolicyInput,
  self?: string,
) => {
  const issues: FieldIssue[] = []
  ;(input.regions ?? []).forEach((r, i) => {
    if (!findRegion(r) || !isWithinRegion(r, who.region)) {
      issues.push({ field: `regions.${i}`, message: '适用地区不在本县（市、区）范围内' })
    }
  })
  for (const ref of regionRefs(input.rules, 'rules')) {
    if (!findRegion(ref.code) || !isWithinRegion(ref.code, who.region)) {
      issues.push({ field: ref.path, message: `没有区划代码为 ${ref.code} 的地区，或不在本县范围内` })
    }
  }
  const known = async (id: string) => id === self || (await store.get(policies, id)) !== null
  for (const ref of policyRefs(input.rules, 'rules')) {
    if (!(await known(ref.policy)))
      issues.push({ field: ref.path, message: `没有编号为 ${ref.policy} 的政策` })
  }
  for (const [i, id] of input.excludes.entries()) {
    if (id === self) issues.push({ field: `excludes.${i}`, message: '政策不能与自身互斥' })
    else if (!(await known(id))) issues.push({ field: `excludes.${i}`, message: `没有编号为 ${id} 的政策` })
  }
  if (issues.length) throw invalid(issues)
}

const contentOf = (input: PolicyInput, who: Identity & { region: string }) => ({
  title: input.title,
  summary: input.summary,
  body: input.body,
  issuer: input.issuer,
  docNumber: input.docNumber,
  regions: input.regions ?? [who.region],
  // Left out: in force from its publication, whenever that is.
  effectiveFrom: input.effectiveFrom ?? null,
  effectiveTo: input.effectiveTo,
  applicationType: input.applicationType,
  subsidy: input.subsidy,
  params: input.params,
  rules: input.rules,
  excludes: input.excludes,
})

const snapshot = async (
  store: Store,
  p: PolicyRecord,
  action: 'created' | 'edited' | 'published' | 'withdrawn',
  by: string,
  at: string,
) => {
  const { id, ...rest } = p
  await store.insert(policyVersions, {
    id: `${id}:v${p.version}:${action}`,
    policyId: id,
    version: p.version,
    action,
    at,
    by,
    snapshot: rest,
  })
}

export const createPolicy = async (deps: Deps, who: Identity, input: PolicyInput, id?: string) => {
  if (!isCounty(who)) throw new AppError('AUTH.FORBIDDEN', { message: '政策由县（市、区）人社部门维护' })
  await checkReferences(deps.store, who, input)
  const at = deps.clock.now()
  const now = at.toISOString()
  const record: PolicyRecord = {
    id: id ?? newId('pol', at),
    ...contentOf(input, who),
    status: 'draft',
    version: 1,
    needsMatch: false,
    owner: who.region,
    createdAt: now,
    createdBy: `wx:${who.openid}`,
    updatedAt: now,
    publishedAt: null,
    withdrawnAt: null,
    withdrawReason: null,
  }
  await deps.store.transaction(async (tx) => {
    await tx.insert(policies, record)
    await snapshot(tx, record, 'created', record.createdBy, now)
  })
  await recordAudit(deps.store, at, who, { action: 'policy.create', subject: record.id, result: 'ok' })
  return toPolicyView(record, (await loadCatalogue(deps.store)).all)
}

/** A policy the caller may change: in their county, not withdrawn. Others: not found. */
const editable = async (deps: Deps, who: Identity, id: string): Promise<PolicyRecord> => {
  const p = await deps.store.get(policies, id)
  if (!p || !isCounty(who) || !isWithinRegion(p.owner, who.region)) {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'policy.edit',
      subject: id,
      result: 'refused',
    })
    throw new AppError('POLICY.NOT_FOUND')
  }
  if (p.status === 'withdrawn') throw new AppError('POLICY.WITHDRAWN')
  return p
}

/** Replace a policy's content: a new version; a published policy is re-matched. */
export const updatePolicy = async (deps: Deps, who: Identity, id: string, input: PolicyInput) => {
  const current = await editable(deps, who, id)
  if (input.version !== undefined && input.version !== current.version) throw new AppError('POLICY.STALE')
  await checkReferences(deps.store, who as Identity & { region: string }, input, id)
  const at = deps.clock.now()
  const now = at.toISOString()
  const next: PolicyRecord = {
    ...current,
    ...contentOf(input, who as Identity & { region: string }),
    version: current.version + 1,
    needsMatch: current.status === 'published',
    updatedAt: now,
  }
  const saved = await deps.store.transaction(async (tx) => {
    const done = await tx.update(policies, id, next, {
      expect: { version: current.version, status: current.status },
    })
    if (!done) throw new AppError('POLICY.STALE')
    await snapshot(tx, done, 'edited', `wx:${who.openid}`, now)
    return done
  })
  await recordAudit(deps.store, at, who, {
    action: 'policy.edit',
    subject: id,
    result: 'ok',
    detail: { version: saved.version },
  })
  return toPolicyView(saved, (await loadCatalogue(deps.store)).all)
}

export const publishPolicy = async (deps: Deps, who: Identity, id: string) => {
  const current = await editable(deps, who, id)
  if (current.status === 'published') throw new AppError('POLICY.ALREADY_PUBLISHED')
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await deps.store.transaction(async (tx) => {
    const done = await tx.update(
      policies,
      id,
      { status: 'published', needsMatch: true, publishedAt: now, updatedAt: now },
      { expect: { status: 'draft', version: current.version } },
    )
    if (!done) throw new AppError('POLICY.ALREADY_PUBLISHED')
    await snapshot(tx, done, 'published', `wx:${who.openid}`, now)
    return done
  })
  await recordAudit(deps.store, at, who, { action: 'policy.publish', subject: id, result: 'ok' })
  return toPolicyView(saved, (await loadCatalogue(deps.store)).all)
}

export const withdrawPolicy = async (deps: Deps, who: Identity, id: string, reason: string) => {
  const current = await editable(deps, who, id)
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await deps.store.transaction(async (tx) => {
    const done = await tx.update(
      policies,
      id,
      { status: 'withdrawn', needsMatch: false, withdrawnAt: now, withdrawReason: reason, updatedAt: now },
      { expect: { status: current.status, version: current.version } },
    )
    if (!done) throw new AppError('POLICY.STALE')
    await snapshot(tx, done, 'withdrawn', `wx:${who.openid}`, now)
    return done
  })
  await recordAudit(deps.store, at, who, { action: 'policy.withdraw', subject: id, result: 'ok' })
  return toPolicyView(saved, (await loadCatalogue(deps.store)).all)
}

/**
 * The catalogue as a list. Everyone sees published policies still in effect (or not yet in
 * effect); county and street officers may ask for drafts, withdrawn ones, or all.
 */
export const listPolicies = async (
  deps: Deps,
  who: Identity | null,
  q: { status?: PolicyStatus | 'all'; cursor?: string },
): Promise<Paged<PolicySummary>> => {
  const status = q.status ?? 'published'
  if (status !== 'published' && !who) throw new AppError('AUTH.REQUIRED')
  if (status !== 'published' && !seesDrafts(who)) throw new AppError('AUTH.FORBIDDEN')
  const where: Filter[] = status === 'all' ? [] : [{ field: 'status', op: 'eq', value: status }]
  if (status !== 'published') where.push({ field: 'owner', op: 'prefix', value: who!.region!.slice(0, 6) })
  const page = await deps.store.find(policies, {
    where,
    orderBy: [{ field: 'updatedAt', dir: 'desc' }],
    limit: 50,
    cursor: q.cursor,
  })
  const today = shanghaiDate(deps.clock.now())
  const items = page.items
    .filter((p) => status !== 'published' || p.effectiveTo === null || p.effectiveTo >= today)
    .map(toPolicySummary)
  return { items, nextCursor: page.nextCursor }
}

/** One policy; drafts and withdrawn policies only for officers of their county. */
export const findVisiblePolicy = async (
  deps: Deps,
  who: Identity | null,
  id: string,
): Promise<PolicyRecord> => {
  const p = await deps.store.get(policies, id)
  if (!p) throw new AppError('POLICY.NOT_FOUND')
  if (p.status !== 'published' && !(seesDrafts(who) && isWithinRegion(p.owner, who!.region!.slice(0, 6)))) {
    throw new AppError('POLICY.NOT_FOUND')
  }
  return p
}

export const listVersions = async (deps: Deps, who: Identity, id: string) => {
  const p = await findVisiblePolicy(deps, who, id)
  if (!seesDrafts(who)) throw new AppError('POLICY.NOT_FOUND')
  const page = await deps.store.find(policyVersions, {
    where: [{ field: 'policyId', op: 'eq', value: p.id }],
    orderBy: [{ field: 'version', dir: 'desc' }],
    limit: 100,
  })
  return {
    items: page.items.map((v) => ({
      version: v.version,
      action: v.action,
      at: v.at,
      title: v.snapshot.title,
      status: v.snapshot.status,
      conditions: describeRule(v.snapshot.rules, ruleContext(new Map())),
    })),
  }
}
