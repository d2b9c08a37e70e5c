import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'
import { meta } from '../store/collections'

/** Liveness and what the deployment runs on; the app reads `devLogin` to offer the role switcher. */
const fn = httpFunction({
  [routeKey(API_ROUTES.health)]: route({
    access: 'public',
    handle: async ({ deps }) => {
      await deps.store.get(meta, 'demo-seed') // proves the store answers
      return {
        ok: true,
        store: deps.store.kind,
        devLogin: deps.env.devLogin,
        county: deps.env.HOME_COUNTY,
        time: deps.clock.now().toISOString(),
      }
    },
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('health', fn.handler)
