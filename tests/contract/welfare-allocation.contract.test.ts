import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allocateWelfarePost, createWelfarePost } from '../../functions/contexts/jobs/welfare-posts'
import { localFileStore } from '../../functions/files-store/local-file-store'
import { ManualClock } from '../../functions/platform/clock'
import { parseEnv } from '../../functions/platform/env'
import type { Deps } from '../../functions/runtime/deps'
import { persons, welfareAllocations, welfarePosts } from '../../functions/store/collections'
import type { Identity } from '../../shared/auth/identity'
import { AppError } from '../../shared/errors'
import { aPersonRecord } from '../support/registry'
import { availableAdapters } from './adapters'

/**
 * Public-welfare posts under concurrent allocation, on every adapter: more people than places
 * at once must fill the post exactly, and one person sent to two posts at once gets only one.
 * PGlite runs one transaction at a time, so only the PostgreSQL run can show an over-allocation.
 */
const { adapters } = availableAdapters()
const COUNTY: Identity = { openid: 'wac-county', role: 'county', region: '320621' }
const STREET: Identity = { openid: 'wac-street', role: 'street', region: '320621100' }
const difficulty = [{ group: 'difficulty' as const, since: '2026-01-05', source: 'test' }]
const POST = {
  title: '社区保洁员',
  employer: '海安镇城市管理办公室',
  town: '320621100',
  subsidyPerMonth: 1800,
  termMonths: 36,
  description: '',
}

/** What each attempt came to: 'ok' or the refusal's code. */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err) => (err instanceof AppError ? err.code : `unexpected: ${String(err)}`),
  )

describe.each(adapters)('public-welfare allocation under concurrency: $name', (adapter) => {
  let deps: Deps
  let dispose: () => Promise<void>
  beforeAll(async () => {
    const opened = await adapter.open()
    dispose = opened.dispose
    const dataDir = mkdtempSync(join(tmpdir(), 'pes-wac-'))
    deps = {
      env: parseEnv({
        STORE: 'pglite',
        DATA_DIR: dataDir,
        SESSION_SECRET: 'contract-secret-contract-secret-012',
      }),
      store: opened.store,
      clock: new ManualClock(new Date('2026-12-10T02:00:00.000Z')),
      files: localFileStore(dataDir),
    }
  })
  afterAll(() => dispose())

  it('fills a post of three exactly when ten eligible people are allocated at once', async () => {
    for (let i = 1; i <= 10; i++) {
      await deps.store.insert(
        persons,
        aPersonRecord(100 + i, { keyGroups: difficulty, employmentSince: '2025-06-01', idHash: `wac-${i}` }),
      )
    }
    const post = await createWelfarePost(deps, COUNTY, { ...POST, count: 3 })
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        outcome(allocateWelfarePost(deps, STREET, post.id, { personId: aPersonRecord(101 + i).id })),
      ),
    )
    expect(results.filter((r) => r === 'ok')).toHaveLength(3)
    expect(results.filter((r) => r !== 'ok')).toEqual(Array(7).fill('WELFARE.FULL'))
    expect((await deps.store.get(welfarePosts, post.id))?.filled).toBe(3)
    expect(await deps.store.count(welfareAllocations, [{ field: 'postId', op: 'eq', value: post.id }])).toBe(
      3,
    )
    const placed = await deps.store.count(persons, [{ field: 'employmentStatus', op: 'eq', value: 'stable' }])
    expect(placed).toBe(3)
  })

  it('gives one person only one post when sent to two posts at once', async () => {
    const person = aPersonRecord(200, {
      keyGroups: difficulty,
      employmentSince: '2025-06-01',
      idHash: 'wac-200',
    })
    await deps.store.insert(persons, person)
    const a = await createWelfarePost(deps, COUNTY, { ...POST, count: 5 })
    const b = await createWelfarePost(deps, COUNTY, { ...POST, title: '道路协管员', count: 5 })
    const results = await Promise.all(
      [a, b, a, b].map((p) => outcome(allocateWelfarePost(deps, STREET, p.id, { personId: person.id }))),
    )
    expect(results.filter((r) => r === 'ok')).toHaveLength(1)
    expect(results.filter((r) => r !== 'ok')).toEqual(Array(3).fill('WELFARE.ALREADY_PLACED'))
    const filled =
      (await deps.store.get(welfarePosts, a.id))!.filled + (await deps.store.get(welfarePosts, b.id))!.filled
    expect(filled).toBe(1)
    expect(
      await deps.store.count(welfareAllocations, [{ field: 'personId', op: 'eq', value: person.id }]),
    ).toBe(1)
  })
})
