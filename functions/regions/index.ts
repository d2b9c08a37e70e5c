import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { listRegions, listRegionsQuerySchema } from '../contexts/regions/list-regions'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

const fn = httpFunction({
  [routeKey(API_ROUTES.listRegions)]: route({
    access: 'public',
    query: listRegionsQuerySchema,
    handle: async ({ query }) => listRegions(query.parent),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('regions', fn.handler)
