import { performance } from 'node:perf_hooks'
import { bookSession } from '../../functions/contexts/sessions/bookings'
import { createSession } from '../../functions/contexts/sessions/sessions'
import { setLogLevel } from '../../functions/platform/logger'
import { persons } from '../../functions/store/collections'
import { aPersonRecord } from '../support/registry'
import { startTestApp } from '../support/test-app'

const main = async () => {
  setLogLevel('warn')
  const app = await startTestApp({
    now: new Date('2026-12-10T02:00:00.000Z'),
    env: { BOOKING_OPEN_CAP: '50' },
  })
  for (let i = 0; i < 200; i++)
    await app.deps.store.insert(
      persons,
      aPersonRecord(900_000 + i, { accountId: `wx:b${i}`, idHash: `b${i}` }),
    )
  const T: Record<string, [number, number]> = {}
  const db = (app.deps.store as any).db
  const q0 = db.query.bind(db)
  db.query = async (sql: string, params: unknown[]) => {
    const t = performance.now()
    try {
      return await q0(sql, params)
    } finally {
      const k = sql.slice(0, 60)
      const e = (T[k] ??= [0, 0])
      e[0]++
      e[1] += performance.now() - t
    }
  }
  for (let r = 0; r < 3; r++) {
    for (const k in T) delete T[k]
    const s = await createSession(
      app.deps,
      { openid: 'st', role: 'street', region: '320621100' },
      {
        kind: 'career_guidance',
        title: '辅导',
        region: '320621100',
        place: 'x',
        startsAt: '2026-12-20T01:00:00.000Z',
        endsAt: '2026-12-20T03:00:00.000Z',
        capacity: 10,
        keyGroups: [],
        regions: [],
        description: '',
      },
    )
    const t = performance.now()
    for (let i = 0; i < 200; i++)
      await bookSession(app.deps, { openid: `b${i}`, role: 'resident', region: null }, s.id, {})
    console.log('sequential', ((performance.now() - t) / 200).toFixed(2), 'ms per booking')
  }
  for (const [k, [n, ms]] of Object.entries(T).sort((a, b) => b[1][1] - a[1][1]))
    console.log(n, (ms / n).toFixed(3), 'ms', k)
  await app.close()
}
main()
