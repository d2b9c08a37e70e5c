import { runSessionReminders } from '../../functions/contexts/sessions/reminders'
import { createLogger } from '../../functions/platform/logger'
import { bookers, bookings, type SessionRecord, sessions } from '../../functions/store/collections'
import { aResident } from '../support/people'
import { call, devLogin, putMe, startTestApp, type TestApp } from '../support/test-app'

/**
 * Guidance sessions over HTTP: the street office publishes, residents book themselves (or a
 * coordinator books for them), the waiting list moves in order, the cut-off holds, reminders
 * arrive once each over reruns, the host checks people in and the 131 tally counts itself;
 * no-shows are marked, listed for coordinators and compared by who made the booking.
 */
let app: TestApp
const log = createLogger({ test: 'sessions' })
const STREET = { openid: 'ses-street', role: 'street', region: '320621100' }
const COUNTY = { openid: 'ses-county', role: 'county', region: '320621' }
const OTHER_STREET = { openid: 'ses-street-2', role: 'street', region: '320621102' }
const COORD = { openid: 'ses-coord', role: 'coordinator', region: '320621100001' }
const OTHER_COORD = { openid: 'ses-coord-2', role: 'coordinator', region: '320621102001' }
const as = (who: { openid: string; role: string; region?: string }) => devLogin(app, who)

const NOW = new Date('2026-12-10T02:00:00.000Z') // 10:00 in Shanghai, Thursday
const START = '2026-12-12T01:00:00.000Z' // Saturday 09:00 in Shanghai
const END = '2026-12-12T03:00:00.000Z'
const guidance = (over: Record<string, unknown> = {}) => ({
  kind: 'career_guidance',
  title: '求职面试辅导',
  region: '320621100',
  place: '海安镇人力资源服务站二楼',
  startsAt: START,
  endsAt: END,
  capacity: 2,
  ...over,
})

/** A resident with a real-name record in the coordinator's community; returns their token. */
let residentNo = 0
const NAMES = ['张晓明', '李红梅', '王建国', '赵雪', '陈志强', '刘芳', '杨洋', '黄磊', '周敏', '吴刚']
const resident = async (over: Record<string, unknown> = {}) => {
  const token = await as({ openid: `ses-res-${++residentNo}`, role: 'resident' })
  const name = NAMES[residentNo % NAMES.length]!
  const me = await putMe(app, { token, body: aResident({ name, ...over }) })
  if (me.status !== 200) throw new Error(JSON.stringify(me.body))
  return { token, personId: me.body.id as string, name }
}

const publish = async (
  body: Record<string, unknown>,
  by: { openid: string; role: string; region?: string } = STREET,
) => {
  const res = await call(app, 'POST', '/api/sessions', { token: await as(by), body })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.id as string
}

beforeEach(async () => {
  // Logins last ten days here: these tests move the clock over several days.
  app = await startTestApp({ now: NOW, env: { SESSION_TTL_HOURS: '240' } })
})
afterEach(() => app.close())

it('books a seat, shows it with a check-in code, and booking again returns the same booking', async () => {
  const id = await publish(guidance())
  const far = await publish(
    guidance({ title: '县级创业沙龙', kind: 'startup_guidance', region: '320621' }),
    COUNTY,
  )
  const { token } = await resident()
  const list = await call(app, 'GET', '/api/sessions', { token })
  // Their own town's session before the county's.
  expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([id, far])
  const booked = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token, body: {} })
  expect(booked.status).toBe(201)
  expect(booked.body).toMatchObject({ status: 'confirmed', statusLabel: '已预约', canCancel: true })
  expect(booked.body.code).toMatch(/^\d{6}$/)
  const again = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token, body: {} })
  expect(again.status).toBe(200)
  expect(again.body.id).toBe(booked.body.id)
  const mine = await call(app, 'GET', '/api/me/bookings', { token })
  expect(mine.body.items).toHaveLength(1)
  const view = await call(app, 'GET', `/api/sessions/${id}`, { token })
  expect(view.body).toMatchObject({
    booked: 1,
    remaining: 1,
    status: 'open',
    myBooking: { id: booked.body.id },
  })
})

