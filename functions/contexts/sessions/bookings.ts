import { createHmac } from 'node:crypto'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { SERVICE_LABELS, SERVICES_131, type ServiceKind } from '../../../shared/followups/followup'
import { isWithinRegion } from '../../../shared/regions/region-code'
import {
  type AttendanceInput,
  BOOKING_STATUSES,
  type BookingInput,
  type BookingView,
  SERVICE_OF_KIND,
  SESSION_KINDS,
} from '../../../shared/sessions/session'
import type { Env } from '../../platform/env'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import {
  type BookingRecord,
  bookers,
  bookings,
  meta,
  type PersonRecord,
  persons,
  type SessionRecord,
  services,
  sessions,
} from '../../store/collections'
import { DuplicateKeyError, type Filter } from '../../store/port'
import { findAll } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { findMyPerson } from '../people/me'
import { staffCanSee } from '../people/person-access'
import { regionLabel } from '../regions/region-directory'
import { getSession, isHost, loadSession, notForPerson, takenSlots } from './sessions'
import { tellBooker, timeText } from './tell'

/**
 * Booking a seat (预约). Seats move only by a guarded increment of the session's `booked`, in
 * the transaction that writes the booking, so a burst of concurrent bookings never takes more
 * than the capacity; the rest wait in the order they came and are promoted, in that order, when
 * a seat frees. One record per person and session (`bkg_<session>_<person>`): booking twice
 * returns the same booking, booking again after cancelling reuses it. A per-person counter
 * caps open bookings, also under concurrency, so one account can't reserve a room.
 */

export const bookingIdOf = (sessionId: string, personId: string) =>
  `bkg_${sessionId.slice(4)}_${personId.slice(4)}`

/**
 * A booking's 6-digit check-in code, unique within its session. Codes are the booking's number
 * shuffled by a key of the session's own (a four-round Feistel network on 20 bits, walked back
 * into 0…899,999): distinct numbers give distinct codes, and a resident who knows their own and
 * a neighbour's code can't work out a third's (an absent friend checked in would count a 131
 * service never given). Sessions published before the key existed keep their former codes: a
 * step of 7919 from a salt.
 */
export const checkInCode = (s: Pick<SessionRecord, 'codeKey' | 'codeSalt'>, seq: number): string =>
  String(100_000 + (s.codeKey ? shuffle(s.codeKey, seq % 900_000) : (seq * 7919 + s.codeSalt) % 900_000))

const shuffle = (key: string, n: number): number => {
  let x = n
  do {
    let left = x >> 10
    let right = x & 1023
    for (let round = 0; round < 4; round++) {
      const f = createHmac('sha256', key).update(`${round}:${right}`).digest().readUInt16BE(0) & 1023
      ;[left, right] = [right, left ^ f]
    }
    x = (left << 10) | right
  } while (x >= 900_000)
  return x
}

/** When a booking begins: a one-to-one booking at its slot. */
export const startOfBooking = (b: Pick<BookingRecord, 'slotId'>, s: SessionRecord): string =>
  s.slots.find((x) => x.id === b.slotId)?.startsAt ?? s.startsAt

const slotLock = (sessionId: string, slotId: string) => `slot:${sessionId}:${slotId}`

export const activeBookingOf = async (
  deps: Deps,
  sessionId: string,
  personId: string,
): Promise<BookingRecord | null> => {
  const b = await deps.store.get(bookings, bookingIdOf(sessionId, personId))
  return b && b.status !== 'cancelled' ? b : null
}

const cutoffOf = (s: Pick<SessionRecord, 'startsAt'>, env: Pick<Env, 'BOOKING_CANCEL_CUTOFF_HOURS'>) =>
  new Date(Date.parse(s.startsAt) - env.BOOKING_CANCEL_CUTOFF_HOURS * 3_600_000).toISOString()

