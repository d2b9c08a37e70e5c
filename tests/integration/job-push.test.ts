import { toJobRecord } from '../../functions/contexts/jobs/job-mapper'
import { runJobPush } from '../../functions/contexts/seekers/job-push'
import { createLogger } from '../../functions/platform/logger'
import {
  jobInterests,
  jobs,
  meta,
  type NotificationRecord,
  notifications,
  persons,
} from '../../functions/store/collections'
import type { Store } from '../../functions/store/port'
import { aJob } from '../support/job-fixtures'
import { aPersonRecord } from '../support/registry'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * The daily job push over a registry of 150 people: the caps per day and per week, never the
 * same vacancy twice over several runs, the opt-out, who is not a seeker, and a run killed
 * halfway that resumes without sending anything twice.
 */
const log = createLogger({ test: 'job-push' })
const DAY1 = new Date('2026-12-01T02:00:00.000Z') // 10:00 in Shanghai
const day = (n: number) => new Date(DAY1.getTime() + (n - 1) * 86_400_000)

/** Seekers 0..119 want 挡车工 in 海安镇; 120..129 switched pushes off; 130..149 are in stable work. */
const seed = async (store: Store) => {
  for (let i = 0; i < 150; i++) {
    await store.insert(
      persons,
      aPersonRecord(i, {
        community: '320621100001',
        employmentStatus: i >= 130 ? 'stable' : 'unemployed',
        jobWishes: { occupations: ['挡车工'], places: ['海安镇'], expectedPay: null },
        jobPush: i >= 120 && i < 130 ? 'off' : null,
      }),
    )
  }
  for (let j = 0; j < 12; j++) {
    await store.insert(
      jobs,
      toJobRecord(aJob({ id: `push${j}`, title: '挡车工', category: 'textile', region: '320621100' }), DAY1),
    )
  }
}

const pushesOf = async (store: Store, personIndex: number): Promise<NotificationRecord[]> => {
  const page = await store.find(notifications, {
    where: [{ field: 'recipient', op: 'eq', value: `psn:${aPersonRecord(personIndex).id}` }],
    orderBy: [{ field: 'at', dir: 'asc' }],
    limit: 100,
  })
  return page.items.filter((m) => m.pushDay)
}

let app: TestApp
beforeEach(async () => {
  app = await startTestApp({ now: DAY1 })
  await seed(app.deps.store)
})
afterEach(() => app.close())

const run = (n: number, opts: Parameters<typeof runJobPush>[4] = {}) =>
  runJobPush(app.deps, day(n), log, 'manual', { daily: 2, weekly: 5, ...opts })

it('sends each seeker at most the daily cap, once a day, and nothing to who opted out or works', async () => {
  const first = await run(1)
  expect(first).toMatchObject({ seekers: 120, pushed: 240, messaged: 120 })
  const again = await run(1)
  expect(again).toMatchObject({ alreadyDone: 1, pushed: 0 })
  const seeker = await pushesOf(app.deps.store, 3)
  expect(seeker).toHaveLength(1)
  expect(seeker[0]!.title).toBe('为你推荐 2 个岗位')
  expect(seeker[0]!.pushJobs!.map((j) => j.why)).toEqual(['occupation,town', 'occupation,town'])
  // The seeker reads why, in their own words, in the message itself.
  expect(seeker[0]!.body).toMatch(/推荐理由：意向岗位相符；.*所在镇/)
  expect(await pushesOf(app.deps.store, 125)).toEqual([])
  expect(await pushesOf(app.deps.store, 140)).toEqual([])
})

it('never sends the same vacancy twice, and stops at the weekly cap', async () => {
  for (const n of [1, 2, 3, 4]) await run(n)
  const seeker = await pushesOf(app.deps.store, 7)
  // 2 + 2 + 1 (the week's 5 reached) + 0.
  expect(seeker.map((m) => m.pushJobs!.length)).toEqual([2, 2, 1])
  const sent = seeker.flatMap((m) => m.pushJobs!.map((j) => j.jobId))
  expect(new Set(sent).size).toBe(sent.length)
  // A week after the first push the window has room again, and still nothing repeats.
  await run(8)
  const later = await pushesOf(app.deps.store, 7)
  const all = later.flatMap((m) => m.pushJobs!.map((j) => j.jobId))
  expect(later).toHaveLength(4)
  expect(new Set(all).size).toBe(all.length)
})

it('resumes a run stopped after one page without sending anyone a second message', async () => {
  const partial = await run(1, { maxPages: 1 })
  expect(partial).toMatchObject({ partial: 1, scanned: 100 })
  const rest = await run(1)
  expect(rest).toMatchObject({ scanned: 150, seekers: 120, messaged: 120, pushed: 240 })
  for (const i of [0, 99, 100, 119]) expect(await pushesOf(app.deps.store, i)).toHaveLength(1)
})

