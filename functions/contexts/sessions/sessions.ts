import { randomBytes, randomInt } from 'node:crypto'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { KEY_GROUPS } from '../../../shared/people/person'
import { isWithinRegion } from '../../../shared/regions/region-code'
import {
  SESSION_KINDS,
  type SessionInput,
  type SessionKind,
  type SessionView,
} from '../../../shared/sessions/session'
import { newId } from '../../platform/ids'
import type { Deps } from '../../runtime/deps'
import { bookings, type PersonRecord, type SessionRecord, sessions } from '../../store/collections'
import type { Filter } from '../../store/port'
import { findAll } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { findMyPerson } from '../people/me'
import { findRegion, regionLabel } from '../regions/region-directory'
import { activeBookingOf, promoteWaiting, viewFor } from './bookings'

/**
 * Sessions (预约活动): street/town offices and the county publish them; anyone signed in sees
 * them, nearest first; their hosts — the staff of the publishing office — manage them.
 */

/** Staff of the office that published the session. */
export const isHost = (who: Identity, s: SessionRecord): boolean =>
  (who.role === 'street' || who.role === 'county') && who.region === s.hostRegion

/** Why a person may not book a session (its audience), or null when they may. */
export const notForPerson = (s: SessionRecord, p: PersonRecord): string | null => {
  if (s.regions.length && !s.regions.some((r) => isWithinRegion(p.community, r)))
    return `仅面向${s.regions.map((r) => regionLabel(r) ?? r).join('、')}的居民`
  if (s.keyGroups.length && !p.keyGroups.some((g) => s.keyGroups.includes(g.group)))
    return `仅面向${s.keyGroups.map((g) => KEY_GROUPS[g]).join('、')}`
  return null
}

export const sessionStatus = (s: SessionRecord, now: string): SessionView['status'] => {
  if (s.status === 'cancelled') return 'cancelled'
  if (now >= s.endsAt) return 'ended'
  if (now >= s.bookingClosesAt || now >= s.startsAt) return 'closed'
  if (now < s.bookingOpensAt) return 'not_open'
  return s.booked >= s.capacity ? 'full' : 'open'
}

export const toSessionView = (
  s: SessionRecord,
  now: string,
  extra: Partial<Pick<SessionView, 'myBooking' | 'notForMe'>> & {
    takenSlots?: Set<string>
    staff?: boolean
    cutoffHours?: number
  } = {},
): SessionView => ({
  id: s.id,
  kind: s.kind,
  kindLabel: SESSION_KINDS[s.kind],
  title: s.title,
  host: s.host,
  region: s.region,
  regionName: regionLabel(s.region),
  place: s.place,
  onlineLink: s.onlineLink,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  dates: s.dates,
  capacity: s.capacity,
  booked: s.booked,
  waiting: s.waiting,
  remaining: Math.max(0, s.capacity - s.booked),
  slots: s.slots.map((slot) => ({ ...slot, taken: extra.takenSlots?.has(slot.id) ?? false })),
  keyGroups: s.keyGroups,
  regions: s.regions,
  regionNames: s.regions.map((r) => regionLabel(r) ?? r),
  cancelCutoffAt:
    extra.cutoffHours === undefined
      ? null
      : new Date(Date.parse(s.startsAt) - extra.cutoffHours * 3_600_000).toISOString(),
  bookingOpensAt: s.bookingOpensAt,
  bookingClosesAt: s.bookingClosesAt,
  description: s.description,
  status: sessionStatus(s, now),
  cancelReason: s.status === 'cancelled' ? (s.cancelReason ?? null) : null,
  myBooking: extra.myBooking ?? null,
  notForMe: extra.notForMe ?? null,
  ...(extra.staff ? { attended: s.attended, noShows: s.noShows } : {}),
})