export const toBookingView = (
  b: BookingRecord,
  now: string,
  env: Pick<Env, 'BOOKING_CANCEL_CUTOFF_HOURS'>,
  s?: SessionRecord,
  extra: { waitingPosition?: number | null; showCode?: boolean } = {},
): BookingView => {
  const slot = b.slotId ? (s?.slots.find((x) => x.id === b.slotId) ?? null) : null
  return {
    id: b.id,
    sessionId: b.sessionId,
    sessionTitle: b.sessionTitle,
    kind: b.kind,
    kindLabel: SESSION_KINDS[b.kind],
    startsAt: slot?.startsAt ?? b.startsAt,
    endsAt: slot?.endsAt ?? b.endsAt,
    place: b.place,
    status: b.status,
    // A course attended in part says how far: 已签到 1/3 次课.
    statusLabel:
      b.status === 'attended' && s && s.dates.length > 1
        ? `已签到 ${b.attendedDates.length}/${s.dates.length} 次课`
        : BOOKING_STATUSES[b.status],
    code: extra.showCode === false ? null : b.code,
    slot,
    waitingPosition: extra.waitingPosition ?? null,
    byStaff: b.byStaff,
    // Waiting for a seat can be given up any time before the start; a seat until the cut-off.
    canCancel:
      (b.status === 'waiting' && now < b.startsAt) || (b.status === 'confirmed' && now < cutoffOf(b, env)),
    attendedDates: b.attendedDates,
    personId: b.personId,
    name: b.personName,
    communityName: regionLabel(b.community),
    at: b.at,
  }
}

/** Whom the booking is for: the resident themself, or a person staff may see. */
const bookerOf = async (deps: Deps, who: Identity, personId: string | undefined): Promise<PersonRecord> => {
  if (who.role === 'resident') {
    if (personId) throw new AppError('AUTH.FORBIDDEN')
    const me = await findMyPerson(deps, who)
    if (!me) throw new AppError('PERSON.NOT_REGISTERED')
    return me
  }
  if (!isStaffRole(who.role)) throw new AppError('AUTH.FORBIDDEN')
  if (!personId)
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'personId', message: '请选择为谁预约' }] })
  const p = await deps.store.get(persons, personId)
  if (!p || !staffCanSee(who, p)) throw new AppError('PERSON.NOT_FOUND')
  return p
}

