import type { Identity } from '../../../shared/auth/identity'
import { isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { formatSalary, type JobCategory, type Paged } from '../../../shared/jobs/job'
import {
  MATCH_THRESHOLD,
  matchVacancy,
  type PreparedSeeker,
  prepareSeeker,
  type VacancyProfile,
} from '../../../shared/jobs/matching'
import type { JobPushView } from '../../../shared/jobs/seeker'
import type { Logger } from '../../platform/logger'
import type { Deps } from '../../runtime/deps'
import type { Trigger } from '../../runtime/scheduled'
import {
  type JobPushRecord,
  type JobRecord,
  jobPushes,
  jobs,
  meta,
  notifications,
  type PersonRecord,
  persons,
  placementCases,
} from '../../store/collections'
import { DuplicateKeyError, type Filter, MAX_PAGE, type Page, type Store } from '../../store/port'
import { inboxRecord, type Message } from '../inbox/notifier'
import { spendCredit } from '../inbox/subscriptions'
import { jobChannel } from '../inbox/wechat-subscription'
import { pushId } from '../jobs/interests'
import { regionLabel } from '../regions/region-directory'
import { isActiveSeeker, mayHoldWelfarePost, seekerProfile, vacancyProfile } from './seeker-profile'

/**
 * 送岗位: once a day (10:00 Asia/Shanghai) every active seeker — the unemployed, returnees who
 * want work here, anyone who asked — gets the best new matches among open vacancies: at most
 * `daily` a day and `weekly` in any seven days, never a vacancy they were sent before, through
 * the inbox (and a WeChat subscription message when they hold a credit). Nobody who switched
 * pushes off gets any.
 *
 * Like followup-monthly it is idempotent, chunked and resumable: a push's id is the pair
 * (seeker, vacancy) and a day's message is deduplicated per seeker, the registry is read a page
 * at a time, and the cursor is saved after each page, so a run stopped by its time budget or
 * killed resumes where it was and a page redone after a crash adds nothing.
 */
const PAGE = MAX_PAGE
/** How far down a seeker's ranking to look for vacancies not yet sent, per round. */
const LOOK_AHEAD = 12

interface RunState {
  status: 'running' | 'done'
  cursor: string | null
  scanned: number
  seekers: number
  pushed: number
  messaged: number
}

const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

interface Entry {
  job: JobRecord
  profile: VacancyProfile
}

/**
 * Open vacancies by trade and town, so a seeker is scored against the few dozen posts that can
 * fit them (their trades, near home first) rather than all ten thousand.
 */
export class VacancyIndex {
  private readonly byTradeTown = new Map<string, Entry[]>()
  private readonly byTrade = new Map<JobCategory, Entry[]>()
  private readonly byTown = new Map<string, Entry[]>()
  size = 0

  add(job: JobRecord) {
    const entry = { job, profile: vacancyProfile(job) }
    const town = job.region.slice(0, 9)
    const push = <K>(m: Map<K, Entry[]>, k: K) => {
      const list = m.get(k)
      if (list) list.push(entry)
      else m.set(k, [entry])
    }
    push(this.byTradeTown, `${job.category}|${town}`)
    push(this.byTrade, job.category)
    push(this.byTown, town)
    this.size++
  }

  candidates(s: PreparedSeeker): Entry[] {
    const trades = new Set([...s.wishedCategories, ...s.skillCategories])
    if (!trades.size) return this.byTown.get(s.town) ?? []
    const near: Entry[] = []
    for (const t of trades) near.push(...(this.byTradeTown.get(`${t}|${s.town}`) ?? []))
    if (near.length >= 3 * LOOK_AHEAD) return near
    // Few posts of their trades at home: the whole county's, where wished places and pay count.
    const wide: Entry[] = []
    for (const t of trades) wide.push(...(this.byTrade.get(t) ?? []))
    return wide
  }
}

const readAll = async <T>(read: (cursor: string | null) => Promise<Page<T>>): Promise<T[]> => {
  const out: T[] = []
  let cursor: string | null = null
  do {
    const page = await read(cursor)
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

export const loadOpenVacancies = async (store: Store, at: Date): Promise<VacancyIndex> => {
  const index = new VacancyIndex()
  const where: Filter[] = [
    { field: 'status', op: 'eq', value: 'published' },
    { field: 'validUntil', op: 'gt', value: at.toISOString() },
  ]
  for (const j of await readAll((cursor) => store.find(jobs, { where, orderBy: [], limit: PAGE, cursor })))
    index.add(j)
  return index
}

/** Members of zero-employment households whose case is open: first in line for welfare posts. */
const openZeroCaseMembers = async (store: Store): Promise<Set<string>> => {
  const where: Filter[] = [
    { field: 'status', op: 'eq', value: 'open' },
    { field: 'kind', op: 'eq', value: 'zero_employment' },
  ]
  const cases = await readAll((cursor) =>
    store.find(placementCases, { where, orderBy: [], limit: PAGE, cursor }),
  )
  return new Set(cases.flatMap((c) => c.personIds))
}

const chunks = <T>(list: T[], size: number): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/** Which of these push ids exist already (sent on an earlier day, or earlier in an interrupted run). */
const existingPushes = async (store: Store, ids: string[]): Promise<Set<string>> => {
  const found = new Set<string>()
  for (const part of chunks([...new Set(ids)], PAGE)) {
    const page = await store.find(jobPushes, {
      where: [{ field: 'id', op: 'in', value: part }],
      orderBy: [],
      limit: PAGE,
    })
    for (const p of page.items) found.add(p.id)
  }
  return found
}

const pushMessage = (
  list: { jobId: string; jobTitle: string; employer: string; pay: string }[],
  day: string,
): Message => ({
  title: `为你推荐 ${list.length} 个岗位`,
  body: list.map((p) => `${p.jobTitle}（${p.employer}，${p.pay}）`).join('；'),
  link: { kind: list.length === 1 ? 'job' : 'jobs', id: list[0]!.jobId, jobIds: list.map((p) => p.jobId) },
  dedupeKey: `job-push:${day}`,
})

export interface JobPushOptions {
  budgetMs?: number
  maxPages?: number
  daily?: number
  weekly?: number
}

export const runJobPush = async (
  deps: Deps,
  at: Date,
  log: Logger,
  _trigger: Trigger,
  opts: JobPushOptions = {},
): Promise<Record<string, number | string>> => {
  const day = shanghaiDate(at)
  const key = `job-push:${day}`
  const saved = await deps.store.get(meta, key)
  let state: RunState = saved
    ? (JSON.parse(saved.value) as RunState)
    : { status: 'running', cursor: null, scanned: 0, seekers: 0, pushed: 0, messaged: 0 }
  if (state.status === 'done') return { day, pushed: 0, alreadyDone: 1 }
  if (!saved) {
    await deps.store
      .insert(meta, { id: key, value: JSON.stringify(state), updatedAt: at.toISOString() })
      .catch((err) => {
        if (!(err instanceof DuplicateKeyError)) throw err
      })
  }
  const daily = opts.daily ?? deps.env.JOB_PUSH_DAILY
  const weekly = opts.weekly ?? deps.env.JOB_PUSH_WEEKLY
  const weekStart = shanghaiDate(new Date(at.getTime() - 6 * 86_400_000))
  const index = await loadOpenVacancies(deps.store, at)
  const zeroCase = await openZeroCaseMembers(deps.store)
  const wechat = await jobChannel(deps)
  const started = Date.now()
  const budget = opts.budgetMs ?? 50_000 // under a 60 s platform limit
  let pages = 0

  for (;;) {
    const page: Page<PersonRecord> = await deps.store.find(persons, {
      orderBy: [],
      limit: PAGE,
      cursor: state.cursor,
    })
    const active = index.size ? page.items.filter(isActiveSeeker) : []
    const { pushed, messaged } = await pushToPage(deps, active, index, zeroCase, {
      day,
      weekStart,
      daily,
      weekly,
      at,
      wechat,
    })
    state = {
      ...state,
      cursor: page.nextCursor,
      scanned: state.scanned + page.items.length,
      seekers: state.seekers + active.length,
      pushed: state.pushed + pushed,
      messaged: state.messaged + messaged,
    }
    await deps.store.update(meta, key, { value: JSON.stringify(state), updatedAt: new Date().toISOString() })
    pages++
    if (!page.nextCursor) break
    if (Date.now() - started > budget || (opts.maxPages !== undefined && pages >= opts.maxPages)) {
      log.info('job-push paused', { day, scanned: state.scanned })
      return { day, ...counts(state), partial: 1 }
    }
  }
  state = { ...state, status: 'done' }
  await deps.store.update(meta, key, { value: JSON.stringify(state), updatedAt: new Date().toISOString() })
  log.info('job-push done', { day, ...counts(state), vacancies: index.size })
  return { day, ...counts(state), vacancies: index.size }
}

const counts = (s: RunState) => ({
  scanned: s.scanned,
  seekers: s.seekers,
  pushed: s.pushed,
  messaged: s.messaged,
})

/** One page of seekers: choose, record and announce their pushes. */
const pushToPage = async (
  deps: Deps,
  seekers: PersonRecord[],
  index: VacancyIndex,
  zeroCase: Set<string>,
  ctx: {
    day: string
    weekStart: string
    daily: number
    weekly: number
    at: Date
    wechat: Awaited<ReturnType<typeof jobChannel>>
  },
): Promise<{ pushed: number; messaged: number }> => {
  if (!seekers.length) return { pushed: 0, messaged: 0 }
  // This week's pushes of these seekers: the caps, and today's list (an interrupted run's too).
  const recent = await readAll((cursor) =>
    deps.store.find(jobPushes, {
      where: [
        { field: 'personId', op: 'in', value: seekers.map((p) => p.id) },
        { field: 'day', op: 'gte', value: ctx.weekStart },
      ],
      orderBy: [],
      limit: PAGE,
      cursor,
    }),
  )
  const recentOf = new Map<string, JobPushRecord[]>()
  for (const r of recent) recentOf.set(r.personId, [...(recentOf.get(r.personId) ?? []), r])

  interface Plan {
    person: PersonRecord
    room: number
    ranked: { entry: Entry; score: number; reasons: string[] }[]
    offset: number
    chosen: JobPushRecord[]
  }
  const plans: Plan[] = []
  for (const person of seekers) {
    const mine = recentOf.get(person.id) ?? []
    const today = mine.filter((r) => r.day === ctx.day).length
    const room = Math.min(ctx.daily - today, ctx.weekly - mine.length)
    if (room <= 0) {
      plans.push({ person, room: 0, ranked: [], offset: 0, chosen: [] })
      continue
    }
    const seeker = prepareSeeker(seekerProfile(person, mayHoldWelfarePost(person, zeroCase.has(person.id))))
    const ranked: Plan['ranked'] = []
    for (const entry of index.candidates(seeker)) {
      const m = matchVacancy(seeker, entry.profile)
      if (m && m.score >= MATCH_THRESHOLD) ranked.push({ entry, score: m.score, reasons: m.reasons })
    }
    ranked.sort((a, b) => b.score - a.score || b.entry.job.publishedAt.localeCompare(a.entry.job.publishedAt))
    plans.push({ person, room, ranked, offset: 0, chosen: [] })
  }

  // Walk down each ranking past what was sent before, a few rounds at most.
  for (let round = 0; round < 4; round++) {
    const looking = plans.filter((p) => p.chosen.length < p.room && p.offset < p.ranked.length)
    if (!looking.length) break
    const window = looking.map((p) => ({
      plan: p,
      slice: p.ranked.slice(p.offset, p.offset + p.room - p.chosen.length + LOOK_AHEAD),
    }))
    const sent = await existingPushes(
      deps.store,
      window.flatMap((w) => w.slice.map((c) => pushId(w.plan.person.id, c.entry.job.id))),
    )
    for (const { plan, slice } of window) {
      for (const c of slice) {
        plan.offset++
        const id = pushId(plan.person.id, c.entry.job.id)
        if (sent.has(id)) continue
        plan.chosen.push({
          id,
          personId: plan.person.id,
          personName: plan.person.name,
          community: plan.person.community,
          jobId: c.entry.job.id,
          jobTitle: c.entry.job.title,
          employer: c.entry.job.employer,
          day: ctx.day,
          at: ctx.at.toISOString(),
          score: c.score,
          reasons: c.reasons,
          responded: false,
        })
        if (plan.chosen.length >= plan.room) break
      }
    }
  }

  const fresh = plans.flatMap((p) => p.chosen)
  const inserted = new Set(await deps.store.insertMany(jobPushes, fresh))

  // A message per seeker for everything pushed to them today — deduplicated, so a page redone
  // after a crash between the two writes still sends it once.
  const jobsById = new Map<string, JobRecord>()
  for (const p of plans) for (const c of p.ranked) jobsById.set(c.entry.job.id, c.entry.job)
  const messages = plans.flatMap((p) => {
    const todays = [
      ...(recentOf.get(p.person.id) ?? []).filter((r) => r.day === ctx.day),
      ...p.chosen.filter((c) => inserted.has(c.id)),
    ]
    if (!todays.length) return []
    const list = todays.map((t) => {
      const j = jobsById.get(t.jobId)
      return {
        jobId: t.jobId,
        jobTitle: t.jobTitle,
        employer: t.employer,
        pay: j ? formatSalary(j.salaryMin, j.salaryMax) : '',
      }
    })
    const message = pushMessage(list, ctx.day)
    return [{ person: p.person, message, record: inboxRecord(`psn:${p.person.id}`, message, ctx.at) }]
  })
  const delivered = new Set(
    await deps.store.insertMany(
      notifications,
      messages.map((m) => m.record),
    ),
  )
  if (ctx.wechat) {
    for (const m of messages) {
      if (!delivered.has(m.record.id) || !m.person.accountId) continue
      if (await spendCredit(deps, m.person.accountId, 'job')) {
        await ctx.wechat.notify(`psn:${m.person.id}`, m.message, ctx.at).catch(() => false)
      }
    }
  }
  return { pushed: inserted.size, messaged: delivered.size }
}

/** Staff: what was pushed to the people of their region, and who responded (我要应聘). */
export const listRegionPushes = async (
  deps: Deps,
  who: Identity,
  query: { day?: string; cursor?: string },
): Promise<Paged<JobPushView>> => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const where: Filter[] = [{ field: 'community', op: 'prefix', value: who.region }]
  if (query.day) where.push({ field: 'day', op: 'eq', value: query.day })
  const page = await deps.store.find(jobPushes, {
    where,
    orderBy: [{ field: 'day', dir: 'desc' }],
    limit: 30,
    cursor: query.cursor,
  })
  return {
    items: page.items.map((p) => ({
      id: p.id,
      day: p.day,
      personId: p.personId,
      name: p.personName,
      communityName: regionLabel(p.community),
      jobId: p.jobId,
      jobTitle: p.jobTitle,
      employer: p.employer,
      score: p.score,
      reasons: p.reasons,
      responded: p.responded,
    })),
    nextCursor: page.nextCursor,
  }
}
