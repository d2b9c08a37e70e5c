import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { countySettingsSchema } from '../../shared/people/working-age'
import { getCountySettings, setCountySettings } from '../contexts/regions/county-settings'
import { listRegions, listRegionsQuerySchema } from '../contexts/regions/list-regions'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

const fn = httpFunction({
  [routeKey(API_ROUTES.listRegions)]: route({
    access: 'public',
    query: listRegionsQuerySchema,
    handle: async ({ query }) => listRegions(query.parent),
  }),
  [routeKey(API_ROUTES.getCountySettings)]: route({
    access: ['coordinator', 'street', 'county'],
    handle: ({ deps, identity }) => getCountySettings(deps, identity!),
  }),
  [routeKey(API_ROUTES.setCountySettings)]: route({
    access: ['county'],
    body: countySettingsSchema,
    handle: ({ deps, identity, body }) => setCountySettings(deps, identity!, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('regions', fn.handler)