export const bookSession = async (
  deps: Deps,
  who: Identity,
  sessionId: string,
  input: BookingInput,
): Promise<{ created: boolean; view: BookingView }> => {
  const s = await loadSession(deps, sessionId)
  if (s.status !== 'published') throw new AppError('SESSION.NOT_FOUND')
  const person = await bookerOf(deps, who, input.personId)
  const at = deps.clock.now()
  const now = at.toISOString()
  const id = bookingIdOf(s.id, person.id)
  if (now >= s.startsAt) throw new AppError('SESSION.ENDED')
  if (now < s.bookingOpensAt) throw new AppError('SESSION.BOOKING_NOT_OPEN')
  if (now >= s.bookingClosesAt) throw new AppError('SESSION.BOOKING_CLOSED')
  const notFor = notForPerson(s, person)
  if (notFor) throw new AppError('SESSION.NOT_FOR_YOU', { issues: [{ field: 'sessionId', message: notFor }] })
  if (s.slots.length && input.slotId && !s.slots.some((x) => x.id === input.slotId))
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'slotId', message: '时段不存在' }] })
  if (s.slots.length && !input.slotId && s.booked < s.capacity) throw new AppError('SESSION.SLOT_REQUIRED')

  const actor = actorLabel(who)
  // A resident who missed sessions confirms first; staff booking on their behalf have called them.
  const mustConfirm = who.role === 'resident' && !input.confirmAttendance
  // The booking is written as new; only when its id exists (booked before) is it read. Then an
  // active one is the answer (booking twice is not an error), a cancelled one is booked again.
  let existing: BookingRecord | null = null
  let made: { record: BookingRecord; position: number | null } | null = null
  // The session as last read: its seats and line decide which write is tried first.
  let current: SessionRecord | null = null
  let stale = false
  for (let attempt = 0; !made; attempt++) {
    try {
      made = await deps.store.transaction(async (tx) => {
        // The person's open bookings, capped; their first booking creates their record.
        let booker = await tx.increment(bookers, person.id, 'open', 1, { max: deps.env.BOOKING_OPEN_CAP })
        if (!booker && !(await tx.get(bookers, person.id)))
          booker = await tx.insert(bookers, { id: person.id, open: 1, noShows: 0 })
        if (!booker) throw new AppError('BOOKING.TOO_MANY')
        if (mustConfirm && booker.noShows >= deps.env.BOOKING_NO_SHOW_CONFIRM)
          throw new AppError('BOOKING.CONFIRM_NEEDED')
        // One write takes the booking's number and a seat — only while one is free and nobody
        // waits (no one jumps the waiting list) — or the number and a place in line.
        const seen = current ?? s
        const seat =
          seen.waiting === 0 && seen.booked < seen.capacity
            ? await tx.incrementFields(
                sessions,
                s.id,
                { seq: 1, booked: 1 },
                { booked: { max: seen.capacity }, waiting: { max: 0 } },
              )
            : null
        const queued = seat ? null : await tx.incrementFields(sessions, s.id, { seq: 1, waiting: 1 })
        const numbered = seat ?? queued
        if (!numbered) throw new AppError('SESSION.NOT_FOUND')
        // The capacity is checked as it was read: changed since (lowered under the seat taken, or
        // a seat free that the line was joined for), the booking is tried again on a fresh read.
        if (seat ? seat.booked > seat.capacity : queued!.waiting === 1 && queued!.booked < queued!.capacity) {
          stale = true
          throw new AppError('STORE.CONFLICT')
        }
        if (seat && input.slotId) {
          try {
            await tx.insert(meta, { id: slotLock(s.id, input.slotId), value: id, updatedAt: now })
          } catch (err) {
            if (err instanceof DuplicateKeyError) throw new AppError('SESSION.SLOT_TAKEN')
            throw err
          }
        }
        const record: BookingRecord = {
          id,
          sessionId: s.id,
          kind: s.kind,
          sessionTitle: s.title,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          place: s.place || s.onlineLink || '',
          personId: person.id,
          personName: person.name,
          community: person.community,
          status: seat ? 'confirmed' : 'waiting',
          slotId: seat ? (input.slotId ?? null) : null,
          seq: numbered.seq,
          code: existing?.code ?? checkInCode(s, numbered.seq),
          byStaff: who.role !== 'resident',
          actor,
          at: now,
          updatedAt: now,
          attendedDates: [],
          reminded: [],
          counted: true,
          cancelledBy: null,
          rev: (existing?.rev ?? 0) + 1,
        }
        if (existing) {
          const saved = await tx.update(bookings, id, record, {
            expect: { status: 'cancelled', rev: existing.rev },
          })
          if (!saved) throw new AppError('STORE.CONFLICT')
        } else await tx.insert(bookings, record)
        // Those waiting before them, as the count stood when they joined.
        return { record, position: queued ? queued.waiting : null }
      })
    } catch (err) {
      const code = err instanceof AppError ? err.code : null
      const repeat = err instanceof DuplicateKeyError || code === 'STORE.CONFLICT'
      // A refusal of the person (their cap, their no-shows) may be a retry of a booking made.
      const refused = code === 'BOOKING.TOO_MANY' || code === 'BOOKING.CONFIRM_NEEDED'
      if ((!repeat && !refused) || attempt >= 3) throw err
      if (stale) {
        stale = false
        current = await deps.store.get(sessions, s.id)
        continue
      }
      const other = await deps.store.get(bookings, id)
      // Booked already (now or by a request racing this one): the same booking comes back.
      if (other && other.status !== 'cancelled')
        return { created: false, view: await viewFor(deps, other, s, now) }
      if (refused) throw err
      // Cancelled before: book it again. (Or two first bookings of one person made their record.)
      existing = other
    }
  }
  if (who.role !== 'resident') {
    await recordAudit(deps.store, at, who, { action: 'booking.on_behalf', subject: id, result: 'ok' })
    // Booked on a phone call: the resident reads when, where and their code in the app too.
    const r = made.record
    await tellBooker(
      deps,
      person.id,
      {
        title: r.status === 'confirmed' ? '工作人员已为您预约' : '工作人员已为您登记候补',
        body: `${SESSION_KINDS[s.kind]}「${s.title}」，时间：${timeText(startOfBooking(r, s))}，地点：${r.place || '见活动详情'}。${
          r.status === 'confirmed'
            ? `签到码 ${r.code}，如不能参加请提前取消或告知社区。`
            : `您在候补第 ${made.position ?? 1} 位，有名额空出时会通知您。`
        }`,
        link: { kind: 'bookings', id },
        dedupeKey: `booking-by-staff:${id}:${r.rev}`,
      },
      at,
    )
  }
  return {
    created: true,
    view: toBookingView(made.record, now, deps.env, s, { waitingPosition: made.position }),
  }
}

