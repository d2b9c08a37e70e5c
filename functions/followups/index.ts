import { API_ROUTES, routeKey } from '../../shared/api/routes'
import {
  followupRecordSchema,
  manualDeductionSchema,
  serviceRecordSchema,
} from '../../shared/followups/followup'
import { plainText } from '../../shared/text'
import { cursorParam, z } from '../../shared/validation'
import {
  cancelDeduction,
  deductionReport,
  listShortOf131,
  listTasks,
  personHistory,
  recordDeduction,
  recordFollowup,
  recordPersonFollowup,
  recordService,
} from '../contexts/followups/workbench'
import { shanghaiDate } from '../platform/time'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

const STAFF = ['coordinator', 'street', 'county'] as const
const personParams = z.object({ id: z.string().regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确') })

const fn = httpFunction({
  [routeKey(API_ROUTES.listFollowupTasks)]: route({
    access: STAFF,
    query: z
      .object({
        period: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period 应为 YYYY-MM')
          .optional(),
        status: z
          .enum(['open', 'done', 'missed'], { error: 'status 只能是 open、done 或 missed' })
          .optional(),
        q: z.string().trim().max(20).optional(),
        cursor: cursorParam.optional(),
      })
      .strict(),
    handle: ({ deps, identity, query }) => listTasks(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.recordFollowup)]: route({
    access: STAFF,
    params: z.object({ id: z.string().regex(/^fu_\d{6}_psn_[a-z0-9_]{1,40}$/, '任务编号格式不正确') }),
    body: followupRecordSchema,
    status: 201,
    handle: ({ deps, identity, params, body }) => recordFollowup(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.recordPersonFollowup)]: route({
    access: STAFF,
    params: personParams,
    body: followupRecordSchema,
    status: 201,
    handle: ({ deps, identity, params, body }) => recordPersonFollowup(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.recordService)]: route({
    access: STAFF,
    params: personParams,
    body: serviceRecordSchema,
    status: 201,
    handle: ({ deps, identity, params, body }) => recordService(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.personHistory)]: route({
    access: STAFF,
    params: personParams,
    handle: ({ deps, identity, params }) => personHistory(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.listShortOf131)]: route({
    access: STAFF,
    query: z.object({ cursor: cursorParam.optional() }).strict(),
    handle: ({ deps, identity, query }) => listShortOf131(deps, identity!, query.cursor),
  }),
  [routeKey(API_ROUTES.cancelDeduction)]: route({
    access: ['county'],
    params: z.object({ id: z.string().regex(/^ded_[A-Za-z0-9_-]{1,80}$/, '扣分编号格式不正确') }),
    body: z.object({ reason: plainText('撤销理由', { min: 4, max: 200 }) }).strict(),
    handle: ({ deps, identity, params, body }) => cancelDeduction(deps, identity!, params.id, body.reason),
  }),
  [routeKey(API_ROUTES.recordDeduction)]: route({
    access: ['county'],
    body: manualDeductionSchema,
    status: 201,
    handle: ({ deps, identity, body }) => recordDeduction(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.deductionReport)]: route({
    access: STAFF,
    query: z
      .object({
        // Without a year: this year's, as the app opens the report.
        year: z
          .string()
          .regex(/^\d{4}$/, 'year 应为年份，如 2026')
          .transform(Number)
          .optional(),
      })
      .strict(),
    handle: ({ deps, identity, query }) =>
      deductionReport(deps, identity!, query.year ?? Number(shanghaiDate(deps.clock.now()).slice(0, 4))),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('followups', fn.handler)
