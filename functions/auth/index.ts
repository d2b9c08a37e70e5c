import { z } from 'zod'
import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { devLoginSchema, wechatLoginSchema } from '../../shared/auth/identity'
import {
  grantStaffRoleSchema,
  refuseStaffRequestSchema,
  revokeStaffRoleSchema,
  staffRequestSchema,
} from '../../shared/auth/staff-roles'
import { devLogin, sessionInfo, wechatLogin } from '../contexts/auth/login'
import {
  grantStaffRole,
  listStaff,
  myStaffRequest,
  refuseStaffRequest,
  requestStaffRole,
  revokeStaffRole,
} from '../contexts/auth/staff-roles'
import { LIMITS } from '../contexts/limits/rate-limit'
import { findMyPerson } from '../contexts/people/me'
import { wechatAuth } from '../identity/wechat-code2session'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'
import { accounts } from '../store/collections'

const accountParams = z.object({
  accountId: z.string().regex(/^wx:[A-Za-z0-9_-]{1,64}$/, '账号格式不正确'),
})

const fn = httpFunction({
  [routeKey(API_ROUTES.devLogin)]: route({
    access: 'public',
    limits: LIMITS.login,
    body: devLoginSchema,
    handle: ({ deps, body }) => devLogin(deps, body),
  }),
  [routeKey(API_ROUTES.wechatLogin)]: route({
    access: 'public',
    limits: LIMITS.login,
    body: wechatLoginSchema,
    handle: ({ deps, body }) =>
      wechatLogin(deps, wechatAuth(deps.env.WECHAT_APPID, deps.env.WECHAT_SECRET), body.code),
  }),
  [routeKey(API_ROUTES.session)]: route({
    access: 'user',
    handle: async ({ deps, identity }) => {
      // A resident's community is the one in their real-name record, once they have one.
      if (identity!.role === 'resident' && !identity!.region) {
        const me = await findMyPerson(deps, identity!)
        if (me) return sessionInfo({ ...identity!, region: me.community })
      }
      if (identity!.role === 'county') {
        const account = await deps.store.get(accounts, `wx:${identity!.openid}`)
        return { ...sessionInfo(identity!), admin: account?.admin === true }
      }
      return sessionInfo(identity!)
    },
  }),
  [routeKey(API_ROUTES.requestStaffRole)]: route({
    access: 'user',
    limits: LIMITS.bindRequest,
    body: staffRequestSchema,
    handle: ({ deps, identity, body }) => requestStaffRole(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.myStaffRequest)]: route({
    access: 'user',
    handle: ({ deps, identity }) => myStaffRequest(deps, identity!),
  }),
  [routeKey(API_ROUTES.listStaff)]: route({
    access: ['county'],
    handle: ({ deps, identity }) => listStaff(deps, identity!),
  }),
  [routeKey(API_ROUTES.grantStaffRole)]: route({
    access: ['county'],
    params: accountParams,
    body: grantStaffRoleSchema,
    handle: ({ deps, identity, params, body }) => grantStaffRole(deps, identity!, params.accountId, body),
  }),
  [routeKey(API_ROUTES.revokeStaffRole)]: route({
    access: ['county'],
    params: accountParams,
    body: revokeStaffRoleSchema,
    handle: ({ deps, identity, params, body }) =>
      revokeStaffRole(deps, identity!, params.accountId, body.reason),
  }),
  [routeKey(API_ROUTES.refuseStaffRequest)]: route({
    access: ['county'],
    params: accountParams,
    body: refuseStaffRequestSchema,
    handle: ({ deps, identity, params, body }) =>
      refuseStaffRequest(deps, identity!, params.accountId, body.reason),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('auth', fn.handler)