it('a page redone after a crash in its write sends each message once', async () => {
  // The store fails the first batch of messages, as if the process died mid-page.
  const store = app.deps.store
  let failOnce = true
  const flaky: Store = Object.create(store)
  flaky.insertMany = async (c, docs) => {
    if (c.name === 'notifications' && failOnce) {
      failOnce = false
      await store.insertMany(c, docs.slice(0, 30)) // some rows were written before the crash
      throw new Error('killed')
    }
    return store.insertMany(c, docs)
  }
  await expect(
    runJobPush({ ...app.deps, store: flaky }, DAY1, log, 'manual', { daily: 2, weekly: 5 }),
  ).rejects.toThrow('killed')
  const state = JSON.parse((await store.get(meta, 'job-push:2026-12-01'))!.value)
  expect(state.status).toBe('running')
  await run(1)
  for (const i of [0, 29, 30, 119]) {
    const mine = await pushesOf(store, i)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.pushJobs).toHaveLength(2)
  }
})

it('lets a seeker switch pushes off and shows the coordinator what was pushed and who responded', async () => {
  const token = await devLogin(app, { openid: 'push-seeker', role: 'resident' })
  // The resident binds seeker 5's record, then says 我要应聘 to what was pushed.
  await app.deps.store.update(persons, aPersonRecord(5).id, { accountId: 'wx:push-seeker' })
  await run(1)
  const mine = await pushesOf(app.deps.store, 5)
  const pushed = mine[0]!.pushJobs![0]!.jobId
  // In the inbox each pushed job is a line the seeker can tell apart: what, who, how much.
  const inbox = await call(app, 'GET', '/api/inbox', { token })
  const push = inbox.body.items.find((m: { id: string }) => m.id === mine[0]!.id)
  expect(push.link).toMatchObject({ kind: 'jobs', jobIds: mine[0]!.pushJobs!.map((j) => j.jobId) })
  expect(push.link.jobTitles).toHaveLength(2)
  expect(push.link.jobTitles[0]).toMatch(/^挡车工 · .+ · (\d+-\d+ 元\/月|面议)$/)
  expect(
    (await call(app, 'POST', `/api/jobs/${pushed}/interest`, { token, body: { source: 'push' } })).status,
  ).toBe(201)
  const coord = await devLogin(app, { openid: 'push-coord', role: 'coordinator', region: '320621100001' })
  const rows: { personId: string; jobs: { jobId: string }[] }[] = []
  let cursor = ''
  do {
    const page = await call(
      app,
      'GET',
      `/api/job-pushes?day=2026-12-01${cursor ? `&cursor=${cursor}` : ''}`,
      {
        token: coord,
      },
    )
    rows.push(...page.body.items)
    cursor = page.body.nextCursor ?? ''
  } while (cursor)
  expect(rows).toHaveLength(120)
  const row = rows.find((p) => p.personId === aPersonRecord(5).id)!
  expect(row.jobs.find((j: { jobId: string }) => j.jobId === pushed)).toMatchObject({
    title: '挡车工',
    responded: true,
    // Worded for the coordinator, about the seeker.
    reasons: ['意向岗位相符', '在其所在镇（街道）'],
  })
  const off = await call(app, 'PUT', '/api/me/job-push', { token, body: { jobPush: 'off' } })
  expect(off.body.jobPush).toBe('off')
  await run(2)
  expect(await pushesOf(app.deps.store, 5)).toHaveLength(1)
  expect(
    (
      await call(app, 'GET', '/api/job-pushes', {
        token: await devLogin(app, { openid: 'x-coord', role: 'coordinator', region: '320621102001' }),
      })
    ).body.items,
  ).toEqual([])
})

it('never pushes a vacancy the seeker has already applied to', async () => {
  const person = aPersonRecord(3)
  const at = DAY1.toISOString()
  for (let j = 0; j < 10; j++) {
    await app.deps.store.insert(jobInterests, {
      id: `int_applied_${j}`,
      jobId: `push${j}`,
      jobTitle: '挡车工',
      employer: '测试纺织厂',
      employerId: null,
      jobRegion: '320621100',
      personId: person.id,
      personName: person.name,
      phoneMasked: person.phoneMasked,
      community: person.community,
      shareContact: false,
      source: 'board',
      status: 'interested',
      history: [{ at, status: 'interested', by: '本人', note: null }],
      createdAt: at,
      updatedAt: at,
    })
  }
  await run(1)
  const [pushed] = await pushesOf(app.deps.store, 3)
  expect(pushed!.pushJobs!.map((j) => j.jobId).sort()).toEqual(['push10', 'push11'])
})
