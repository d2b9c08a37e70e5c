/**
 * Bookings under a burst (issue 9): 200 residents book one session of 10 seats at the same
 * moment, through the HTTP layer the app uses (the local host: routing, auth, validation, the
 * use case, the embedded store). Reported: bookings per second, and that exactly 10 seats were
 * taken and the other 190 wait. The floor is 200 concurrent reads of the same session through
 * the same layer, measured in the same run. A first round warms the server (its code compiled,
 * each booker's record made: a running server is warm), then five rounds, a fresh session each;
 * the median, and the first round's figure beside it. The requests come from a worker thread, as
 * from phones: the server's thread does only its own work.
 */
import { Worker } from 'node:worker_threads'
import { setLogLevel } from '../../functions/platform/logger'
import { bookings, persons, sessions } from '../../functions/store/collections'
import { aPersonRecord } from '../support/registry'
import { call, devLogin, startTestApp } from '../support/test-app'

const PEOPLE = Number(process.env.BENCH_BOOKERS ?? 200)

/**
 * The phones: a worker thread that sends every request at once and times the burst, so the
 * clients' own work (as on 200 separate phones) does not run on the server's thread.
 */
const CLIENT = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', async ({ base, method, path, tokens, body }) => {
  const t = performance.now()
  const replies = await Promise.all(tokens.map(async (token) => {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }))
  parentPort.postMessage({ ms: performance.now() - t, replies })
})
`
type Burst = { ms: number; replies: { status: number; body: { status?: string } }[] }
const burst = (worker: Worker, message: Record<string, unknown>): Promise<Burst> =>
  new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.postMessage(message)
  })
const SEATS = 10
const ROUNDS = 5
/** Not counted: the first burst meets code not yet compiled and bookers with no record yet. */
const WARM_UP = 1

export const benchBookings = async () => {
  setLogLevel('warn')
  // Each resident books one session a round: the cap of open bookings must not end the bench.
  const app = await startTestApp({
    now: new Date('2026-12-10T02:00:00.000Z'),
    // The 200 phones are 200 source addresses in life; here they share one, which the login
    // limit per source would stop (bookings themselves carry no rate limit).
    env: { BOOKING_OPEN_CAP: '50', RATE_LIMITS: 'off' },
  })
  const tokens: string[] = []
  for (let i = 0; i < PEOPLE; i++) {
    await app.deps.store.insert(
      persons,
      aPersonRecord(900_000 + i, { accountId: `wx:bench-booker-${i}`, idHash: `bench-booker-${i}` }),
    )
    tokens.push(await devLogin(app, { openid: `bench-booker-${i}`, role: 'resident' }))
  }
  const street = await devLogin(app, { openid: 'bench-street', role: 'street', region: '320621100' })
  const client = new Worker(CLIENT, { eval: true })
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const burstMs: number[] = []
  const floorMs: number[] = []
  let checked = ''
  let coldMs = 0
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    const made = await call(app, 'POST', '/api/sessions', {
      token: street,
      body: {
        kind: 'career_guidance',
        title: `求职辅导第${round + 1}场`,
        region: '320621100',
        place: '海安镇人力资源服务站',
        startsAt: '2026-12-20T01:00:00.000Z',
        endsAt: '2026-12-20T03:00:00.000Z',
        capacity: SEATS,
      },
    })
    const id = made.body.id as string
    const reads = await burst(client, {
      base: app.baseUrl,
      method: 'GET',
      path: `/api/sessions/${id}`,
      tokens,
    })
    if (reads.replies.some((r) => r.status !== 200)) throw new Error('a read failed')
    const booked = await burst(client, {
      base: app.baseUrl,
      method: 'POST',
      path: `/api/sessions/${id}/bookings`,
      tokens,
      body: {},
    })
    if (round < WARM_UP) coldMs = booked.ms
    else {
      burstMs.push(booked.ms)
      floorMs.push(reads.ms)
    }
    const replies = booked.replies
    const confirmed = replies.filter((r) => r.status === 201 && r.body.status === 'confirmed').length
    const waiting = replies.filter((r) => r.status === 201 && r.body.status === 'waiting').length
    const refused = replies.filter((r) => r.status !== 201).length
    const s = await app.deps.store.get(sessions, id)
    const stored = await app.deps.store.count(bookings, [
      { field: 'sessionId', op: 'eq', value: id },
      { field: 'status', op: 'eq', value: 'confirmed' },
    ])
    if (
      confirmed !== SEATS ||
      stored !== SEATS ||
      s?.booked !== SEATS ||
      confirmed + waiting + refused !== PEOPLE
    )
      throw new Error(`overbooked or lost: ${confirmed} confirmed, ${stored} stored, ${s?.booked} counted`)
    checked = `${confirmed} seats taken, ${waiting} waiting, ${refused} refused (checked in the store every round)`
  }
  const perSecond = Math.round(PEOPLE / (median(burstMs) / 1000))
  console.log(
    `\nbookings: ${PEOPLE} residents book one session of ${SEATS} seats at once, over HTTP (embedded Postgres)\n`,
  )
  console.log('| figure | value |')
  console.log('|---|---|')
  console.log(`| burst of ${PEOPLE} bookings, median of ${ROUNDS} | ${median(burstMs).toFixed(0)} ms |`)
  console.log(`| bookings per second | ${perSecond.toLocaleString('en-US')} |`)
  console.log(`| first burst, on a cold server (not counted) | ${coldMs.toFixed(0)} ms |`)
  console.log(`| floor: ${PEOPLE} concurrent reads of the session | ${median(floorMs).toFixed(0)} ms |`)
  console.log(`| ratio to the floor | ${(median(burstMs) / median(floorMs)).toFixed(1)} × |`)
  console.log(`| outcome | ${checked} |`)
  await client.terminate()
  await app.close()
}
