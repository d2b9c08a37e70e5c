import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import {
  EMPLOYER_STATUSES,
  type EmployerInput,
  type EmployerStatus,
  type EmployerView,
} from '../../../shared/employers/employer'
import { AppError } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import { maskMobile } from '../../../shared/people/identity-numbers'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { newId } from '../../platform/ids'
import { piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { accounts, type EmployerRecord, employers } from '../../store/collections'
import { DuplicateKeyError, type Filter } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { inboxNotifier } from '../inbox/notifier'
import { findRegion, HOME_COUNTY, regionLabel } from '../regions/region-directory'

/**
 * Employers (用人单位). A unit registers itself from the mini-program with an employer account,
 * or staff create it on a visit (走访企业). Street/town and county staff verify it — the name
 * against the credit code on its licence — before any of its vacancies can be published.
 */
const HISTORY_LABELS = {
  registered: '单位登记',
  created_on_visit: '走访登记',
  verified: '核验通过',
  rejected: '核验未通过',
} as const

export const toEmployerView = (e: EmployerRecord): EmployerView => ({
  id: e.id,
  name: e.name,
  creditCode: e.creditCode,
  region: e.region,
  regionName: regionLabel(e.region),
  address: e.address,
  industry: e.industry,
  contact: { name: e.contact.name, phone: e.contact.phoneMasked },
  status: e.status,
  statusLabel: EMPLOYER_STATUSES[e.status],
  history: e.history.map((h) => ({ at: h.at, action: HISTORY_LABELS[h.action], by: h.by, reason: h.reason })),
  createdAt: e.createdAt,
})

const accountOf = (who: Identity) => `wx:${who.openid}`

/**
 * Where staff act on units: their region — for a community coordinator, their whole town, as
 * units sit in towns and coordinators visit the employers around them (走访企业).
 */
export const employerScope = (who: Identity): string | null =>
  isStaffRole(who.role) && who.region
    ? who.role === 'coordinator'
      ? who.region.slice(0, 9)
      : who.region
    : null

const staffScope = (who: Identity): string => {
  const scope = employerScope(who)
  if (!scope) throw new AppError('AUTH.FORBIDDEN')
  return scope
}

const invalidRegion = () =>
  new AppError('REQUEST.INVALID', {
    message: '请求参数有误：region',
    issues: [{ field: 'region', message: '所选地区不在本系统服务范围内' }],
  })

/** The unit an employer account manages, or null. */
export const employerOfAccount = async (deps: Deps, who: Identity): Promise<EmployerRecord | null> => {
  const account = await deps.store.get(accounts, accountOf(who))
  return account?.employerId ? deps.store.get(employers, account.employerId) : null
}

/**
 * Register a unit. From an employer account: pending, managed by that account (one unit per
 * account; registering again answers with the unit). From staff on a visit: a street/town or
 * county officer's record is verified at once (they are the verifiers); a coordinator's waits.
 */
export const registerEmployer = async (
  deps: Deps,
  who: Identity,
  input: EmployerInput,
): Promise<{ created: boolean; view: EmployerView }> => {
  if (!findRegion(input.region) || !input.region.startsWith(HOME_COUNTY)) throw invalidRegion()
  const staff = isStaffRole(who.role)
  if (staff && !isWithinRegion(input.region, employerScope(who) ?? '-')) {
    throw new AppError('AUTH.FORBIDDEN', { message: '只能登记本辖区的用人单位' })
  }
  if (!staff && who.role !== 'employer') {
    throw new AppError('AUTH.FORBIDDEN', { message: '请以用人单位身份登录后登记' })
  }
  if (!staff) {
    const mine = await employerOfAccount(deps, who)
    if (mine) return { created: false, view: toEmployerView(mine) }
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  const cipher = piiCipher(deps.env)
  const verifiedNow = who.role === 'street' || who.role === 'county'
  const record: EmployerRecord = {
    id: newId('emp', at),
    name: input.name,
    creditCode: input.creditCode,
    region: input.region,
    address: input.address,
    industry: input.industry,
    contact: {
      name: input.contact.name,
      phoneSealed: cipher.encrypt(input.contact.phone),
      phoneMasked: maskMobile(input.contact.phone),
    },
    status: verifiedNow ? 'verified' : 'pending',
    accounts: staff ? [] : [accountOf(who)],
    createdBy: accountOf(who),
    createdAt: now,
    updatedAt: now,
    history: [
      { at: now, action: staff ? 'created_on_visit' : 'registered', by: actorLabel(who), reason: null },
      ...(verifiedNow
        ? [{ at: now, action: 'verified' as const, by: actorLabel(who), reason: '走访核验' }]
        : []),
    ],
  }
  try {
    await deps.store.insert(employers, record)
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new AppError('EMPLOYER.CODE_TAKEN')
    throw err
  }
  if (!staff) await deps.store.update(accounts, accountOf(who), { employerId: record.id })
  await recordAudit(deps.store, at, who, {
    action: staff ? 'employer.create-on-visit' : 'employer.register',
    subject: record.id,
    result: 'ok',
  })
  return { created: true, view: toEmployerView(record) }
}

/** A unit, for the account that manages it or staff of its region. */
export const findVisibleEmployer = async (deps: Deps, who: Identity, id: string): Promise<EmployerRecord> => {
  const e = await deps.store.get(employers, id)
  const visible =
    e && (e.accounts.includes(accountOf(who)) || isWithinRegion(e.region, employerScope(who) ?? '-'))
  if (!e || !visible) throw new AppError('EMPLOYER.NOT_FOUND')
  return e
}

export const getEmployer = async (deps: Deps, who: Identity, id: string) =>
  toEmployerView(await findVisibleEmployer(deps, who, id))

export const myEmployer = async (deps: Deps, who: Identity): Promise<EmployerView> => {
  const mine = await employerOfAccount(deps, who)
  if (!mine) throw new AppError('EMPLOYER.NOT_REGISTERED')
  return toEmployerView(mine)
}

/** Street/town and county staff verify a unit of their region (or refuse, with the reason). */
export const verifyEmployer = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: { decision: 'verify' | 'reject'; reason?: string },
): Promise<EmployerView> => {
  if (who.role !== 'street' && who.role !== 'county') {
    throw new AppError('AUTH.FORBIDDEN', { message: '单位由街道（镇）或县级人社部门核验' })
  }
  const e = await findVisibleEmployer(deps, who, id)
  const status: EmployerStatus = input.decision === 'verify' ? 'verified' : 'rejected'
  if (e.status === status) return toEmployerView(e) // a retried decision
  if (e.status === 'verified') throw new AppError('EMPLOYER.WRONG_STATUS')
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await deps.store.update(
    employers,
    id,
    {
      status,
      updatedAt: now,
      history: [
        ...e.history,
        {
          at: now,
          action: status === 'verified' ? 'verified' : 'rejected',
          by: actorLabel(who),
          reason: input.reason ?? null,
        },
      ],
    },
    { expect: { status: e.status } },
  )
  if (!saved) throw new AppError('EMPLOYER.WRONG_STATUS')
  await recordAudit(deps.store, at, who, { action: `employer.${input.decision}`, subject: id, result: 'ok' })
  // The unit hears of it: verified, its vacancies can now be published; refused, why.
  const inbox = inboxNotifier(deps.store)
  for (const account of saved.accounts) {
    await inbox.notify(
      account,
      status === 'verified'
        ? { title: `${saved.name}已通过核验`, body: '提交审核的岗位通过后即可在“岗位”中公开。' }
        : { title: `${saved.name}未通过核验`, body: input.reason ?? '请与所在街道（镇）人社服务机构联系。' },
      at,
    )
  }
  return toEmployerView(saved)
}

/** Staff: units of their region (by status, newest change first). An employer: its own. */
export const listEmployers = async (
  deps: Deps,
  who: Identity,
  q: { status?: EmployerStatus; cursor?: string },
): Promise<Paged<EmployerView>> => {
  if (!isStaffRole(who.role)) {
    const mine = await employerOfAccount(deps, who)
    return { items: mine ? [toEmployerView(mine)] : [], nextCursor: null }
  }
  const where: Filter[] = [{ field: 'region', op: 'prefix', value: staffScope(who) }]
  if (q.status) where.unshift({ field: 'status', op: 'eq', value: q.status })
  const page = await deps.store.find(employers, {
    where,
    orderBy: [{ field: 'updatedAt', dir: 'desc' }],
    limit: 20,
    cursor: q.cursor,
  })
  return { items: page.items.map(toEmployerView), nextCursor: page.nextCursor }
}