it('puts the third person on the waiting list and promotes them, told, when a seat frees', async () => {
  const id = await publish(guidance())
  const a = await resident()
  const b = await resident()
  const c = await resident()
  const d = await resident()
  const first = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })
  await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: b.token, body: {} })
  const third = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: c.token, body: {} })
  const fourth = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: d.token, body: {} })
  expect(third.body).toMatchObject({ status: 'waiting', waitingPosition: 1 })
  expect(fourth.body).toMatchObject({ status: 'waiting', waitingPosition: 2 })
  const cancelled = await call(app, 'POST', `/api/bookings/${first.body.id}/cancel`, { token: a.token })
  expect(cancelled.body.status).toBe('cancelled')
  const cMine = await call(app, 'GET', '/api/me/bookings', { token: c.token })
  expect(cMine.body.items[0]).toMatchObject({ status: 'confirmed' })
  const dMine = await call(app, 'GET', '/api/me/bookings', { token: d.token })
  expect(dMine.body.items[0]).toMatchObject({ status: 'waiting', waitingPosition: 1 })
  // The session's own page says the same.
  const dView = await call(app, 'GET', `/api/sessions/${id}`, { token: d.token })
  expect(dView.body.myBooking).toMatchObject({ status: 'waiting', waitingPosition: 1 })
  const inbox = await call(app, 'GET', '/api/inbox', { token: c.token })
  expect(inbox.body.items[0]).toMatchObject({ title: '候补成功，已为您保留名额', link: { kind: 'bookings' } })
  expect(inbox.body.items[0].body).toContain('时间：12月12日 09:00')
  // Booking again after cancelling is possible — at the back of the queue.
  const back = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })
  expect(back.status).toBe(201)
  expect(back.body).toMatchObject({ id: first.body.id, status: 'waiting', waitingPosition: 2 })
})

it('books by the session as it is, not as it was read: a freed seat is taken, a full one waited for', async () => {
  const id = await publish(guidance({ capacity: 1 }))
  const b = await resident()
  const c = await resident()
  // Each booking reads the session first; make that read out of date, as a concurrent change would.
  const store = app.deps.store
  const get = store.get.bind(store)
  const readAs = (change: (s: SessionRecord) => Partial<SessionRecord>) => {
    let once = true
    store.get = (async (col: never, key: string) => {
      const doc = (await get(col, key)) as SessionRecord | null
      if (!once || col !== (sessions as never) || !doc) return doc
      once = false
      return { ...doc, ...change(doc) }
    }) as typeof store.get
  }
  readAs((s) => ({ booked: s.capacity })) // read as full: its one seat is free
  const seat = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: b.token, body: {} })
  readAs(() => ({ booked: 0 })) // read as free: b holds the seat
  const line = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: c.token, body: {} })
  store.get = get
  expect(seat.body).toMatchObject({ status: 'confirmed' })
  expect(line.body).toMatchObject({ status: 'waiting', waitingPosition: 1 })
  expect(await store.get(sessions, id)).toMatchObject({ booked: 1, waiting: 1, seq: 2 })
})

it('refuses cancelling a seat after the cut-off, and a fifth open booking', async () => {
  const ids = []
  for (let i = 0; i < 6; i++) ids.push(await publish(guidance({ title: `辅导第${i + 1}场`, capacity: 5 })))
  const { token } = await resident()
  for (const id of ids.slice(0, 5)) {
    expect((await call(app, 'POST', `/api/sessions/${id}/bookings`, { token, body: {} })).status).toBe(201)
  }
  const sixth = await call(app, 'POST', `/api/sessions/${ids[5]}/bookings`, { token, body: {} })
  expect(sixth.status).toBe(409)
  expect(sixth.body.code).toBe('BOOKING.TOO_MANY')
  const mine = await call(app, 'GET', '/api/me/bookings', { token })
  // An hour and a half before the start: inside the two-hour cut-off.
  app.clock.set(new Date(Date.parse(START) - 90 * 60_000))
  const late = await call(app, 'POST', `/api/bookings/${mine.body.items[0].id}/cancel`, { token })
  expect(late.status).toBe(409)
  expect(late.body.code).toBe('BOOKING.CUTOFF')
  expect((await app.deps.store.get(bookings, mine.body.items[0].id))?.status).toBe('confirmed')
})