const waitingPosition = async (deps: Deps, b: BookingRecord): Promise<number> =>
  1 +
  (await deps.store.count(bookings, [
    { field: 'sessionId', op: 'eq', value: b.sessionId },
    { field: 'status', op: 'eq', value: 'waiting' },
    { field: 'seq', op: 'lt', value: b.seq },
  ]))

export const viewFor = async (
  deps: Deps,
  b: BookingRecord,
  s: SessionRecord,
  now: string,
): Promise<BookingView> =>
  toBookingView(b, now, deps.env, s, {
    waitingPosition: b.status === 'waiting' ? await waitingPosition(deps, b) : null,
  })

/** Who may act on a booking: its person, staff who may see the person, the session's host. */
const mayHandle = async (deps: Deps, who: Identity, b: BookingRecord, s: SessionRecord) => {
  if (who.role === 'resident') {
    const me = await findMyPerson(deps, who)
    return me?.id === b.personId
  }
  return isHost(who, s) || (isStaffRole(who.role) && !!who.region && isWithinRegion(b.community, who.region))
}

export const cancelBooking = async (deps: Deps, who: Identity, bookingId: string): Promise<BookingView> => {
  const b = await deps.store.get(bookings, bookingId)
  const s = b ? await deps.store.get(sessions, b.sessionId) : null
  if (!b || !s || !(await mayHandle(deps, who, b, s))) throw new AppError('BOOKING.NOT_FOUND')
  const at = deps.clock.now()
  const now = at.toISOString()
  if (b.status !== 'confirmed' && b.status !== 'waiting') throw new AppError('BOOKING.NOT_ACTIVE')
  if (b.status === 'confirmed' && now >= cutoffOf(s, deps.env)) throw new AppError('BOOKING.CUTOFF')
  if (b.status === 'waiting' && now >= s.startsAt) throw new AppError('BOOKING.CUTOFF')
  await deps.store.transaction(async (tx) => {
    const saved = await tx.update(
      bookings,
      b.id,
      { status: 'cancelled', cancelledBy: actorLabel(who), counted: false, updatedAt: now, rev: b.rev + 1 },
      { expect: { status: b.status, rev: b.rev } },
    )
    if (!saved) throw new AppError('BOOKING.NOT_ACTIVE')
    await tx.increment(sessions, s.id, b.status === 'confirmed' ? 'booked' : 'waiting', -1, { min: 0 })
    if (b.slotId) await tx.delete(meta, slotLock(s.id, b.slotId))
    if (b.counted) await tx.increment(bookers, b.personId, 'open', -1, { min: 0 })
  })
  await recordAudit(deps.store, at, who, { action: 'booking.cancel', subject: b.id, result: 'ok' })
  if (who.role !== 'resident')
    await tellBooker(
      deps,
      b.personId,
      {
        title: '您的预约已取消',
        body: `${SESSION_KINDS[s.kind]}「${s.title}」（${timeText(startOfBooking(b, s))}）的预约已由${actorLabel(who)}为您取消。如有疑问请联系社区。`,
        link: { kind: 'bookings', id: b.id },
        dedupeKey: `booking-cancelled-by-staff:${b.id}:${b.rev + 1}`,
      },
      at,
    )
  if (b.status === 'confirmed') await promoteWaiting(deps, s.id)
  return toBookingView((await deps.store.get(bookings, b.id))!, now, deps.env, s)
}

/**
 * The host calls a session off before it begins: every booking still held is cancelled — the
 * person's open place given back — and its person told why. Run again (a retry after a failure
 * part-way), it finishes the bookings left.
 */
