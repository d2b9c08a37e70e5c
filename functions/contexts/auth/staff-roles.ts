import {
  type Identity,
  isStaffRole,
  ROLE_LABELS,
  STAFF_ROLES,
  type StaffRole,
} from '../../../shared/auth/identity'
import type {
  GrantStaffRoleInput,
  StaffAccountView,
  StaffRequestInput,
  StaffRequestView,
} from '../../../shared/auth/staff-roles'
import { AppError } from '../../../shared/errors'
import type { Deps } from '../../runtime/deps'
import { type AccountRecord, accounts, type StaffRequestRecord, staffRequests } from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { findAll } from '../../store/scan'
import { recordAudit } from '../audit/record-audit'
import { inboxNotifier } from '../inbox/notifier'
import { findRegion, HOME_COUNTY, regionLabel } from '../regions/region-directory'

/**
 * Staff roles in production: asked for in the app by the person who holds the post, granted or
 * refused — and later taken away — by a county system administrator, every step audited. The
 * account is what every request re-reads (runtime/http.ts), so a role taken away stops at once,
 * over HTTP and through CloudBase alike. The first administrator is made on the command line
 * (`npm run grant`), where nobody yet can grant.
 */

const accountIdOf = (who: Identity) => `wx:${who.openid}`

const requestView = (r: StaffRequestRecord): StaffRequestView => ({
  accountId: r.id,
  name: r.name,
  role: r.role,
  roleLabel: ROLE_LABELS[r.role],
  region: r.region,
  regionName: regionLabel(r.region) ?? r.region,
  unit: r.unit,
  status: r.status,
  at: r.at,
  decidedAt: r.decidedAt,
  reason: r.reason,
})

const staffView = (a: AccountRecord, self: string): StaffAccountView => ({
  accountId: a.id,
  name: a.name ?? null,
  unit: a.unit ?? null,
  role: a.role as StaffRole,
  roleLabel: ROLE_LABELS[a.role],
  region: a.region!,
  regionName: regionLabel(a.region!) ?? a.region!,
  admin: a.admin === true,
  grantedAt: a.grantedAt ?? null,
  lastLoginAt: a.lastLoginAt,
  self: a.id === self,
})

const inCounty = (region: string) => {
  if (!findRegion(region) || !region.startsWith(HOME_COUNTY))
    throw new AppError('REQUEST.INVALID', {
      message: '请求参数有误：region',
      issues: [{ field: 'region', message: '该行政区划不在本系统服务范围内' }],
    })
}

/** Only a county account marked administrator may grant; read from the account, not the token. */
const requireAdmin = async (deps: Deps, who: Identity): Promise<AccountRecord> => {
  const me = await deps.store.get(accounts, accountIdOf(who))
  if (me?.role !== 'county' || me.admin !== true) throw new AppError('STAFF.NOT_ADMIN')
  return me
}

/** Anyone logged in who is not staff yet asks for a role; asking again replaces the request. */
export const requestStaffRole = async (
  deps: Deps,
  who: Identity,
  input: StaffRequestInput,
): Promise<StaffRequestView> => {
  if (isStaffRole(who.role)) throw new AppError('STAFF.ALREADY_STAFF')
  if (who.role === 'employer') throw new AppError('STAFF.EMPLOYER_ACCOUNT')
  inCounty(input.region)
  const now = deps.clock.now().toISOString()
  const record: StaffRequestRecord = {
    id: accountIdOf(who),
    ...input,
    status: 'pending',
    at: now,
    updatedAt: now,
    decidedBy: null,
    decidedAt: null,
    reason: null,
  }
  const existing = await deps.store.get(staffRequests, record.id)
  if (existing) await deps.store.update(staffRequests, record.id, record)
  else
    await deps.store.insert(staffRequests, record).catch(async (err) => {
      if (!(err instanceof DuplicateKeyError)) throw err
      await deps.store.update(staffRequests, record.id, record) // a double tap: same request
    })
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'staff.request',
    subject: record.id,
    result: 'ok',
    detail: { role: input.role, region: input.region },
  })
  return requestView(record)
}

export const myStaffRequest = async (deps: Deps, who: Identity): Promise<StaffRequestView | null> => {
  const r = await deps.store.get(staffRequests, accountIdOf(who))
  return r ? requestView(r) : null
}

/** The administrator's page: requests waiting, then the county's staff by region. */
export const listStaff = async (
  deps: Deps,
  who: Identity,
): Promise<{ requests: StaffRequestView[]; staff: StaffAccountView[] }> => {
  await requireAdmin(deps, who)
  const pending = await deps.store.find(staffRequests, {
    where: [{ field: 'status', op: 'eq', value: 'pending' }],
    orderBy: [{ field: 'updatedAt', dir: 'asc' }],
    limit: 100,
  })
  // A county has a few hundred staff accounts at most; all of them, in region order.
  const staff = await findAll(deps.store, accounts, {
    where: [
      { field: 'region', op: 'prefix', value: HOME_COUNTY },
      { field: 'role', op: 'in', value: [...STAFF_ROLES] },
    ],
    orderBy: [{ field: 'region', dir: 'asc' }],
  })
  const self = accountIdOf(who)
  return { requests: pending.items.map(requestView), staff: staff.map((a) => staffView(a, self)) }
}