it('reminds each booked person the evening before and two hours before, once each over reruns', async () => {
  const id = await publish(guidance())
  const { token } = await resident()
  await call(app, 'POST', `/api/sessions/${id}/bookings`, { token, body: {} })
  const reminders = async () =>
    (await call(app, 'GET', '/api/inbox', { token })).body.items.filter((m: { title: string }) =>
      /提醒|即将开始/.test(m.title),
    )
  const at = (iso: string) => runSessionReminders(app.deps, new Date(iso), log, 'manual')
  expect(await at('2026-12-11T09:00:00.000Z')).toMatchObject({ reminded: 0 }) // 17:00 the day before
  expect(await at('2026-12-11T10:00:00.000Z')).toMatchObject({ reminded: 1 }) // 18:00
  expect(await at('2026-12-11T10:15:00.000Z')).toMatchObject({ reminded: 0 })
  expect(await at('2026-12-11T23:00:00.000Z')).toMatchObject({ reminded: 1 }) // 07:00, two hours before
  expect(await at('2026-12-11T23:15:00.000Z')).toMatchObject({ reminded: 0 })
  const got = await reminders()
  expect(got.map((m: { title: string }) => m.title).sort()).toEqual(['明天职业指导提醒', '职业指导即将开始'])
  expect(got[0].body).toMatch(/签到码 \d{6}/)
})

it('checks in by code, counts the guidance in the 131 tally, and refuses whoever holds no seat', async () => {
  const id = await publish(guidance({ capacity: 1 }))
  const a = await resident()
  const b = await resident()
  const seat = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })
  const waiting = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: b.token, body: {} })
  app.clock.set(new Date(Date.parse(START) + 10 * 60_000))
  const host = await as(STREET)
  // Another street's officer is not the host.
  const foreign = await call(app, 'POST', `/api/sessions/${id}/attendance`, {
    token: await as(OTHER_STREET),
    body: { code: seat.body.code },
  })
  expect(foreign.status).toBe(403)
  const notBooked = await call(app, 'POST', `/api/sessions/${id}/attendance`, {
    token: host,
    body: { code: waiting.body.code },
  })
  expect(notBooked.status).toBe(409)
  expect(notBooked.body.code).toBe('BOOKING.NOT_BOOKED')
  const checked = await call(app, 'POST', `/api/sessions/${id}/attendance`, {
    token: host,
    body: { code: seat.body.code },
  })
  expect(checked.body).toMatchObject({ status: 'attended', name: a.name })
  await call(app, 'POST', `/api/sessions/${id}/attendance`, { token: host, body: { code: seat.body.code } })
  const tally = await call(app, 'GET', '/api/me/services', { token: a.token })
  expect(tally.body.counts).toEqual({ guidance: 1, referral: 0, training: 0 })
  expect(tally.body.items[0]).toMatchObject({ kindLabel: '职业指导', note: '参加职业指导「求职面试辅导」' })
})

it('counts a training course once enough of its dates are attended', async () => {
  const id = await publish({
    kind: 'training',
    title: '叉车司机培训班',
    region: '320621100',
    place: '海安技师学院',
    startsAt: START,
    endsAt: END,
    moreDates: [{ startsAt: '2026-12-13T01:00:00.000Z', endsAt: '2026-12-13T03:00:00.000Z' }],
    capacity: 20,
  })
  const a = await resident()
  const seat = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })
  const host = await as(STREET)
  app.clock.set(new Date(START))
  await call(app, 'POST', `/api/sessions/${id}/attendance`, {
    token: host,
    body: { code: seat.body.code, date: 0 },
  })
  expect((await call(app, 'GET', '/api/me/services', { token: a.token })).body.counts.training).toBe(0)
  // 我的预约 says how far: one lesson of two.
  const mine = await call(app, 'GET', '/api/me/bookings', { token: a.token })
  expect(mine.body.items[0]).toMatchObject({ status: 'attended', statusLabel: '已签到 1/2 次课' })
  app.clock.set(new Date('2026-12-13T01:05:00.000Z'))
  const second = await call(app, 'POST', `/api/sessions/${id}/attendance`, {
    token: host,
    body: { code: seat.body.code, date: 1 },
  })
  expect(second.body.attendedDates).toEqual([0, 1])
  expect((await call(app, 'GET', '/api/me/services', { token: a.token })).body.counts.training).toBe(1)
})