export const cancelSession = async (deps: Deps, who: Identity, id: string, reason: string) => {
  const s = await loadSession(deps, id)
  if (!isHost(who, s)) throw new AppError('SESSION.NOT_HOST')
  const at = deps.clock.now()
  const now = at.toISOString()
  if (s.status === 'published') {
    if (now >= s.startsAt) throw new AppError('SESSION.ENDED', { message: '活动已开始或已结束，不能取消' })
    const saved = await deps.store.update(
      sessions,
      id,
      { status: 'cancelled', cancelReason: reason, updatedAt: now },
      { expect: { status: 'published' } },
    )
    if (!saved) throw new AppError('STORE.CONFLICT')
    await recordAudit(deps.store, at, who, { action: 'session.cancel', subject: id, result: 'ok' })
  }
  const held = await findAll(
    deps.store,
    bookings,
    { where: [{ field: 'sessionId', op: 'eq', value: id }], orderBy: [{ field: 'seq', dir: 'asc' }] },
    Number.POSITIVE_INFINITY,
  )
  const by = actorLabel(who)
  // On a retry the reason first given stands.
  const why = (s.status === 'cancelled' && s.cancelReason) || reason
  for (const b of held.filter((x) => x.status === 'confirmed' || x.status === 'waiting')) {
    const done = await deps.store.transaction(async (tx) => {
      const saved = await tx.update(
        bookings,
        b.id,
        { status: 'cancelled', cancelledBy: by, counted: false, updatedAt: now, rev: b.rev + 1 },
        { expect: { status: b.status, rev: b.rev } },
      )
      if (saved && b.counted) await tx.increment(bookers, b.personId, 'open', -1, { min: 0 })
      return saved !== null
    })
    if (!done) continue // cancelled meanwhile by its person: they know
    await tellBooker(
      deps,
      b.personId,
      {
        title: '活动已取消',
        body: `${SESSION_KINDS[s.kind]}「${s.title}」（${timeText(startOfBooking(b, s))}，${s.place || '线上'}）已由${by}取消：${why}。您的预约随之取消，敬请谅解。`,
        link: { kind: 'bookings', id: b.id },
        dedupeKey: `session-cancelled:${b.id}`,
      },
      at,
    )
  }
  return getSession(deps, who, id)
}

/**
 * Free seats go to the waiting list in the order people joined it; each promoted person is told.
 * A promotion is a guarded seat increment and a compare-and-set of the booking in one
 * transaction: two cancellations at once can't promote the same person twice or overfill.
 */
export const promoteWaiting = async (deps: Deps, sessionId: string): Promise<number> => {
  let promoted = 0
  for (let attempt = 0; attempt < 50; attempt++) {
    const s = await deps.store.get(sessions, sessionId)
    const now = deps.clock.now().toISOString()
    if (s?.status !== 'published') break
    if (s.booked >= s.capacity || s.waiting <= 0 || now >= s.startsAt) break
    const next = (
      await deps.store.find(bookings, {
        where: [
          { field: 'sessionId', op: 'eq', value: sessionId },
          { field: 'status', op: 'eq', value: 'waiting' },
        ],
        orderBy: [{ field: 'seq', dir: 'asc' }],
        limit: 1,
      })
    ).items[0]
    if (!next) break
    const taken = s.slots.length ? await takenSlots(deps, sessionId) : new Set<string>()
    const freeSlot = s.slots.length ? (s.slots.find((x) => !taken.has(x.id)) ?? null) : null
    const ok = await deps.store
      .transaction(async (tx) => {
        const seat = await tx.increment(sessions, sessionId, 'booked', 1, { max: s.capacity })
        if (!seat) return false
        if (freeSlot)
          await tx.insert(meta, { id: slotLock(sessionId, freeSlot.id), value: next.id, updatedAt: now })
        await tx.increment(sessions, sessionId, 'waiting', -1, { min: 0 })
        const saved = await tx.update(
          bookings,
          next.id,
          { status: 'confirmed', slotId: freeSlot?.id ?? null, updatedAt: now, rev: next.rev + 1 },
          { expect: { status: 'waiting', rev: next.rev } },
        )
        if (!saved) throw new AppError('STORE.CONFLICT')
        return true
      })
      .catch((err) => {
        if (err instanceof DuplicateKeyError || (err instanceof AppError && err.code === 'STORE.CONFLICT'))
          return null // someone else moved first: look again
        throw err
      })
    if (ok === false) break
    if (ok === null) continue
    promoted++
    await tellBooker(
      deps,
      next.personId,
      {
        title: '候补成功，已为您保留名额',
        body: `${SESSION_KINDS[s.kind]}「${s.title}」有名额空出，您已从候补转为预约成功。时间：${timeText(freeSlot?.startsAt ?? s.startsAt)}，地点：${s.place || s.onlineLink || '见活动详情'}，请按时参加，签到码 ${next.code}。`,
        link: { kind: 'bookings', id: next.id },
        dedupeKey: `booking-promoted:${next.id}:${next.rev + 1}`,
      },
      deps.clock.now(),
    )
  }
  return promoted
}

/**
 * A booking of an ended session no longer holds one of its person's open places: released once
 * (the flag and the counter move together), however often the closing runs.
 */
