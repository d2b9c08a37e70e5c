import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { JOB_CATEGORIES, jobIdParamsSchema, jobListQuerySchema } from '../../shared/jobs/job'
import { getJob } from '../contexts/jobs/get-job'
import { listJobs } from '../contexts/jobs/list-jobs'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

const fn = httpFunction({
  [routeKey(API_ROUTES.listJobs)]: route({
    access: 'public',
    query: jobListQuerySchema,
    handle: ({ deps, query }) => listJobs(deps.store, query, deps.clock.now()),
  }),
  [routeKey(API_ROUTES.getJob)]: route({
    access: 'public',
    params: jobIdParamsSchema,
    handle: ({ deps, params }) => getJob(deps.store, params.id, deps.clock.now()),
  }),
  [routeKey(API_ROUTES.listJobCategories)]: route({
    access: 'public',
    handle: async () => ({ items: Object.entries(JOB_CATEGORIES).map(([code, label]) => ({ code, label })) }),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('jobs', fn.handler)