export const createSession = async (deps: Deps, who: Identity, input: SessionInput): Promise<SessionView> => {
  if ((who.role !== 'street' && who.role !== 'county') || !who.region) throw new AppError('AUTH.FORBIDDEN')
  // An office publishes for its own area: the county anywhere in it, a town within the town.
  const issues: { field: string; message: string }[] = []
  if (!findRegion(input.region) || !isWithinRegion(input.region, who.region))
    issues.push({ field: 'region', message: '举办地区应在本单位辖区内' })
  for (const [i, r] of input.regions.entries())
    if (!findRegion(r)) issues.push({ field: `regions.${i}`, message: '地区不存在' })
  const at = deps.clock.now()
  const now = at.toISOString()
  if (input.startsAt <= now) issues.push({ field: 'startsAt', message: '开始时间应晚于现在' })
  if (issues.length) throw new AppError('REQUEST.INVALID', { issues })
  const id = newId('ses', at)
  const lessons = [{ startsAt: input.startsAt, endsAt: input.endsAt }, ...(input.moreDates ?? [])].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt),
  )
  const record: SessionRecord = {
    id,
    kind: input.kind,
    title: input.title,
    host: regionLabel(who.region) ?? who.region,
    hostRegion: who.region,
    region: input.region,
    place: input.place,
    onlineLink: input.onlineLink ?? null,
    startsAt: input.startsAt,
    // A course ends with its last lesson, whatever order the dates were typed in.
    endsAt: lessons.at(-1)!.endsAt,
    dates: lessons,
    capacity: input.capacity,
    booked: 0,
    waiting: 0,
    seq: 0,
    codeSalt: randomInt(900_000),
    codeKey: randomBytes(16).toString('hex'),
    slots: (input.slots ?? []).map((s, i) => ({ id: `s${i + 1}`, ...s })),
    keyGroups: input.keyGroups,
    regions: input.regions,
    bookingOpensAt: input.bookingOpensAt ?? now,
    bookingClosesAt: input.bookingClosesAt ?? input.startsAt,
    description: input.description,
    status: 'published',
    closed: false,
    attended: 0,
    noShows: 0,
    createdBy: actorLabel(who),
    createdAt: now,
    updatedAt: now,
  }
  await deps.store.insert(sessions, record)
  await recordAudit(deps.store, at, who, { action: 'session.create', subject: id, result: 'ok' })
  return toSessionView(record, now, { staff: true })
}

/** Nearness to a home community: its own community, its town, its county, elsewhere. */
const nearness = (region: string, home: string | null): number => {
  if (!home) return 3
  if (region === home) return 0
  if (region.length >= 9 && home.startsWith(region.slice(0, 9))) return region.length === 9 ? 1 : 2
  if (home.startsWith(region)) return 2
  return 3
}

const UPCOMING_MAX = 500

export const listSessions = async (
  deps: Deps,
  who: Identity,
  query: { region?: string; kind?: SessionKind; from?: string; mine?: boolean },
): Promise<{ items: SessionView[] }> => {
  const now = deps.clock.now().toISOString()
  const me = who.role === 'resident' ? await findMyPerson(deps, who) : null
  if (query.mine) {
    // A host's own sessions, the last month's too (for the roll call and the no-shows).
    if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
    const since = query.from ?? new Date(Date.parse(now) - 31 * 86_400_000).toISOString()
    const mine = await findAll(
      deps.store,
      sessions,
      {
        where: [
          { field: 'hostRegion', op: 'eq', value: who.region },
          { field: 'startsAt', op: 'gte', value: since },
        ],
        orderBy: [{ field: 'startsAt', dir: 'asc' }],
      },
      UPCOMING_MAX,
    )
    return { items: mine.map((s) => toSessionView(s, now, { staff: true })) }
  }
  const where: Filter[] = [{ field: 'endsAt', op: 'gt', value: query.from ?? now }]
  if (query.kind) where.push({ field: 'kind', op: 'eq', value: query.kind })
  const found = await findAll(
    deps.store,
    sessions,
    { where, orderBy: [{ field: 'endsAt', dir: 'asc' }] },
    UPCOMING_MAX,
  )
  const home = me?.community ?? (who.role === 'coordinator' ? who.region : null)
  const listed = found
    .filter((s) => s.status === 'published')
    .filter(
      (s) =>
        !query.region || isWithinRegion(s.region, query.region) || isWithinRegion(query.region, s.region),
    )
    .sort(
      (a, b) => nearness(a.region, home) - nearness(b.region, home) || a.startsAt.localeCompare(b.startsAt),
    )
  // The resident's own bookings of these sessions, in one read rather than one per session.
  const earliest = listed.map((s) => s.startsAt).sort()[0] ?? ''
  const mine = new Map(
    (me && listed.length
      ? await findAll(deps.store, bookings, {
          where: [
            { field: 'personId', op: 'eq', value: me.id },
            { field: 'startsAt', op: 'gte', value: earliest },
          ],
          orderBy: [],
        })
      : []
    )
      .filter((b) => b.status !== 'cancelled')
      .map((b) => [b.sessionId, b]),
  )
  return {
    items: await Promise.all(
      listed.map(async (s) =>
        toSessionView(s, now, {
          myBooking: mine.get(s.id) ? await viewFor(deps, mine.get(s.id)!, s, now) : null,
          notForMe: me ? notForPerson(s, me) : null,
          staff: isStaffRole(who.role),
          cutoffHours: deps.env.BOOKING_CANCEL_CUTOFF_HOURS,
        }),
      ),
    ),
  }
}