export const releaseOpenBooking = async (deps: Deps, bookingId: string): Promise<void> => {
  const b = await deps.store.get(bookings, bookingId)
  if (!b?.counted) return
  await deps.store.transaction(async (tx) => {
    const saved = await tx.update(bookings, b.id, { counted: false }, { expect: { counted: true } })
    if (saved) await tx.increment(bookers, b.personId, 'open', -1, { min: 0 })
  })
}

/** The resident's own bookings, the coming ones first, then the past. */
export const listMyBookings = async (deps: Deps, who: Identity): Promise<{ items: BookingView[] }> => {
  const me = await findMyPerson(deps, who)
  if (!me) return { items: [] }
  const now = deps.clock.now().toISOString()
  const mine = await findAll(
    deps.store,
    bookings,
    { where: [{ field: 'personId', op: 'eq', value: me.id }], orderBy: [{ field: 'startsAt', dir: 'desc' }] },
    200,
  )
  const coming = mine.filter((b) => b.endsAt > now).reverse()
  const past = mine.filter((b) => b.endsAt <= now)
  const items: BookingView[] = []
  for (const b of [...coming, ...past]) {
    // Read for a slot's time, or a course's number of lessons.
    const s =
      b.slotId || b.kind === 'training'
        ? ((await deps.store.get(sessions, b.sessionId)) ?? undefined)
        : undefined
    items.push(
      toBookingView(b, now, deps.env, s, {
        waitingPosition: b.status === 'waiting' ? await waitingPosition(deps, b) : null,
      }),
    )
  }
  return { items }
}

/**
 * A session's bookings: all of them for its host (the roll call), only their own community's
 * for other staff (a coordinator following up). Check-in codes are for the host alone.
 */
export const listSessionBookings = async (
  deps: Deps,
  who: Identity,
  sessionId: string,
): Promise<{ items: BookingView[]; counts: Record<string, number> }> => {
  const s = await loadSession(deps, sessionId)
  const host = isHost(who, s)
  if (!host && !(isStaffRole(who.role) && who.region)) throw new AppError('SESSION.NOT_HOST')
  const now = deps.clock.now().toISOString()
  const all = await findAll(
    deps.store,
    bookings,
    { where: [{ field: 'sessionId', op: 'eq', value: sessionId }], orderBy: [{ field: 'seq', dir: 'asc' }] },
    5000,
  )
  const visible = host ? all : all.filter((b) => isWithinRegion(b.community, who.region!))
  const counts: Record<string, number> = { confirmed: 0, waiting: 0, cancelled: 0, attended: 0, no_show: 0 }
  for (const b of visible) counts[b.status] = (counts[b.status] ?? 0) + 1
  let position = 0
  return {
    items: visible.map((b) =>
      toBookingView(b, now, deps.env, s, {
        showCode: host,
        waitingPosition: b.status === 'waiting' ? ++position : null,
      }),
    ),
    counts,
  }
}

/** Staff: bookings of people of their region by status — the no-shows to follow up, typically. */
export const listRegionBookings = async (
  deps: Deps,
  who: Identity,
  query: { status?: BookingRecord['status']; cursor?: string },
) => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  // The region's bookings that still mean something (not the cancelled), or those of one status.
  const where: Filter[] = [
    { field: 'community', op: 'prefix', value: who.region },
    query.status
      ? { field: 'status', op: 'eq', value: query.status }
      : { field: 'status', op: 'in', value: ['confirmed', 'waiting', 'attended', 'no_show'] },
  ]
  const page = await deps.store.find(bookings, {
    where,
    // One community's newest first; a street's community by community.
    orderBy: [
      { field: 'community', dir: 'asc' },
      { field: 'startsAt', dir: 'desc' },
    ],
    limit: 30,
    cursor: query.cursor,
  })
  const now = deps.clock.now().toISOString()
  return {
    items: page.items.map((b) => toBookingView(b, now, deps.env, undefined, { showCode: false })),
    nextCursor: page.nextCursor,
  }
}