it('keeps the lessons of a course in time order, ends it with its last lesson, and refuses two lessons at once', async () => {
  const course = (moreDates: { startsAt: string; endsAt: string }[]) => ({
    kind: 'training',
    title: '电工技能培训班',
    region: '320621100',
    place: '海安技师学院',
    startsAt: START,
    endsAt: END,
    moreDates,
    capacity: 20,
  })
  const later = { startsAt: '2026-12-15T01:00:00.000Z', endsAt: '2026-12-15T03:00:00.000Z' }
  const sooner = { startsAt: '2026-12-14T01:00:00.000Z', endsAt: '2026-12-14T03:00:00.000Z' }
  const id = await publish(course([later, sooner]))
  const read = await call(app, 'GET', `/api/sessions/${id}`, { token: await as(STREET) })
  expect(read.body.dates.map((d: { startsAt: string }) => d.startsAt)).toEqual([
    START,
    sooner.startsAt,
    later.startsAt,
  ])
  expect(read.body.endsAt).toBe(later.endsAt)
  for (const twice of [
    [sooner, sooner],
    [sooner, { ...later, startsAt: '2026-12-14T02:00:00.000Z' }],
  ]) {
    const refused = await call(app, 'POST', '/api/sessions', { token: await as(STREET), body: course(twice) })
    expect(refused.status).toBe(400)
    expect(refused.body.issues).toContainEqual({ field: 'moreDates', message: '课程时间不能重复或重叠' })
  }
})

it('reminds a course booker before each later lesson too, once each', async () => {
  const id = await publish({
    kind: 'training',
    title: '育婴师培训班',
    region: '320621100',
    place: '海安技师学院',
    startsAt: START,
    endsAt: END,
    moreDates: [{ startsAt: '2026-12-15T01:00:00.000Z', endsAt: '2026-12-15T03:00:00.000Z' }],
    capacity: 20,
  })
  const a = await resident()
  expect((await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })).status).toBe(
    201,
  )
  const lessonTwo = async () =>
    (await call(app, 'GET', '/api/inbox', { token: a.token })).body.items.filter((m: { title: string }) =>
      m.title.includes('第 2 次课'),
    )
  // 14 December, 18:00 in Hai'an: the evening before the second lesson; then again, later.
  for (const at of ['2026-12-14T10:00:00.000Z', '2026-12-14T12:00:00.000Z'])
    await runSessionReminders(app.deps, new Date(at), log, 'manual')
  expect((await lessonTwo()).map((m: { title: string }) => m.title)).toEqual(['明天第 2 次课提醒'])
  await runSessionReminders(app.deps, new Date('2026-12-14T23:30:00.000Z'), log, 'manual')
  expect((await lessonTwo()).map((m: { title: string }) => m.title).sort()).toEqual([
    '明天第 2 次课提醒',
    '第 2 次课即将开始',
  ])
})