export const loadSession = async (deps: Deps, id: string): Promise<SessionRecord> => {
  const s = await deps.store.get(sessions, id)
  if (!s) throw new AppError('SESSION.NOT_FOUND')
  return s
}

export const getSession = async (deps: Deps, who: Identity, id: string): Promise<SessionView> => {
  const s = await loadSession(deps, id)
  const now = deps.clock.now().toISOString()
  const me = who.role === 'resident' ? await findMyPerson(deps, who) : null
  const mine = me ? await activeBookingOf(deps, s.id, me.id) : null
  return toSessionView(s, now, {
    myBooking: mine ? await viewFor(deps, mine, s, now) : null,
    notForMe: me ? notForPerson(s, me) : null,
    cutoffHours: deps.env.BOOKING_CANCEL_CUTOFF_HOURS,
    takenSlots: s.slots.length ? await takenSlots(deps, s.id) : undefined,
    staff: isStaffRole(who.role),
  })
}

/** The slots of a one-to-one session held by a booking. */
export const takenSlots = async (deps: Deps, sessionId: string): Promise<Set<string>> => {
  const held = await findAll(deps.store, bookings, {
    where: [
      { field: 'sessionId', op: 'eq', value: sessionId },
      { field: 'status', op: 'in', value: ['confirmed', 'attended'] },
    ],
    orderBy: [],
  })
  return new Set(held.map((b) => b.slotId).filter((x): x is string => Boolean(x)))
}

/**
 * The host changes the number of seats. Never below the seats already taken; more seats are
 * offered to the waiting list at once.
 */
export const changeCapacity = async (
  deps: Deps,
  who: Identity,
  id: string,
  capacity: number,
): Promise<SessionView> => {
  const s = await loadSession(deps, id)
  if (!isHost(who, s)) throw new AppError('SESSION.NOT_HOST')
  if (s.status === 'cancelled') throw new AppError('SESSION.NOT_FOUND')
  if (s.slots.length) {
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'capacity', message: '一对一指导的名额由时段决定，不能单独修改' }],
    })
  }
  if (capacity < s.booked) throw new AppError('SESSION.CAPACITY_BELOW_BOOKED')
  const now = deps.clock.now().toISOString()
  // Compare-and-set on the seats taken: a booking landing meanwhile makes this try again.
  const saved = await deps.store.update(
    sessions,
    id,
    { capacity, updatedAt: now },
    { expect: { booked: s.booked, capacity: s.capacity } },
  )
  if (!saved) throw new AppError('STORE.CONFLICT')
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'session.capacity',
    subject: id,
    result: 'ok',
    detail: { from: s.capacity, to: capacity },
  })
  await promoteWaiting(deps, id)
  return getSession(deps, who, id)
}
