import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { agreementDraftSchema, agreementSignSchema } from '../../shared/people/agreement'
import {
  bindDecisionSchema,
  employmentRegistrationSchema,
  identityCorrectionSchema,
  keyGroupAddSchema,
  keyGroupConfirmSchema,
  keyGroupDeclareSchema,
  keyGroupEndSchema,
  keyGroupSchema,
  meBindSchema,
  meUpdateSchema,
  personExitSchema,
  personRevealQuerySchema,
  revealQuerySchema,
} from '../../shared/people/person'
import { plainText } from '../../shared/text'
import { cursorParam, z } from '../../shared/validation'
import { LIMITS } from '../contexts/limits/rate-limit'
import { getAgreement, saveAgreement, signAgreement } from '../contexts/people/agreements'
import {
  decideBindRequest,
  listBindRequests,
  myBindRequest,
  requestBindConfirmation,
  revealBindRequest,
} from '../contexts/people/bind-requests'
import { recordEmploymentRegistration } from '../contexts/people/employment-registration'
import { recordPersonExit } from '../contexts/people/exit'
import { getPerson } from '../contexts/people/get-person'
import { getHousehold, linkHousehold } from '../contexts/people/households'
import { correctIdentity } from '../contexts/people/identity-correction'
import {
  addKeyGroup,
  decideKeyGroupClaim,
  declareKeyGroup,
  endKeyGroup,
  listKeyGroupClaims,
} from '../contexts/people/key-groups'
import { getMe, updateMe } from '../contexts/people/me'
import { registerPerson } from '../contexts/people/register-person'
import { searchPeople } from '../contexts/people/search-people'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route, withStatus } from '../runtime/http'

const STAFF = ['coordinator', 'street', 'county'] as const
const personIdParams = z.object({ id: z.string().regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确') })
const personGroupParams = personIdParams.extend({ group: keyGroupSchema })

const fn = httpFunction({
  [routeKey(API_ROUTES.getMe)]: route({
    access: 'user',
    query: revealQuerySchema,
    handle: ({ deps, identity, query }) => getMe(deps, identity!, query.reveal === 'idNumber'),
  }),
  [routeKey(API_ROUTES.updateMe)]: route({
    access: 'user',
    body: meBindSchema,
    handle: async ({ deps, identity, body }) => {
      const result = await updateMe(deps, identity!, body)
      // A first registration answers 202 until the phone is proven.
      return 'step' in result ? withStatus(202, result) : result
    },
  }),
  [routeKey(API_ROUTES.requestBindConfirmation)]: route({
    access: 'user',
    limits: LIMITS.bindRequest,
    body: meUpdateSchema,
    status: 202,
    handle: ({ deps, identity, body }) => requestBindConfirmation(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.myBindRequest)]: route({
    access: 'user',
    handle: ({ deps, identity }) => myBindRequest(deps, identity!),
  }),
  [routeKey(API_ROUTES.listBindRequests)]: route({
    access: ['coordinator', 'street'],
    query: z.object({ cursor: cursorParam.optional() }).strict(),
    handle: ({ deps, identity, query }) => listBindRequests(deps, identity!, query.cursor),
  }),
  [routeKey(API_ROUTES.decideBindRequest)]: route({
    access: ['coordinator', 'street'],
    params: z.object({ id: z.string().regex(/^br_[a-f0-9]{24}$/, '核实申请编号格式不正确') }),
    body: bindDecisionSchema,
    handle: ({ deps, identity, params, body }) => decideBindRequest(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.revealBindRequest)]: route({
    access: ['coordinator', 'street'],
    params: z.object({ id: z.string().regex(/^br_[a-f0-9]{24}$/, '核实申请编号格式不正确') }),
    handle: ({ deps, identity, params }) => revealBindRequest(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.correctIdentity)]: route({
    access: ['coordinator', 'street'],
    params: personIdParams,
    body: identityCorrectionSchema,
    handle: ({ deps, identity, params, body }) => correctIdentity(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.getPerson)]: route({
    access: 'user',
    params: personIdParams,
    query: personRevealQuerySchema,
    handle: ({ deps, identity, params, query }) => getPerson(deps, identity!, params.id, query.reveal),
  }),
  [routeKey(API_ROUTES.exitPerson)]: route({
    access: STAFF,
    params: personIdParams,
    body: personExitSchema,
    handle: ({ deps, identity, params, body }) => recordPersonExit(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.registerPerson)]: route({
    access: ['coordinator', 'street'],
    body: meUpdateSchema,
    status: 201,
    handle: ({ deps, identity, body }) => registerPerson(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.getAgreement)]: route({
    access: 'user',
    params: personIdParams,
    handle: ({ deps, identity, params }) => getAgreement(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.saveAgreement)]: route({
    access: ['coordinator', 'street'],
    params: personIdParams,
    body: agreementDraftSchema,
    handle: ({ deps, identity, params, body }) => saveAgreement(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.signAgreement)]: route({
    access: 'user',
    params: personIdParams,
    body: agreementSignSchema,
    handle: ({ deps, identity, params, body }) => signAgreement(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.searchPeople)]: route({
    access: STAFF,
    query: z
      .object({
        q: plainText('姓名', { max: 20 }).optional(),
        cursor: cursorParam.optional(),
      })
      .strict(),
    handle: ({ deps, identity, query }) => searchPeople(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.recordEmploymentRegistration)]: route({
    access: STAFF,
    params: personIdParams,
    body: employmentRegistrationSchema,
    handle: ({ deps, identity, params, body }) =>
      recordEmploymentRegistration(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.linkHousehold)]: route({
    access: ['coordinator', 'street'],
    body: z.object({ members: z.array(z.string().max(60)).min(1, '至少一名家庭成员').max(20) }).strict(),
    status: 201,
    handle: ({ deps, identity, body }) => linkHousehold(deps, identity!, body.members),
  }),
  [routeKey(API_ROUTES.getHousehold)]: route({
    access: 'user',
    params: z.object({ id: z.string().regex(/^hh_[a-z0-9_]{1,40}$/, '家庭编号格式不正确') }),
    handle: ({ deps, identity, params }) => getHousehold(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.addKeyGroup)]: route({
    access: STAFF,
    params: personIdParams,
    body: keyGroupAddSchema,
    status: 201,
    handle: ({ deps, identity, params, body }) => addKeyGroup(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.endKeyGroup)]: route({
    access: STAFF,
    params: personGroupParams,
    body: keyGroupEndSchema,
    handle: ({ deps, identity, params, body }) => endKeyGroup(deps, identity!, params.id, params.group, body),
  }),
  [routeKey(API_ROUTES.decideKeyGroupClaim)]: route({
    access: STAFF,
    params: personGroupParams,
    body: keyGroupConfirmSchema,
    handle: ({ deps, identity, params, body }) =>
      decideKeyGroupClaim(deps, identity!, params.id, params.group, body),
  }),
  [routeKey(API_ROUTES.declareKeyGroup)]: route({
    access: 'user',
    body: keyGroupDeclareSchema,
    handle: ({ deps, identity, body }) => declareKeyGroup(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.listKeyGroupClaims)]: route({
    access: STAFF,
    query: z.object({ cursor: cursorParam.optional() }).strict(),
    handle: ({ deps, identity, query }) => listKeyGroupClaims(deps, identity!, query.cursor),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('people', fn.handler)
