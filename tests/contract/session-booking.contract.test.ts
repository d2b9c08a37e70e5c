import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bookSession, cancelBooking } from '../../functions/contexts/sessions/bookings'
import { createSession } from '../../functions/contexts/sessions/sessions'
import { localFileStore } from '../../functions/files-store/local-file-store'
import { ManualClock } from '../../functions/platform/clock'
import { parseEnv } from '../../functions/platform/env'
import type { Deps } from '../../functions/runtime/deps'
import { bookings, persons, sessions } from '../../functions/store/collections'
import type { Identity } from '../../shared/auth/identity'
import { AppError } from '../../shared/errors'
import { aPersonRecord } from '../support/registry'
import { availableAdapters } from './adapters'

/**
 * Bookings under concurrency, on every adapter: a burst of bookings for a small session takes
 * exactly its seats, the rest wait in order; cancellations at once promote each waiting person
 * once; one person's burst of bookings for many sessions stops at their cap. PGlite runs one
 * transaction at a time, so only the PostgreSQL run can show an overbooking.
 */
// On CloudBase too, through the real SDK against the local service: forty transactions on one
// session document conflict and are retried with backoff until each is through.
const { adapters, skipped } = availableAdapters()
for (const line of skipped) console.log(`skipped: ${line}`)
const STREET: Identity = { openid: 'sbc-street', role: 'street', region: '320621100' }
const COORD: Identity = { openid: 'sbc-coord', role: 'coordinator', region: '320621100001' }
const NOW = new Date('2026-12-10T02:00:00.000Z')
const SESSION = {
  kind: 'career_guidance' as const,
  title: '求职面试辅导',
  region: '320621100',
  place: '海安镇人力资源服务站',
  startsAt: '2026-12-15T01:00:00.000Z',
  endsAt: '2026-12-15T03:00:00.000Z',
  keyGroups: [],
  regions: [],
  description: '',
}

const outcome = (p: Promise<{ view: { status: string } }>) =>
  p.then(
    (r) => r.view.status,
    (err) => (err instanceof AppError ? err.code : `unexpected: ${String(err)}`),
  )

describe.each(adapters)('session bookings under concurrency: $name', (adapter) => {
  let deps: Deps
  let dispose: () => Promise<void>
  let base = 0
  beforeAll(async () => {
    const opened = await adapter.open()
    dispose = opened.dispose
    const dataDir = mkdtempSync(join(tmpdir(), 'pes-sbc-'))
    deps = {
      env: parseEnv({
        STORE: 'pglite',
        DATA_DIR: dataDir,
        SESSION_SECRET: 'contract-secret-contract-secret-012',
        BOOKING_OPEN_CAP: '3',
      }),
      store: opened.store,
      clock: new ManualClock(NOW),
      files: localFileStore(dataDir),
    }
  })
  afterAll(() => dispose())

  /** `n` people of the coordinator's community, numbered afresh for each test. */
  const people = async (n: number) => {
    const out = []
    for (let i = 0; i < n; i++) {
      const p = aPersonRecord(700_000 + base++, { idHash: `sbc-${adapter.name}-${base}` })
      await deps.store.insert(persons, p)
      out.push(p)
    }
    return out
  }

  it('takes exactly the capacity when forty people book ten seats at once; the rest wait in order', async () => {
    const s = await createSession(deps, STREET, { ...SESSION, capacity: 10 })
    const crowd = await people(40)
    const results = await Promise.all(
      crowd.map((p) => outcome(bookSession(deps, COORD, s.id, { personId: p.id }))),
    )
    expect(results.filter((r) => r === 'confirmed')).toHaveLength(10)
    expect(results.filter((r) => r === 'waiting')).toHaveLength(30)
    const saved = await deps.store.get(sessions, s.id)
    expect(saved).toMatchObject({ booked: 10, waiting: 30, seq: 40 })
    const rows = await deps.store.find(bookings, {
      where: [{ field: 'sessionId', op: 'eq', value: s.id }],
      orderBy: [{ field: 'seq', dir: 'asc' }],
      limit: 100,
    })
    expect(rows.items.filter((b) => b.status === 'confirmed')).toHaveLength(10)
    // Every booking has its own number and its own check-in code.
    expect(new Set(rows.items.map((b) => b.seq)).size).toBe(40)
    expect(new Set(rows.items.map((b) => b.code)).size).toBe(40)

    // Five cancel at once: the first five in the waiting list, and no one else, get the seats.
    const confirmed = rows.items.filter((b) => b.status === 'confirmed').slice(0, 5)
    const waitingInOrder = rows.items.filter((b) => b.status === 'waiting').map((b) => b.id)
    await Promise.all(confirmed.map((b) => cancelBooking(deps, COORD, b.id)))
    const after = await deps.store.get(sessions, s.id)
    expect(after).toMatchObject({ booked: 10, waiting: 25 })
    for (const id of waitingInOrder.slice(0, 5))
      expect((await deps.store.get(bookings, id))?.status).toBe('confirmed')
    for (const id of waitingInOrder.slice(5, 8))
      expect((await deps.store.get(bookings, id))?.status).toBe('waiting')
  })

  it('one person booking many sessions at once stops at the cap of open bookings', async () => {
    const [p] = await people(1)
    const many = []
    for (let i = 0; i < 8; i++)
      many.push(await createSession(deps, STREET, { ...SESSION, title: `场次${i}`, capacity: 5 }))
    const results = await Promise.all(
      many.map((s) => outcome(bookSession(deps, COORD, s.id, { personId: p!.id }))),
    )
    expect(results.filter((r) => r === 'confirmed')).toHaveLength(3)
    expect(results.filter((r) => r !== 'confirmed')).toEqual(Array(5).fill('BOOKING.TOO_MANY'))
    expect(await deps.store.count(bookings, [{ field: 'personId', op: 'eq', value: p!.id }])).toBe(3)
  })

  it('the same person booking one session five times at once holds one seat', async () => {
    const s = await createSession(deps, STREET, { ...SESSION, capacity: 5 })
    const [p] = await people(1)
    const results = await Promise.all(
      Array.from({ length: 5 }, () => outcome(bookSession(deps, COORD, s.id, { personId: p!.id }))),
    )
    expect(results).toEqual(Array(5).fill('confirmed'))
    expect((await deps.store.get(sessions, s.id))?.booked).toBe(1)
    expect(await deps.store.count(bookings, [{ field: 'sessionId', op: 'eq', value: s.id }])).toBe(1)
  })
})
