import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { devLoginSchema, wechatLoginSchema } from '../../shared/auth/identity'
import { devLogin, sessionInfo, wechatLogin } from '../contexts/auth/login'
import { LIMITS } from '../contexts/limits/rate-limit'
import { findMyPerson } from '../contexts/people/me'
import { wechatAuth } from '../identity/wechat-code2session'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

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
      return sessionInfo(identity!)
    },
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('auth', fn.handler)