it('marks no-shows after the session, lists them for the coordinator, and asks repeat no-shows to confirm', async () => {
  const a = await resident()
  const coord = await as(COORD)
  const missed: string[] = []
  for (const day of [12, 13]) {
    const id = await publish(
      guidance({
        title: `${day}日辅导`,
        startsAt: `2026-12-${day}T01:00:00.000Z`,
        endsAt: `2026-12-${day}T03:00:00.000Z`,
      }),
    )
    missed.push(id)
    // One booked by the resident, the other by the coordinator on a phone call.
    const by = day === 12 ? { token: a.token, body: {} } : { token: coord, body: { personId: a.personId } }
    expect((await call(app, 'POST', `/api/sessions/${id}/bookings`, by)).status).toBe(201)
  }
  const closed = await runSessionReminders(app.deps, new Date('2026-12-13T06:00:00.000Z'), log, 'manual')
  expect(closed).toMatchObject({ closedSessions: 2, noShows: 2 })
  expect(
    await runSessionReminders(app.deps, new Date('2026-12-13T07:00:00.000Z'), log, 'manual'),
  ).toMatchObject({
    closedSessions: 0,
  })
  const listed = await call(app, 'GET', '/api/bookings?status=no_show', { token: coord })
  expect(listed.body.items).toHaveLength(2)
  // The person card shows them too, to follow up on the next call.
  const card = await call(app, 'GET', `/api/people/${a.personId}/history`, { token: coord })
  expect(card.body.bookings.map((b: { statusLabel: string }) => b.statusLabel)).toEqual(['未到场', '未到场'])
  expect(listed.body.items[0].code).toBeNull()
  expect(
    (await call(app, 'GET', '/api/bookings?status=no_show', { token: await as(OTHER_COORD) })).body.items,
  ).toEqual([])
  app.clock.set(new Date('2026-12-13T08:00:00.000Z'))
  const next = await publish(
    guidance({ startsAt: '2026-12-20T01:00:00.000Z', endsAt: '2026-12-20T03:00:00.000Z' }),
  )
  const refused = await call(app, 'POST', `/api/sessions/${next}/bookings`, { token: a.token, body: {} })
  expect(refused.status).toBe(409)
  expect(refused.body.code).toBe('BOOKING.CONFIRM_NEEDED')
  const confirmed = await call(app, 'POST', `/api/sessions/${next}/bookings`, {
    token: a.token,
    body: { confirmAttendance: true },
  })
  expect(confirmed.status).toBe(201)
  // Asking again (a retry) gives the same booking, not the question.
  const retry = await call(app, 'POST', `/api/sessions/${next}/bookings`, { token: a.token, body: {} })
  expect(retry.status).toBe(200)
  expect(retry.body.id).toBe(confirmed.body.id)
  // Coming counts: once checked in, they book without being asked.
  app.clock.set(new Date('2026-12-20T01:10:00.000Z'))
  const came = await call(app, 'POST', `/api/sessions/${next}/attendance`, {
    token: await as(STREET),
    body: { code: confirmed.body.code },
  })
  expect(came.body.status).toBe('attended')
  const later = await publish(
    guidance({ startsAt: '2026-12-27T01:00:00.000Z', endsAt: '2026-12-27T03:00:00.000Z' }),
  )
  expect(
    (await call(app, 'POST', `/api/sessions/${later}/bookings`, { token: a.token, body: {} })).status,
  ).toBe(201)
  // The county compares no-shows of self-made and staff-made bookings.
  const stats = await call(app, 'GET', '/api/session-stats', { token: await as(STREET) })
  const all = stats.body.rows.find((r: { kind: string }) => r.kind === 'all')
  expect(all).toMatchObject({
    self: { booked: 1, noShows: 1, noShowRate: 100 },
    staff: { booked: 1, noShows: 1 },
  })
  // Ended sessions no longer hold the resident's open places.
  expect((await app.deps.store.get(sessions, missed[0]!))?.closed).toBe(true)
})

it('tells the resident when staff book or cancel for them, with the time and the check-in code', async () => {
  const id = await publish(guidance())
  const a = await resident()
  const coord = await as(COORD)
  const booked = await call(app, 'POST', `/api/sessions/${id}/bookings`, {
    token: coord,
    body: { personId: a.personId },
  })
  expect(booked.body).toMatchObject({ status: 'confirmed', byStaff: true })
  type Item = { title: string; body: string; link: unknown }
  const titled = async (title: string) =>
    ((await call(app, 'GET', '/api/inbox', { token: a.token })).body.items as Item[]).filter(
      (m) => m.title === title,
    )
  // Messages of one moment are listed in no fixed order: found by title.
  const [told] = await titled('工作人员已为您预约')
  expect(told).toMatchObject({ link: { kind: 'bookings', id: booked.body.id } })
  expect(told!.body).toContain('12月12日 09:00')
  expect(told!.body).toContain(`签到码 ${booked.body.code}`)
  await call(app, 'POST', `/api/bookings/${booked.body.id}/cancel`, { token: coord })
  expect(await titled('您的预约已取消')).toHaveLength(1)
  const after = (await call(app, 'GET', '/api/inbox', { token: a.token })).body.items
  // Their own cancelling tells them nothing new: they did it.
  const again = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })
  await call(app, 'POST', `/api/bookings/${again.body.id}/cancel`, { token: a.token })
  expect((await call(app, 'GET', '/api/inbox', { token: a.token })).body.items).toHaveLength(after.length)
})

