import { SESSION_KINDS } from '../../../shared/sessions/session'
import type { Logger } from '../../platform/logger'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import type { Trigger } from '../../runtime/scheduled'
import { type BookingRecord, bookers, bookings, type SessionRecord, sessions } from '../../store/collections'
import { findAll } from '../../store/scan'
import { releaseOpenBooking, startOfBooking } from './bookings'
import { tellBooker, timeText } from './tell'

/**
 * session-reminder, every 15 minutes:
 *  - the day before a session, from 18:00 (Asia/Shanghai), every booked person is reminded once;
 *  - from 2 hours before it starts, once more;
 *  - two hours after a session ends, it is closed: booked people who were not checked in are
 *    no-shows (listed for their coordinators), whoever still waited is released, counts final.
 * Each reminder is an inbox message with a key fixed by (booking, which reminder), so a rerun,
 * a retry after a crash or an overlapping firing sends nothing twice.
 */
const HOUR = 3_600_000
const CLOSE_AFTER = 2 * HOUR

const shanghaiHour = (at: Date) => new Date(at.getTime() + 8 * HOUR).getUTCHours()
export const runSessionReminders = async (
  deps: Deps,
  at: Date,
  log: Logger,
  _trigger: Trigger,
): Promise<Record<string, number>> => {
  const now = at.toISOString()
  const today = shanghaiDate(at)
  const tomorrow = shanghaiDate(new Date(at.getTime() + 24 * HOUR))
  // The end of tomorrow (Shanghai): anything starting before it may be due a reminder.
  const horizon = new Date(Date.parse(`${tomorrow}T00:00:00+08:00`) + 24 * HOUR).toISOString()
  // Sessions not over with something still to start before then: the session itself, a
  // one-to-one slot hours after it began, or a course's later lesson days after.
  const due = (
    await findAll(
      deps.store,
      sessions,
      {
        where: [
          { field: 'closed', op: 'eq', value: false },
          { field: 'endsAt', op: 'gt', value: now },
        ],
        orderBy: [{ field: 'endsAt', dir: 'asc' }],
      },
      Number.POSITIVE_INFINITY,
    )
  ).filter((s) =>
    [...s.dates.map((d) => d.startsAt), ...s.slots.map((x) => x.startsAt)].some(
      (start) => start > now && start < horizon,
    ),
  )
  let reminded = 0
  for (const s of due) {
    if (s.status !== 'published') continue
    const booked = await bookedOf(deps, s)
    for (const b of booked) {
      for (const { start, lesson } of startsOf(b, s)) {
        if (start <= now) continue
        const which: ('day_before' | 'two_hours')[] = []
        if (shanghaiDate(new Date(start)) === tomorrow && shanghaiHour(at) >= 18) which.push('day_before')
        if (Date.parse(start) - at.getTime() <= 2 * HOUR) which.push('two_hours')
        for (const w of which) {
          // The first lesson's keys are the plain ones (as before courses had later lessons).
          const key = lesson ? `${w}@${lesson + 1}` : w
          if (b.reminded.includes(key)) continue
          const what = lesson ? `第 ${lesson + 1} 次课` : SESSION_KINDS[s.kind]
          const sent = await tellBooker(
            deps,
            b.personId,
            {
              title: w === 'day_before' ? `明天${what}提醒` : `${what}即将开始`,
              body: `「${s.title}」${lesson ? `第 ${lesson + 1} 次课 ` : ''}${timeText(start)} 开始，地点：${s.place || s.onlineLink || '见活动详情'}。签到码 ${b.code}，${
                // Cancelling closes before the first lesson: for later ones only the host can help.
                w === 'day_before' && !lesson ? '如不能参加请提前取消。' : '如不能参加请联系举办单位。'
              }`,
              link: { kind: 'bookings', id: b.id },
              dedupeKey: `session-reminder:${b.id}:${key}`,
            },
            at,
          )
          if (sent) reminded++
          b.reminded = [...new Set([...b.reminded, key])]
          await deps.store.update(bookings, b.id, { reminded: b.reminded })
        }
      }
    }
  }
  const closed = await closeEnded(deps, at)
  log.info('session-reminder done', { day: today, reminded, ...closed })
  return { reminded, ...closed }
}

/** When a booking has something to attend: a one-to-one one at its slot, a course at each lesson. */
const startsOf = (b: BookingRecord, s: SessionRecord): { start: string; lesson: number }[] =>
  b.slotId || s.dates.length <= 1
    ? [{ start: startOfBooking(b, s), lesson: 0 }]
    : s.dates.map((d, lesson) => ({ start: d.startsAt, lesson }))

const bookedOf = (deps: Deps, s: SessionRecord) =>
  findAll(
    deps.store,
    bookings,
    {
      where: [
        { field: 'sessionId', op: 'eq', value: s.id },
        { field: 'status', op: 'eq', value: 'confirmed' },
      ],
      orderBy: [{ field: 'seq', dir: 'asc' }],
    },
    Number.POSITIVE_INFINITY,
  )

/** Sessions over for two hours: no-shows marked, the waiting list released, the counts final. */
const closeEnded = async (deps: Deps, at: Date) => {
  const ended = await findAll(
    deps.store,
    sessions,
    {
      where: [
        { field: 'closed', op: 'eq', value: false },
        { field: 'endsAt', op: 'lt', value: new Date(at.getTime() - CLOSE_AFTER).toISOString() },
      ],
      orderBy: [{ field: 'endsAt', dir: 'asc' }],
    },
    200,
  )
  const now = at.toISOString()
  let noShows = 0
  for (const s of ended) {
    const all = await findAll(
      deps.store,
      bookings,
      { where: [{ field: 'sessionId', op: 'eq', value: s.id }], orderBy: [] },
      Number.POSITIVE_INFINITY,
    )
    for (const b of all.filter((x) => x.status === 'confirmed' || x.status === 'waiting')) {
      const missed = b.status === 'confirmed'
      const done = await deps.store.transaction(async (tx) => {
        const saved = await tx.update(
          bookings,
          b.id,
          {
            status: missed ? 'no_show' : 'cancelled',
            cancelledBy: missed ? null : '系统（活动已结束，候补未轮到）',
            updatedAt: now,
            rev: b.rev + 1,
          },
          { expect: { status: b.status, rev: b.rev } },
        )
        if (!saved) return false // checked in or cancelled meanwhile
        if (missed) {
          await tx.increment(sessions, s.id, 'noShows', 1)
          await tx.increment(bookers, b.personId, 'noShows', 1)
        } else await tx.increment(sessions, s.id, 'waiting', -1, { min: 0 })
        return true
      })
      if (done && missed) noShows++
    }
    // Every booking of an ended session stops counting against its person's open bookings
    // (the transitions above leave `counted` as it was; the release reads it afresh).
    for (const b of all) if (b.counted) await releaseOpenBooking(deps, b.id)
    await deps.store.update(sessions, s.id, { closed: true, updatedAt: now })
  }
  return { closedSessions: ended.length, noShows }
}
