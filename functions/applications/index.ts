import { API_ROUTES, routeKey } from '../../shared/api/routes'
import {
  APPLICATION_TYPES,
  objectionSchema,
  reviewDecisionSchema,
  STAGES,
  STATUSES,
  submitApplicationSchema,
} from '../../shared/applications/application-types'
import { regionCodeSchema } from '../../shared/regions/region-code'
import { cursorParam, z } from '../../shared/validation'
import {
  getApplication,
  listMyApplications,
  withdrawApplication,
} from '../contexts/applications/my-applications'
import { listPublicNotices, objectToNotice } from '../contexts/applications/public-notices'
import { decide, listReviewQueue } from '../contexts/applications/review-application'
import { submitApplication } from '../contexts/applications/submit-application'
import { LIMITS } from '../contexts/limits/rate-limit'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route, withStatus } from '../runtime/http'

const idParams = z.object({ id: z.string().regex(/^app_[a-f0-9]{24}$/, '申请编号格式不正确') })
const cursorQuery = z.object({ cursor: cursorParam.optional() }).strict()
const queueQuery = z
  .object({
    stage: z
      .enum(['community_review', 'objection_hold', 'street_review', 'county_decision'], {
        error: '没有这个审核环节',
      })
      .optional(),
    cursor: cursorParam.optional(),
  })
  .strict()

const fn = httpFunction({
  [routeKey(API_ROUTES.listApplicationTypes)]: route({
    access: 'public',
    handle: async () => ({
      items: Object.entries(APPLICATION_TYPES).map(([type, t]) => ({
        type,
        label: t.label,
        summary: t.summary,
        materials: t.materials,
        chain: t.chain.map((stage) => ({ stage, label: STAGES[stage] })),
        needsRegistration: t.needsRegistration,
      })),
      statuses: STATUSES,
    }),
  }),
  [routeKey(API_ROUTES.submitApplication)]: route({
    access: 'user',
    limits: LIMITS.submission,
    body: submitApplicationSchema,
    status: 201,
    handle: async ({ deps, identity, body }) => {
      const { created, view } = await submitApplication(deps, identity!, body)
      // A retried submit answers 200 with the application the first one created.
      return created ? view : withStatus(200, view)
    },
  }),
  [routeKey(API_ROUTES.listMyApplications)]: route({
    access: 'user',
    query: cursorQuery,
    handle: ({ deps, identity, query }) => listMyApplications(deps, identity!, query.cursor),
  }),
  [routeKey(API_ROUTES.getApplication)]: route({
    access: 'user',
    params: idParams,
    handle: ({ deps, identity, params }) => getApplication(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.withdrawApplication)]: route({
    access: 'user',
    params: idParams,
    handle: ({ deps, identity, params }) => withdrawApplication(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.listReviews)]: route({
    access: ['coordinator', 'street', 'county'],
    query: queueQuery,
    handle: ({ deps, identity, query }) => listReviewQueue(deps, identity!, query.stage, query.cursor),
  }),
  [routeKey(API_ROUTES.review)]: route({
    access: ['coordinator', 'street', 'county'],
    params: idParams,
    body: reviewDecisionSchema,
    handle: ({ deps, identity, params, body }) => decide(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.listPublicNotices)]: route({
    access: 'public',
    query: z
      .object({ community: regionCodeSchema.refine((c) => c.length >= 9, '请选择镇/街道或社区') })
      .strict(),
    handle: ({ deps, query }) => listPublicNotices(deps, query.community),
  }),
  [routeKey(API_ROUTES.objectToNotice)]: route({
    access: 'user',
    limits: LIMITS.objection,
    params: idParams,
    body: objectionSchema,
    handle: ({ deps, identity, params, body }) => objectToNotice(deps, identity!, params.id, body.reason),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('applications', fn.handler)