it('lets the host call a session off before it begins: bookings cancelled, everyone told why', async () => {
  const id = await publish(guidance({ capacity: 1 }))
  const a = await resident()
  const b = await resident()
  await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })
  const waiting = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: b.token, body: {} })
  expect(waiting.body.status).toBe('waiting')
  const host = await as(STREET)
  const noReason = await call(app, 'POST', `/api/sessions/${id}/cancel`, {
    token: host,
    body: { reason: ' ' },
  })
  expect(noReason.status).toBe(400)
  // A resident, or a host of another town, can't.
  for (const token of [a.token, await as(OTHER_STREET)]) {
    const refused = await call(app, 'POST', `/api/sessions/${id}/cancel`, {
      token,
      body: { reason: '不想办了' },
    })
    expect(refused.status).toBe(403)
  }
  const off = await call(app, 'POST', `/api/sessions/${id}/cancel`, {
    token: host,
    body: { reason: '讲师临时有事，改期另行通知' },
  })
  expect(off.body).toMatchObject({ status: 'cancelled', cancelReason: '讲师临时有事，改期另行通知' })
  for (const who of [a, b]) {
    const mine = await call(app, 'GET', '/api/me/bookings', { token: who.token })
    expect(mine.body.items[0]).toMatchObject({ status: 'cancelled' })
    const told = (await call(app, 'GET', '/api/inbox', { token: who.token })).body.items.filter(
      (m: { title: string }) => m.title === '活动已取消',
    )
    expect(told).toHaveLength(1)
    expect(told[0].body).toContain('讲师临时有事')
    // Their open place is given back.
    expect((await app.deps.store.get(bookers, who.personId))?.open).toBe(0)
  }
  // Again (a retry): nothing more happens, nobody told twice; booking it is refused.
  await call(app, 'POST', `/api/sessions/${id}/cancel`, { token: host, body: { reason: '重复提交' } })
  const inbox = (await call(app, 'GET', '/api/inbox', { token: a.token })).body.items
  expect(inbox.filter((m: { title: string }) => m.title === '活动已取消')).toHaveLength(1)
  expect((await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })).status).toBe(
    404,
  )
  const resized = await call(app, 'POST', `/api/sessions/${id}/capacity`, {
    token: host,
    body: { capacity: 9 },
  })
  expect(resized.status).toBe(404)
  // A session already begun can't be called off.
  const begun = await publish(guidance())
  app.clock.set(new Date(START))
  const late = await call(app, 'POST', `/api/sessions/${begun}/cancel`, {
    token: host,
    body: { reason: '来不及了' },
  })
  expect(late.status).toBe(409)
})

it('keeps bookings private and hosts to their own sessions', async () => {
  const id = await publish(guidance())
  const a = await resident()
  const b = await resident()
  const seat = await call(app, 'POST', `/api/sessions/${id}/bookings`, { token: a.token, body: {} })
  expect((await call(app, 'POST', `/api/bookings/${seat.body.id}/cancel`, { token: b.token })).status).toBe(
    404,
  )
  expect((await call(app, 'GET', `/api/sessions/${id}/bookings`, { token: b.token })).status).toBe(403)
  // Another town's coordinator sees none of this town's bookings, and can't book for its people.
  const other = await as(OTHER_COORD)
  expect((await call(app, 'GET', `/api/sessions/${id}/bookings`, { token: other })).body.items).toEqual([])
  const behalf = await call(app, 'POST', `/api/sessions/${id}/bookings`, {
    token: other,
    body: { personId: b.personId },
  })
  expect(behalf.status).toBe(404)
  // The host sees everyone with their codes; the resident's own coordinator sees them without.
  const hosted = await call(app, 'GET', `/api/sessions/${id}/bookings`, { token: await as(STREET) })
  expect(hosted.body.items[0].code).toBe(seat.body.code)
  const coordView = await call(app, 'GET', `/api/sessions/${id}/bookings`, { token: await as(COORD) })
  expect(coordView.body.items[0]).toMatchObject({ name: a.name, code: null })
  expect((await call(app, 'POST', '/api/sessions', { token: a.token, body: guidance() })).status).toBe(403)
})

