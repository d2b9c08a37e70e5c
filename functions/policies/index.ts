import { API_ROUTES, routeKey } from '../../shared/api/routes'
import {
  candidateDecisionSchema,
  enjoymentInputSchema,
  explainedSchema,
  noticeIdSchema,
  noticeInputSchema,
  policyIdSchema,
  policyInputSchema,
  quarterSchema,
  withdrawSchema,
} from '../../shared/policies/policy'
import { regionCodeSchema } from '../../shared/regions/region-code'
import { z } from '../../shared/validation'
import { decideCandidate, listDeductionCandidates } from '../contexts/policies/deduction-candidates'
import { getPolicy, myEligibility } from '../contexts/policies/eligibility'
import { recordEnjoyment } from '../contexts/policies/enjoyments'
import {
  createPolicy,
  listPolicies,
  listVersions,
  publishPolicy,
  updatePolicy,
  withdrawPolicy,
} from '../contexts/policies/manage-policies'
import {
  createNotice,
  getNotice,
  listNotices,
  publishNotice,
  withdrawNotice,
} from '../contexts/policies/policy-notices'
import { listUnenjoyed, reachStats, recordExplained } from '../contexts/policies/policy-reach'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

/**
 * 政策: the catalogue (read by anyone, kept by the county), a resident's eligibility with
 * reasons, policy notices, and how far each policy has reached the people it is for.
 */
const STAFF = ['coordinator', 'street', 'county'] as const
const OFFICERS = ['street', 'county'] as const
const cursor = z.string().max(500).optional()
const policyParams = z.object({ id: policyIdSchema })
const noticeParams = z.object({ id: noticeIdSchema })
const personParams = z.object({ id: z.string().regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确') })
const reachParams = z.object({
  id: z.string().regex(/^pol_[a-z0-9_]{1,60}:psn_[a-z0-9_]{1,40}$/, '记录编号格式不正确'),
})

const fn = httpFunction({
  [routeKey(API_ROUTES.listPolicies)]: route({
    access: 'public',
    query: z
      .object({
        status: z
          .enum(['published', 'draft', 'withdrawn', 'all'], {
            error: 'status 只能是 published、draft、withdrawn 或 all',
          })
          .optional(),
        cursor,
      })
      .strict(),
    handle: ({ deps, identity, query }) => listPolicies(deps, identity, query),
  }),
  [routeKey(API_ROUTES.getPolicy)]: route({
    access: 'public',
    params: policyParams,
    handle: ({ deps, identity, params }) => getPolicy(deps, identity, params.id),
  }),
  [routeKey(API_ROUTES.createPolicy)]: route({
    access: ['county'],
    body: policyInputSchema,
    status: 201,
    handle: ({ deps, identity, body }) => createPolicy(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.updatePolicy)]: route({
    access: ['county'],
    params: policyParams,
    body: policyInputSchema,
    handle: ({ deps, identity, params, body }) => updatePolicy(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.publishPolicy)]: route({
    access: ['county'],
    params: policyParams,
    handle: ({ deps, identity, params }) => publishPolicy(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.withdrawPolicy)]: route({
    access: ['county'],
    params: policyParams,
    body: withdrawSchema,
    handle: ({ deps, identity, params, body }) => withdrawPolicy(deps, identity!, params.id, body.reason),
  }),
  [routeKey(API_ROUTES.listPolicyVersions)]: route({
    access: OFFICERS,
    params: policyParams,
    handle: ({ deps, identity, params }) => listVersions(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.myEligibility)]: route({
    access: 'user',
    handle: ({ deps, identity }) => myEligibility(deps, identity!),
  }),
  [routeKey(API_ROUTES.recordEnjoyment)]: route({
    access: STAFF,
    params: personParams,
    body: enjoymentInputSchema,
    status: 201,
    handle: ({ deps, identity, params, body }) => recordEnjoyment(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.listPolicyNotices)]: route({
    access: 'public',
    query: z
      .object({
        status: z
          .enum(['published', 'draft', 'withdrawn'], { error: 'status 只能是 published、draft 或 withdrawn' })
          .optional(),
        cursor,
      })
      .strict(),
    handle: ({ deps, identity, query }) => listNotices(deps, identity, query),
  }),
  [routeKey(API_ROUTES.getPolicyNotice)]: route({
    access: 'public',
    params: noticeParams,
    handle: ({ deps, identity, params }) => getNotice(deps, identity, params.id),
  }),
  [routeKey(API_ROUTES.createPolicyNotice)]: route({
    access: ['county'],
    body: noticeInputSchema,
    status: 201,
    handle: ({ deps, identity, body }) => createNotice(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.publishPolicyNotice)]: route({
    access: ['county'],
    params: noticeParams,
    handle: ({ deps, identity, params }) => publishNotice(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.withdrawPolicyNotice)]: route({
    access: ['county'],
    params: noticeParams,
    body: withdrawSchema,
    handle: ({ deps, identity, params, body }) => withdrawNotice(deps, identity!, params.id, body.reason),
  }),
  [routeKey(API_ROUTES.policyReach)]: route({
    access: STAFF,
    query: z.object({ region: regionCodeSchema.optional(), policyId: policyIdSchema.optional() }).strict(),
    handle: ({ deps, identity, query }) => reachStats(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.listUnenjoyed)]: route({
    access: STAFF,
    query: z
      .object({
        policyId: policyIdSchema.optional(),
        community: regionCodeSchema.optional(),
        personId: z
          .string()
          .regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确')
          .optional(),
        state: z
          .enum(['to_brief', 'briefed', 'all'], { error: 'state 只能是 to_brief、briefed 或 all' })
          .optional(),
        cursor,
      })
      .strict(),
    handle: ({ deps, identity, query }) => listUnenjoyed(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.recordExplained)]: route({
    access: STAFF,
    params: reachParams,
    body: explainedSchema,
    handle: ({ deps, identity, params, body }) => recordExplained(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.listDeductionCandidates)]: route({
    access: OFFICERS,
    query: z
      .object({
        quarter: quarterSchema,
        status: z
          .enum(['candidate', 'confirmed', 'dismissed'], {
            error: 'status 只能是 candidate、confirmed 或 dismissed',
          })
          .optional(),
        cursor,
      })
      .strict(),
    handle: ({ deps, identity, query }) => listDeductionCandidates(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.decideDeductionCandidate)]: route({
    access: ['county'],
    params: z.object({
      id: z.string().regex(/^\d{4}Q[1-4]:pol_[a-z0-9_]{1,60}:psn_[a-z0-9_]{1,40}$/, '编号格式不正确'),
    }),
    body: candidateDecisionSchema,
    handle: ({ deps, identity, params, body }) => decideCandidate(deps, identity!, params.id, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('policies', fn.handler)
