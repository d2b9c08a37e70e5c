import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { calendarDateSchema } from '../../shared/text'
import { cursorParam, queryInt, z } from '../../shared/validation'
import { commitImmediateEmployment, listCases, recordPlacement } from '../contexts/placement/placement-cases'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

const STAFF = ['coordinator', 'street', 'county'] as const

const fn = httpFunction({
  [routeKey(API_ROUTES.listPlacementCases)]: route({
    access: STAFF,
    query: z
      .object({
        status: z.enum(['open', 'placed'], { error: 'status 只能是 open 或 placed' }).optional(),
        cursor: cursorParam.optional(),
        limit: queryInt({ min: 1, max: 100, label: '每页条数' }).optional(),
      })
      .strict(),
    handle: ({ deps, identity, query }) => listCases(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.commitImmediateEmployment)]: route({
    access: STAFF,
    params: z.object({ id: z.string().regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确') }),
    status: 201,
    handle: ({ deps, identity, params }) => commitImmediateEmployment(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.recordPlacement)]: route({
    access: STAFF,
    params: z.object({ id: z.string().regex(/^pc_[a-z0-9_]{1,40}$/, '个案编号格式不正确') }),
    body: z
      .object({
        personId: z.string().max(60),
        employer: z.string().trim().min(2, '请填写安置单位').max(60),
        post: z.string().trim().min(2, '请填写岗位').max(40),
        startedOn: calendarDateSchema('上岗日期'),
        note: z.string().trim().max(200).optional(),
        /** A public-welfare post (公益性岗位): the person then qualifies for the post subsidy. */
        publicWelfare: z.boolean({ error: 'publicWelfare 应为 true 或 false' }).optional(),
      })
      .strict(),
    handle: ({ deps, identity, params, body }) => recordPlacement(deps, identity!, params.id, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('placement', fn.handler)
