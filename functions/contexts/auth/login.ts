import {
  type DevLoginInput,
  type Identity,
  isStaffRole,
  ROLE_LABELS,
  type SessionInfo,
} from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { issueSessionToken } from '../../identity/session-token'
import type { WechatAuth } from '../../identity/wechat-code2session'
import type { Deps } from '../../runtime/deps'
import { type AccountRecord, accounts } from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { findRegion, HOME_COUNTY, regionLabel } from '../regions/region-directory'

export const sessionInfo = (who: Identity): SessionInfo => ({
  role: who.role,
  roleLabel: ROLE_LABELS[who.role],
  region: who.region,
  regionName: who.region ? regionLabel(who.region) : null,
})

const saveAccount = async (deps: Deps, who: Identity, source: AccountRecord['source'], now: Date) => {
  const id = `wx:${who.openid}`
  const at = now.toISOString()
  // The demo's county logins administer staff roles, so the 人员权限 page can be tried.
  const admin = source === 'dev' ? who.role === 'county' : undefined
  const existing = await deps.store.get(accounts, id)
  if (existing) {
    await deps.store.update(accounts, id, {
      role: who.role,
      region: who.region,
      source,
      lastLoginAt: at,
      ...(admin === undefined ? {} : { admin }),
    })
    return
  }
  await deps.store
    .insert(accounts, {
      id,
      openid: who.openid,
      role: who.role,
      region: who.region,
      source,
      createdAt: at,
      lastLoginAt: at,
      ...(admin === undefined ? {} : { admin }),
    })
    .catch(async (err) => {
      // Two first logins at once: the other one created it; ours becomes an update.
      if ((err as Error).name !== 'DuplicateKeyError') throw err
      await deps.store.update(accounts, id, { role: who.role, region: who.region, source, lastLoginAt: at })
    })
}

/**
 * Local demo login as any role, so a newcomer can try every side of the system. Exists only
 * over the embedded store (env.devLogin); anywhere else it is refused before anything happens.
 */
export const devLogin = async (deps: Deps, input: DevLoginInput) => {
  if (!deps.env.devLogin) throw new AppError('AUTH.DEV_LOGIN_DISABLED')
  const region = isStaffRole(input.role)
    ? input.region!
    : input.role === 'resident'
      ? (input.region ?? null)
      : null
  if (region && (!findRegion(region) || !region.startsWith(HOME_COUNTY))) {
    throw new AppError('REQUEST.INVALID', {
      message: '请求参数有误：region',
      issues: [{ field: 'region', message: '该行政区划不在本系统服务范围内' }],
    })
  }
  const who: Identity = { openid: input.openid, role: input.role, region }
  const now = deps.clock.now()
  await saveAccount(deps, who, 'dev', now)
  await recordAudit(deps.store, now, who, {
    action: 'auth.dev-login',
    subject: `wx:${who.openid}`,
    result: 'ok',
  })
  return { token: await issueSessionToken(deps.env, who, now), session: sessionInfo(who) }
}

/** WeChat login over HTTP: the role comes from the account record, never from the client. */
export const wechatLogin = async (deps: Deps, wechat: WechatAuth, code: string) => {
  const { openid } = await wechat.code2session(code)
  const now = deps.clock.now()
  const account = await deps.store.get(accounts, `wx:${openid}`)
  const who: Identity = { openid, role: account?.role ?? 'resident', region: account?.region ?? null }
  await saveAccount(deps, who, 'wechat', now)
  await recordAudit(deps.store, now, who, {
    action: 'auth.wechat-login',
    subject: `wx:${openid}`,
    result: 'ok',
  })
  return { token: await issueSessionToken(deps.env, who, now), session: sessionInfo(who) }
}
