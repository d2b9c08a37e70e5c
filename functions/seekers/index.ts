import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { vacancyIdSchema } from '../../shared/employers/employer'
import {
  INTEREST_STATUSES,
  type InterestStatus,
  interestInputSchema,
  interestOutcomeSchema,
  jobPushSettingSchema,
  returneeSchema,
} from '../../shared/jobs/seeker'
import {
  welfareAllocationSchema,
  welfarePostIdSchema,
  welfarePostInputSchema,
} from '../../shared/jobs/welfare'
import { calendarDateSchema } from '../../shared/text'
import { z } from '../../shared/validation'
import {
  expressInterest,
  getInterest,
  listMyInterests,
  listRegionInterests,
  listVacancyInterests,
  recordInterestOutcome,
} from '../contexts/jobs/interests'
import {
  allocateWelfarePost,
  createWelfarePost,
  getWelfarePost,
  listWelfareCandidates,
  listWelfarePosts,
} from '../contexts/jobs/welfare-posts'
import { listRegionPushes } from '../contexts/seekers/job-push'
import { myJob, myRecommendations } from '../contexts/seekers/recommendations'
import { registerReturnee, setJobPush } from '../contexts/seekers/returnee'
import { campaignReport } from '../contexts/seekers/returnee-campaign'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route, withStatus } from '../runtime/http'

/**
 * Job seekers: 我要应聘 and what came of it, 为你推荐, the returnee's registration, the
 * switch for pushes, and — for staff — who applied to what and what was pushed to whom.
 */
const STAFF = ['coordinator', 'street', 'county'] as const
const cursor = z.string().max(500).optional()
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')

const fn = httpFunction({
  [routeKey(API_ROUTES.expressInterest)]: route({
    access: ['resident'],
    params: z.object({ id: vacancyIdSchema }),
    body: interestInputSchema,
    status: 201,
    handle: async ({ deps, identity, params, body }) => {
      const { created, view } = await expressInterest(deps, identity!, params.id, body)
      return created ? view : withStatus(200, view)
    },
  }),
  [routeKey(API_ROUTES.listMyInterests)]: route({
    access: 'user',
    query: z.object({ jobId: vacancyIdSchema.optional(), cursor }).strict(),
    handle: ({ deps, identity, query }) => listMyInterests(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.myRecommendations)]: route({
    access: 'user',
    handle: ({ deps, identity }) => myRecommendations(deps, identity!),
  }),
  [routeKey(API_ROUTES.myJob)]: route({
    access: ['resident'],
    params: z.object({ id: vacancyIdSchema }),
    handle: ({ deps, identity, params }) => myJob(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.registerReturnee)]: route({
    access: ['resident'],
    body: returneeSchema,
    handle: ({ deps, identity, body }) => registerReturnee(deps, identity!, null, body),
  }),
  [routeKey(API_ROUTES.registerReturneeOnVisit)]: route({
    access: STAFF,
    params: z.object({ id }),
    body: returneeSchema,
    handle: ({ deps, identity, params, body }) => registerReturnee(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.setJobPush)]: route({
    access: 'user',
    body: jobPushSettingSchema,
    handle: ({ deps, identity, body }) => setJobPush(deps, identity!, body.jobPush),
  }),
  [routeKey(API_ROUTES.listVacancyInterests)]: route({
    access: ['employer', ...STAFF],
    params: z.object({ id: vacancyIdSchema }),
    query: z.object({ cursor }).strict(),
    handle: ({ deps, identity, params, query }) =>
      listVacancyInterests(deps, identity!, params.id, query.cursor),
  }),
  [routeKey(API_ROUTES.listInterests)]: route({
    access: STAFF,
    query: z
      .object({
        status: z
          .enum(Object.keys(INTEREST_STATUSES) as [InterestStatus, ...InterestStatus[]], {
            error: `status 只能是 ${Object.keys(INTEREST_STATUSES).join('、')}`,
          })
          .optional(),
        cursor,
      })
      .strict(),
    handle: ({ deps, identity, query }) => listRegionInterests(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.getInterest)]: route({
    access: 'user',
    params: z.object({ id }),
    query: z.object({ reveal: z.literal('phone', { error: 'reveal 只能是 phone' }).optional() }).strict(),
    handle: ({ deps, identity, params, query }) =>
      getInterest(deps, identity!, params.id, query.reveal === 'phone'),
  }),
  [routeKey(API_ROUTES.recordInterestOutcome)]: route({
    access: ['employer', ...STAFF],
    params: z.object({ id }),
    body: interestOutcomeSchema,
    handle: ({ deps, identity, params, body }) => recordInterestOutcome(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.listJobPushes)]: route({
    access: STAFF,
    query: z.object({ day: calendarDateSchema('日期').optional(), cursor }).strict(),
    handle: ({ deps, identity, query }) => listRegionPushes(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.returneeCampaign)]: route({
    access: STAFF,
    query: z
      .object({
        from: calendarDateSchema('开始日期').optional(),
        to: calendarDateSchema('结束日期').optional(),
      })
      .strict(),
    handle: ({ deps, identity, query }) => campaignReport(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.listWelfarePosts)]: route({
    access: STAFF,
    query: z.object({ cursor }).strict(),
    handle: ({ deps, identity, query }) => listWelfarePosts(deps, identity!, query.cursor),
  }),
  [routeKey(API_ROUTES.createWelfarePost)]: route({
    access: ['county'],
    body: welfarePostInputSchema,
    status: 201,
    handle: ({ deps, identity, body }) => createWelfarePost(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.getWelfarePost)]: route({
    access: STAFF,
    params: z.object({ id: welfarePostIdSchema }),
    handle: ({ deps, identity, params }) => getWelfarePost(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.listWelfareCandidates)]: route({
    access: STAFF,
    params: z.object({ id: welfarePostIdSchema }),
    handle: ({ deps, identity, params }) => listWelfareCandidates(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.allocateWelfarePost)]: route({
    access: ['street', 'county'],
    params: z.object({ id: welfarePostIdSchema }),
    body: welfareAllocationSchema,
    handle: ({ deps, identity, params, body }) => allocateWelfarePost(deps, identity!, params.id, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('seekers', fn.handler)