/** Attending counts into the person's 131 once: guidance at once, training once enough dates are attended. */
const countService = async (deps: Deps, b: BookingRecord, s: SessionRecord, at: Date, actor: string) => {
  const kind = SERVICE_OF_KIND[s.kind]
  if (!kind) return
  if (
    kind === 'training' &&
    b.attendedDates.length < Math.ceil(s.dates.length * deps.env.TRAINING_ATTENDANCE_SHARE)
  )
    return
  await deps.store
    .insert(services, {
      id: `svc_${b.id}`,
      personId: b.personId,
      community: b.community,
      year: Number(shanghaiDate(at).slice(0, 4)),
      kind,
      at: at.toISOString(),
      actor,
      note: `参加${SESSION_KINDS[s.kind]}「${s.title}」`,
      jobId: null,
    })
    .catch((err) => {
      if (!(err instanceof DuplicateKeyError)) throw err // counted already
    })
}

/**
 * Check-in by the host: the code the resident shows (or reads out), or a tick in the roll call.
 * Only a booked seat can be checked in; checking in twice is harmless. A no-show marked after
 * the session can still be corrected by the host within a week.
 */
export const checkIn = async (
  deps: Deps,
  who: Identity,
  sessionId: string,
  input: AttendanceInput,
): Promise<BookingView> => {
  const s = await loadSession(deps, sessionId)
  if (!isHost(who, s)) throw new AppError('SESSION.NOT_HOST')
  const b = input.bookingId
    ? await deps.store.get(bookings, input.bookingId)
    : ((
        await deps.store.find(bookings, {
          where: [
            { field: 'sessionId', op: 'eq', value: sessionId },
            { field: 'code', op: 'eq', value: input.code! },
          ],
          orderBy: [],
          limit: 1,
        })
      ).items[0] ?? null)
  if (!b || b.sessionId !== sessionId || !['confirmed', 'attended', 'no_show'].includes(b.status))
    throw new AppError('BOOKING.NOT_BOOKED')
  const date = s.dates[input.date]
  if (!date) throw new AppError('REQUEST.INVALID', { issues: [{ field: 'date', message: '没有这一次课' }] })
  const at = deps.clock.now()
  const now = at.toISOString()
  // From an hour before the date starts until a week after the session ends.
  if (now < new Date(Date.parse(date.startsAt) - 3_600_000).toISOString())
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'date', message: '活动开始前 1 小时起才能签到' }],
    })
  if (now > new Date(Date.parse(s.endsAt) + 7 * 86_400_000).toISOString())
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'date', message: '活动结束已超过 7 天，不能再补签' }],
    })
  if (b.status === 'attended' && b.attendedDates.includes(input.date))
    return toBookingView(b, now, deps.env, s, { showCode: true })
  const attendedDates = [...b.attendedDates, input.date].sort((x, y) => x - y)
  const updated = await deps.store.transaction(async (tx) => {
    const saved = await tx.update(
      bookings,
      b.id,
      { status: 'attended', attendedDates, updatedAt: now, rev: b.rev + 1 },
      { expect: { rev: b.rev } },
    )
    if (!saved) throw new AppError('STORE.CONFLICT')
    if (b.status !== 'attended') await tx.increment(sessions, s.id, 'attended', 1)
    if (b.status === 'no_show') await tx.increment(sessions, s.id, 'noShows', -1, { min: 0 })
    // Coming counts: the no-shows before it no longer ask them to confirm.
    await tx.update(bookers, b.personId, { noShows: 0 })
    return saved
  })
  await countService(deps, updated, s, at, actorLabel(who))
  await recordAudit(deps.store, at, who, { action: 'booking.check_in', subject: b.id, result: 'ok' })
  return toBookingView(updated, now, deps.env, s, { showCode: true })
}

/** The resident's own 131 this year: how many of each, and the services themselves. */
export const myServices = async (deps: Deps, who: Identity) => {
  const me = await findMyPerson(deps, who)
  const year = Number(shanghaiDate(deps.clock.now()).slice(0, 4))
  if (!me)
    return { year, counts: { guidance: 0, referral: 0, training: 0 }, required: SERVICES_131, items: [] }
  const given = await findAll(
    deps.store,
    services,
    {
      where: [
        { field: 'personId', op: 'eq', value: me.id },
        { field: 'year', op: 'eq', value: year },
      ],
      orderBy: [],
    },
    500,
  )
  const counts = { guidance: 0, referral: 0, training: 0 } as Record<ServiceKind, number>
  for (const g of given) counts[g.kind]++
  return {
    year,
    counts,
    required: SERVICES_131,
    items: given
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((g) => ({ kind: g.kind, kindLabel: SERVICE_LABELS[g.kind], at: g.at, note: g.note })),
  }
}