/**
 * Grant (or change) a staff role. The account must have logged in once (it exists); a pending
 * request of theirs is marked granted. The person hears of it in 消息.
 */
export const grantStaffRole = async (
  deps: Deps,
  who: Identity,
  accountId: string,
  input: GrantStaffRoleInput,
): Promise<StaffAccountView> => {
  const admin = await requireAdmin(deps, who)
  inCounty(input.region)
  const target = await deps.store.get(accounts, accountId)
  if (!target) throw new AppError('STAFF.ACCOUNT_NOT_FOUND')
  if (target.role === 'employer') throw new AppError('STAFF.EMPLOYER_ACCOUNT')
  if (target.id === admin.id && !input.admin) throw new AppError('STAFF.SELF')
  const at = deps.clock.now()
  const now = at.toISOString()
  const request = await deps.store.get(staffRequests, accountId)
  const saved = await deps.store.update(accounts, accountId, {
    role: input.role,
    region: input.region,
    admin: input.admin,
    name: request?.name ?? target.name ?? null,
    unit: request?.unit ?? target.unit ?? null,
    grantedAt: now,
    grantedBy: admin.id,
  })
  if (!saved) throw new AppError('STAFF.ACCOUNT_NOT_FOUND')
  if (request?.status === 'pending')
    await deps.store.update(staffRequests, accountId, {
      status: 'granted',
      updatedAt: now,
      decidedBy: admin.id,
      decidedAt: now,
    })
  await recordAudit(deps.store, at, who, {
    action: 'staff.grant',
    subject: accountId,
    result: 'ok',
    detail: {
      role: input.role,
      region: input.region,
      admin: input.admin,
      before: target.role,
      beforeRegion: target.region,
    },
  })
  await inboxNotifier(deps.store).notify(
    accountId,
    {
      title: `已开通${ROLE_LABELS[input.role]}权限`,
      body: `${regionLabel(input.region)}${input.admin ? '（系统管理员）' : ''}。请重新打开小程序，在“我的”进入工作台。`,
    },
    at,
  )
  return staffView(saved, admin.id)
}

/** Refuse a pending request, with the reason the person reads. */
export const refuseStaffRequest = async (deps: Deps, who: Identity, accountId: string, reason: string) => {
  const admin = await requireAdmin(deps, who)
  const request = await deps.store.get(staffRequests, accountId)
  if (request?.status !== 'pending') throw new AppError('STAFF.REQUEST_NOT_FOUND')
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await deps.store.update(
    staffRequests,
    accountId,
    { status: 'refused', updatedAt: now, decidedBy: admin.id, decidedAt: now, reason },
    { expect: { status: 'pending' } },
  )
  if (!saved) throw new AppError('STAFF.REQUEST_NOT_FOUND')
  await recordAudit(deps.store, at, who, { action: 'staff.refuse', subject: accountId, result: 'ok' })
  await inboxNotifier(deps.store).notify(accountId, { title: '工作人员权限申请未通过', body: reason }, at)
  return requestView(saved)
}

/** Take a staff role away: the account is a resident's again from its next request. */
export const revokeStaffRole = async (deps: Deps, who: Identity, accountId: string, reason: string) => {
  const admin = await requireAdmin(deps, who)
  if (accountId === admin.id) throw new AppError('STAFF.SELF')
  const target = await deps.store.get(accounts, accountId)
  if (!target || !isStaffRole(target.role) || !target.region?.startsWith(HOME_COUNTY))
    throw new AppError('STAFF.ACCOUNT_NOT_FOUND')
  const at = deps.clock.now()
  const saved = await deps.store.update(
    accounts,
    accountId,
    { role: 'resident', region: null, admin: false },
    { expect: { role: target.role, region: target.region } },
  )
  if (!saved) throw new AppError('STORE.CONFLICT')
  // Their request, if they made one, says so: taken back, with the reason; they may ask again.
  const now = at.toISOString()
  if (await deps.store.get(staffRequests, accountId))
    await deps.store.update(staffRequests, accountId, {
      status: 'revoked',
      updatedAt: now,
      decidedBy: admin.id,
      decidedAt: now,
      reason,
    })
  await recordAudit(deps.store, at, who, {
    action: 'staff.revoke',
    subject: accountId,
    result: 'ok',
    detail: { role: target.role, region: target.region, reason },
  })
  await inboxNotifier(deps.store).notify(
    accountId,
    { title: `${ROLE_LABELS[target.role]}权限已收回`, body: reason },
    at,
  )
  return { ok: true as const }
}