it('refuses bad sessions and bookings with a reason, changing nothing', async () => {
  const token = await as(STREET)
  // A booking window that opens only after the start: nobody could ever book it.
  const never = await call(app, 'POST', '/api/sessions', {
    token,
    body: guidance({ bookingOpensAt: '2026-12-13T01:00:00.000Z' }),
  })
  expect(never.status).toBe(400)
  expect(never.body.issues).toContainEqual({
    field: 'bookingOpensAt',
    message: '预约开始时间应早于活动开始时间',
  })
  const past = await call(app, 'POST', '/api/sessions', {
    token,
    body: guidance({ startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z' }),
  })
  expect(past.status).toBe(400)
  expect(past.body.issues[0]).toMatchObject({ field: 'startsAt' })
  const backwards = await call(app, 'POST', '/api/sessions', {
    token,
    body: guidance({ endsAt: '2026-12-12T00:00:00.000Z' }),
  })
  expect(backwards.body.issues[0]).toMatchObject({ field: 'endsAt', message: '结束时间应晚于开始时间' })
  const elsewhere = await call(app, 'POST', '/api/sessions', {
    token,
    body: guidance({ region: '320621102' }),
  })
  expect(elsewhere.body.issues[0]).toMatchObject({ field: 'region' })
  expect(await app.deps.store.count(sessions)).toBe(0)

  const forDifficulty = await publish(guidance({ keyGroups: ['difficulty'] }))
  const a = await resident()
  const refused = await call(app, 'POST', `/api/sessions/${forDifficulty}/bookings`, {
    token: a.token,
    body: {},
  })
  expect(refused.status).toBe(403)
  expect(refused.body).toMatchObject({ code: 'SESSION.NOT_FOR_YOU' })
  expect(refused.body.issues[0].message).toBe('仅面向就业困难人员')

  const one = await publish(
    guidance({
      capacity: 2,
      slots: [
        { startsAt: START, endsAt: '2026-12-12T02:00:00.000Z' },
        { startsAt: '2026-12-12T02:00:00.000Z', endsAt: END },
      ],
    }),
  )
  const noSlot = await call(app, 'POST', `/api/sessions/${one}/bookings`, { token: a.token, body: {} })
  expect(noSlot.body.code).toBe('SESSION.SLOT_REQUIRED')
  expect(
    (await call(app, 'POST', `/api/sessions/${one}/bookings`, { token: a.token, body: { slotId: 's1' } }))
      .status,
  ).toBe(201)
  const b = await resident()
  const taken = await call(app, 'POST', `/api/sessions/${one}/bookings`, {
    token: b.token,
    body: { slotId: 's1' },
  })
  expect(taken.body.code).toBe('SESSION.SLOT_TAKEN')
  expect((await app.deps.store.get(sessions, one))?.booked).toBe(1)
  const view = await call(app, 'GET', `/api/sessions/${one}`, { token: b.token })
  expect(view.body.slots.map((s: { taken: boolean }) => s.taken)).toEqual([true, false])

  const small = await publish(guidance({ capacity: 3 }))
  await call(app, 'POST', `/api/sessions/${small}/bookings`, { token: a.token, body: {} })
  await call(app, 'POST', `/api/sessions/${small}/bookings`, { token: b.token, body: {} })
  const below = await call(app, 'POST', `/api/sessions/${small}/capacity`, { token, body: { capacity: 1 } })
  expect(below.status).toBe(409)
  expect(below.body.code).toBe('SESSION.CAPACITY_BELOW_BOOKED')
  expect((await app.deps.store.get(sessions, small))?.capacity).toBe(3)
})
