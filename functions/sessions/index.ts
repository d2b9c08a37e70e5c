import { API_ROUTES, routeKey } from '../../shared/api/routes'
import {
  attendanceInputSchema,
  BOOKING_STATUSES,
  type BookingStatus,
  bookingIdSchema,
  bookingInputSchema,
  capacityChangeSchema,
  sessionCancelSchema,
  sessionIdSchema,
  sessionInputSchema,
  sessionKindSchema,
} from '../../shared/sessions/session'
import { z } from '../../shared/validation'
import {
  bookSession,
  cancelBooking,
  cancelSession,
  checkIn,
  listMyBookings,
  listRegionBookings,
  listSessionBookings,
  myServices,
} from '../contexts/sessions/bookings'
import { changeCapacity, createSession, getSession, listSessions } from '../contexts/sessions/sessions'
import { sessionStats } from '../contexts/sessions/stats'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route, withStatus } from '../runtime/http'

/**
 * Guidance sessions residents book themselves: publishing (street/county), booking and
 * cancelling (residents, or staff on a resident's behalf), the roll call and check-in (hosts),
 * no-shows for coordinators, and the no-show rate for the county.
 */
const STAFF = ['coordinator', 'street', 'county'] as const
const cursor = z.string().max(500).optional()
const regionQuery = z
  .string()
  .regex(/^(\d{6}|\d{9}|\d{12})$/, { error: '地区代码不正确' })
  .optional()
const instantQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, {
    error: '时间格式应为 YYYY-MM-DD 或 ISO 时间',
  })
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s)), '时间无效')
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00+08:00` : s).toISOString())
  .optional()

const fn = httpFunction({
  [routeKey(API_ROUTES.listSessions)]: route({
    access: 'user',
    query: z
      .object({
        region: regionQuery,
        kind: sessionKindSchema.optional(),
        from: instantQuery,
        mine: z.enum(['1', 'true'], { error: 'mine 只能是 1' }).optional(),
      })
      .strict(),
    handle: ({ deps, identity, query }) =>
      listSessions(deps, identity!, { ...query, mine: query.mine !== undefined }),
  }),
  [routeKey(API_ROUTES.createSession)]: route({
    access: ['street', 'county'],
    body: sessionInputSchema,
    status: 201,
    handle: ({ deps, identity, body }) => createSession(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.getSession)]: route({
    access: 'user',
    params: z.object({ id: sessionIdSchema }),
    handle: ({ deps, identity, params }) => getSession(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.changeSessionCapacity)]: route({
    access: ['street', 'county'],
    params: z.object({ id: sessionIdSchema }),
    body: capacityChangeSchema,
    handle: ({ deps, identity, params, body }) => changeCapacity(deps, identity!, params.id, body.capacity),
  }),
  [routeKey(API_ROUTES.cancelSession)]: route({
    access: ['street', 'county'],
    params: z.object({ id: sessionIdSchema }),
    body: sessionCancelSchema,
    handle: ({ deps, identity, params, body }) => cancelSession(deps, identity!, params.id, body.reason),
  }),
  [routeKey(API_ROUTES.bookSession)]: route({
    access: ['resident', ...STAFF],
    params: z.object({ id: sessionIdSchema }),
    body: bookingInputSchema,
    status: 201,
    handle: async ({ deps, identity, params, body }) => {
      const { created, view } = await bookSession(deps, identity!, params.id, body)
      return created ? view : withStatus(200, view)
    },
  }),
  [routeKey(API_ROUTES.listSessionBookings)]: route({
    access: STAFF,
    params: z.object({ id: sessionIdSchema }),
    handle: ({ deps, identity, params }) => listSessionBookings(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.checkIn)]: route({
    access: ['street', 'county'],
    params: z.object({ id: sessionIdSchema }),
    body: attendanceInputSchema,
    handle: ({ deps, identity, params, body }) => checkIn(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.cancelBooking)]: route({
    access: ['resident', ...STAFF],
    params: z.object({ id: bookingIdSchema }),
    handle: ({ deps, identity, params }) => cancelBooking(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.listMyBookings)]: route({
    access: 'user',
    handle: ({ deps, identity }) => listMyBookings(deps, identity!),
  }),
  [routeKey(API_ROUTES.listRegionBookings)]: route({
    access: STAFF,
    query: z
      .object({
        status: z
          .enum(Object.keys(BOOKING_STATUSES) as [BookingStatus, ...BookingStatus[]], {
            error: `status 只能是 ${Object.keys(BOOKING_STATUSES).join('、')}`,
          })
          .optional(),
        cursor,
      })
      .strict(),
    handle: ({ deps, identity, query }) => listRegionBookings(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.sessionStats)]: route({
    access: ['street', 'county'],
    handle: ({ deps, identity }) => sessionStats(deps, identity!),
  }),
  [routeKey(API_ROUTES.myServices)]: route({
    access: 'user',
    handle: ({ deps, identity }) => myServices(deps, identity!),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('sessions', fn.handler)
