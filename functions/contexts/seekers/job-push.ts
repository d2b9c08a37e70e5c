import { createHash } from 'node:crypto'
import type { Identity } from '../../../shared/auth/identity'
import { isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { formatSalary, type JobCategory, type Paged } from '../../../shared/jobs/job'
import {
  combinePoints,
  MATCH_THRESHOLD,
  matchCodes,
  type PreparedSeeker,
  placeAndPayPoints,
  prepareSeeker,
  reasonText,
  reasonTextForStaff,
  type VacancyProfile,
  workKey,
  workPoints,
} from '../../../shared/jobs/matching'
import type { JobPushView } from '../../../shared/jobs/seeker'
import type { Logger } from '../../platform/logger'
import type { Deps } from '../../runtime/deps'
import type { Trigger } from '../../runtime/scheduled'
import {
  type JobRecord,
  jobInterests,
  jobs,
  meta,
  type NotificationRecord,
  notifications,
  type PersonRecord,
  persons,
  placementCases,
} from '../../store/collections'
import { DuplicateKeyError, type Filter, MAX_PAGE, type Page, type Store } from '../../store/port'
import { findAll, findFields } from '../../store/scan'
import { inboxRecord, type Message } from '../inbox/notifier'
import { spendCredit } from '../inbox/subscriptions'
import { jobChannel } from '../inbox/wechat-subscription'
import { interestId } from '../jobs/interests'
import { regionLabel } from '../regions/region-directory'
import { isActiveSeeker, mayHoldWelfarePost, seekerProfile, vacancyProfile } from './seeker-profile'

/**
 * 送岗位: once a day (10:00 Asia/Shanghai) every active seeker — the unemployed, returnees who
 * want work here, anyone who asked — gets the best new matches among open vacancies: at most
 * `daily` a day and `weekly` in any seven days, never a vacancy they were sent before, through
 * the inbox (and a WeChat subscription message when they hold a credit). Nobody who switched
 * pushes off gets any.
 *
 * The push is the message: one inbox row per seeker and day carries what was sent and why, so
 * the day costs one write per seeker, and nothing can be recorded as pushed without being sent.
 *
 * Like followup-monthly it is idempotent, chunked and resumable: the day's message has an id
 * fixed by (seeker, day), the registry is read a page at a time and the cursor saved after each
 * page — so a run stopped by its time budget or killed resumes where it was, and a page redone
 * after a crash adds nothing.
 */
const PAGE = MAX_PAGE

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
  /** Its place in the index: where its work points sit in a memo. */
  n: number
  /** Publication time in ms: among equal scores the newer post goes first. */
  published: number
}

interface Ranked {
  entry: Entry
  score: number
  /** The reasons, in codes: worked out when first sent (the same for everyone of the ranking). */
  why?: string
}

/** A ranking's best posts, and whether they are all the posts there are for it. */
interface Ranking {
  items: Ranked[]
  depth: number
  complete: boolean
}

/** At most this many rankings remembered: 50,000 × 20 references is about 8 MB. */
const RANKING_KEYS = 50_000
const NOTHING_SENT: ReadonlySet<string> = new Set()

/**
 * Everything a post's score for a seeker reads (matching.ts: the words, home, wished places,
 * pay and welfare eligibility): seekers with the same key rank every post the same way.
 */
const choiceKey = (s: PreparedSeeker) =>
  `${workKey(s)}#${s.community}#${s.places.join('|')}#${s.expectedPay ?? ''}`

/**
 * A seeker's best `room` posts not sent to them before, in order of score, then recency: the
 * first unsent posts of their ranking, or — when they were sent more than it holds — a scan of
 * every candidate.
 */
export const chooseFor = (
  index: VacancyIndex,
  seeker: PreparedSeeker,
  sent: ReadonlySet<string>,
  room: number,
  { depth, enough }: { depth: number; enough: number },
): Ranked[] => {
  const ranking = index.rankingFor(seeker, Math.max(depth, room), enough)
  const picked: Ranked[] = []
  for (const r of ranking.items) {
    if (sent.has(r.entry.job.id)) continue
    picked.push(r)
    if (picked.length === room) return picked
  }
  return ranking.complete ? picked : bestMatches(index, seeker, sent, room, enough)
}

/** At most this many distinct word sets remembered: 1,000 × 10,000 posts is 10 MB. */
const WORK_MEMO_KEYS = 1000
const UNSCORED = -128

/** Score first, then recency, as one number: the choosing loop compares candidates thousands of times. */
const RANK_SCALE = 1e13 // > any ms timestamp this century; 100 × 1e13 stays an exact double
const rankOf = (score: number, entry: Entry) => score * RANK_SCALE + entry.published

/**
 * Open vacancies by trade and place, so a seeker is scored against the few dozen posts that can
 * fit them (their trades, near home first) rather than all ten thousand.
 */
export class VacancyIndex {
  private readonly byTradeTown = new Map<string, Entry[]>()
  private readonly byTrade = new Map<JobCategory, Entry[]>()
  private readonly byCommunity = new Map<string, Entry[]>()
  private readonly byId = new Map<string, JobRecord>()
  size = 0
  /** The earliest publication among them: no push before that day can hold one of them. */
  earliest = '9999'

  add(job: JobRecord) {
    const entry = { job, profile: vacancyProfile(job), published: Date.parse(job.publishedAt), n: this.size }
    const push = <K>(m: Map<K, Entry[]>, k: K) => {
      const list = m.get(k)
      if (list) list.push(entry)
      else m.set(k, [entry])
    }
    push(this.byTradeTown, `${job.category}|${job.region.slice(0, 9)}`)
    push(this.byTrade, job.category)
    if (job.region.length === 12) push(this.byCommunity, job.region)
    if (job.publishedAt < this.earliest) this.earliest = job.publishedAt
    this.byId.set(job.id, job)
    this.size++
    this.workMemos.clear() // sized to the posts there were
    this.rankings.clear()
  }

  private readonly rankings = new Map<string, Ranking>()

  /**
   * The best posts, best first, for everyone who would rank them alike (see choiceKey): in a
   * registry, neighbours who wrote the same wishes, places and pay are common, and each of them
   * is then chosen for by skipping what they were sent rather than by scoring again. Bounded:
   * past the cap, seekers are ranked afresh.
   */
  rankingFor(s: PreparedSeeker, depth: number, enough: number): Ranking {
    const key = choiceKey(s)
    const known = this.rankings.get(key)
    if (known && known.depth >= depth) return known
    const items: Ranked[] = bestMatches(this, s, NOTHING_SENT, depth, enough)
    const ranking = { items, depth, complete: items.length < depth }
    if (this.rankings.size < RANKING_KEYS) this.rankings.set(key, ranking)
    return ranking
  }

  get(id: string): JobRecord | undefined {
    return this.byId.get(id)
  }

  private readonly workMemos = new Map<string, Int8Array>()

  /**
   * The work points of every post for one set of words (see workKey), filled in as posts are
   * scored: a registry's seekers write the same few hundred wishes and skills, so most of a
   * day's scoring is remembered rather than redone. Bounded: past the cap, words score afresh.
   */
  workMemo(key: string): Int8Array | null {
    const known = this.workMemos.get(key)
    if (known) return known
    if (this.workMemos.size >= WORK_MEMO_KEYS) return null
    const memo = new Int8Array(this.size).fill(UNSCORED)
    this.workMemos.set(key, memo)
    return memo
  }

  /**
   * Where a seeker's matches can be: posts of their trades in their own town, or — when their
   * town has few — across the county (wished places and pay then rank them). Someone who named
   * no trade and no skill is matched on nearness alone: the posts of their own community.
   */
  candidates(s: PreparedSeeker, enough: number): Entry[] {
    const trades = new Set([...s.wishedCategories, ...s.skillCategories])
    if (!trades.size) return this.byCommunity.get(s.community) ?? []
    const near: Entry[] = []
    for (const t of trades) near.push(...(this.byTradeTown.get(`${t}|${s.town}`) ?? []))
    if (near.length >= enough) return near
    const wide: Entry[] = []
    for (const t of trades) wide.push(...(this.byTrade.get(t) ?? []))
    return wide
  }
}

export const loadOpenVacancies = async (store: Store, at: Date): Promise<VacancyIndex> => {
  const index = new VacancyIndex()
  const where: Filter[] = [
    { field: 'status', op: 'eq', value: 'published' },
    { field: 'validUntil', op: 'gt', value: at.toISOString() },
  ]
  for (const j of await findAll(store, jobs, { where, orderBy: [] }, Number.POSITIVE_INFINITY)) index.add(j)
  return index
}

/** Members of zero-employment households whose case is open: first in line for welfare posts. */
const openZeroCaseMembers = async (store: Store): Promise<Set<string>> => {
  const where: Filter[] = [
    { field: 'status', op: 'eq', value: 'open' },
    { field: 'kind', op: 'eq', value: 'zero_employment' },
  ]
  const cases = await findAll(store, placementCases, { where, orderBy: [] }, Number.POSITIVE_INFINITY)
  return new Set(cases.flatMap((c) => c.personIds))
}

/**
 * The day's row for one seeker, fixed by (day, seeker) so a page redone adds nothing. Readable
 * rather than hashed: a run goes through the registry in id order, so the day's rows are added
 * at the end of the primary key in order instead of at a hundred thousand random places (the
 * day's insert was most of the run). A person id outside the message id alphabet is hashed.
 */
export const pushIdOf = (day: string, personId: string): string => {
  const own = personId.slice(4)
  return /^[a-z0-9_]{1,30}$/.test(own)
    ? `msg_p${day.replaceAll('-', '')}_${own}`
    : `msg_p${day.replaceAll('-', '')}_h${createHash('sha256').update(personId).digest('hex').slice(0, 24)}`
}

/** The day's message: short (it is one row per seeker per day), the jobs themselves one tap away. */
const pushMessage = (
  list: { jobId: string; title: string; employer: string; pay: string; why: string }[],
  day: string,
): Message => {
  const first = list[0]!
  // Why the first one was picked, in the seeker's words ("意向岗位相符；在您所在镇（街道）").
  const why = first.why ? `。推荐理由：${first.why.split(',').map(reasonText).join('；')}` : ''
  return {
    title: `为你推荐 ${list.length} 个岗位`,
    body:
      list.length === 1
        ? `${first.title}（${first.employer}，${first.pay}）${why}`
        : `${first.title}（${first.employer}，${first.pay}）等 ${list.length} 个岗位与您的意向相符${why}`,
    link: {
      kind: list.length === 1 ? 'job' : 'jobs',
      id: first.jobId,
      jobIds: list.map((p) => p.jobId),
      // Each job as the seeker tells them apart: what, who, how much.
      jobTitles: list.map((p) => `${p.title} · ${p.employer} · ${p.pay}`),
    },
    dedupeKey: `job-push:${day}`,
  }
}

export interface JobPushOptions {
  budgetMs?: number
  maxPages?: number
  daily?: number
  weekly?: number
}

interface PageContext {
  day: string
  weekStart: string
  /** Earliest instant a relevant earlier push can have: a day before the week or the oldest open post. */
  since: string
  daily: number
  weekly: number
  at: Date
  wechat: Awaited<ReturnType<typeof jobChannel>>
  /**
   * How seekers are chosen for: rankings deep enough for a week's pushes and a few (a seeker sent
   * more is scanned afresh), and a town counting as having enough posts of a seeker's trades
   * when it has three days' worth and ten — the same for every seeker of the run.
   */
  choice: { depth: number; enough: number }
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
  const index = await loadOpenVacancies(deps.store, at)
  const weekStart = shanghaiDate(new Date(at.getTime() - 6 * 86_400_000))
  const daily = opts.daily ?? deps.env.JOB_PUSH_DAILY
  const weekly = opts.weekly ?? deps.env.JOB_PUSH_WEEKLY
  const ctx: PageContext = {
    day,
    weekStart,
    // Push days are Shanghai days, `at` is UTC: a day's margin keeps the edge in.
    since: new Date(
      Date.parse(`${[index.earliest.slice(0, 10), weekStart].sort()[0]}T00:00:00Z`) - 86_400_000,
    ).toISOString(),
    daily,
    weekly,
    at,
    wechat: await jobChannel(deps),
    choice: { depth: daily + weekly + 2, enough: 3 * daily + 10 },
  }
  const zeroCase = await openZeroCaseMembers(deps.store)
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
    const { pushed, messaged } = await pushToPage(deps, active, index, zeroCase, ctx)
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

/** One page of seekers: choose and send their pushes. */
const pushToPage = async (
  deps: Deps,
  seekers: PersonRecord[],
  index: VacancyIndex,
  zeroCase: Set<string>,
  ctx: PageContext,
): Promise<{ pushed: number; messaged: number }> => {
  if (!seekers.length) return { pushed: 0, messaged: 0 }
  // Their pushes since the oldest open vacancy appeared: what they were sent (never again), the
  // week's count (the caps), and today's if an interrupted run sent it already.
  // Only what the caps and "never twice" need of each: the day and the jobs, not the text.
  const earlier = (
    await findFields(
      deps.store,
      notifications,
      {
        where: [
          { field: 'recipient', op: 'in', value: seekers.map((p) => `psn:${p.id}`) },
          { field: 'at', op: 'gte', value: ctx.since },
        ],
        // In the order of the (recipient, at) index: a LIMIT over id order would walk the table.
        orderBy: [
          { field: 'recipient', dir: 'asc' },
          { field: 'at', dir: 'asc' },
        ],
      },
      ['recipient', 'pushDay', 'pushJobs'],
      Number.POSITIVE_INFINITY,
    )
  ).filter((r) => r.pushDay)
  // What they applied to already (from the board or a recommendation) is not news either.
  const applied = await findAll(
    deps.store,
    jobInterests,
    { where: [{ field: 'personId', op: 'in', value: seekers.map((p) => p.id) }], orderBy: [] },
    Number.POSITIVE_INFINITY,
  )
  const appliedOf = new Map<string, string[]>()
  for (const i of applied) appliedOf.set(i.personId, [...(appliedOf.get(i.personId) ?? []), i.jobId])
  const earlierOf = new Map<string, typeof earlier>()
  for (const r of earlier) {
    const personId = r.recipient.slice(4)
    const list = earlierOf.get(personId)
    if (list) list.push(r)
    else earlierOf.set(personId, [r])
  }

  const fresh: { person: PersonRecord; row: NotificationRecord; message: Message }[] = []
  for (const person of seekers) {
    const mine = earlierOf.get(person.id) ?? []
    if (mine.some((r) => r.pushDay === ctx.day)) continue // sent by an earlier, interrupted run
    const week = mine
      .filter((r) => r.pushDay! >= ctx.weekStart)
      .reduce((n, r) => n + (r.pushJobs?.length ?? 0), 0)
    const room = Math.min(ctx.daily, ctx.weekly - week)
    if (room <= 0) continue
    const sent = new Set([
      ...mine.flatMap((r) => (r.pushJobs ?? []).map((j) => j.jobId)),
      ...(appliedOf.get(person.id) ?? []),
    ])
    const seeker = prepareSeeker(seekerProfile(person, mayHoldWelfarePost(person, zeroCase.has(person.id))))
    const best = chooseFor(index, seeker, sent, room, ctx.choice)
    if (!best.length) continue
    // Explained only now, for the few that are sent.
    const explained = best.map((r) => {
      r.why ??= matchCodes(seeker, r.entry.profile)?.codes.join(',') ?? ''
      return { entry: r.entry, score: r.score, why: r.why }
    })
    const message = pushMessage(
      explained.map(({ entry: { job }, why }) => ({
        jobId: job.id,
        title: job.title,
        employer: job.employer,
        pay: formatSalary(job.salaryMin, job.salaryMax),
        why,
      })),
      ctx.day,
    )
    // Stored lean (the day's rows are most of what the run writes): the job list lives once, in
    // pushJobs, and the inbox puts the titles back when it is opened (see inbox.ts).
    const row: NotificationRecord = {
      ...inboxRecord(`psn:${person.id}`, message, ctx.at),
      id: pushIdOf(ctx.day, person.id),
      link: { kind: message.link!.kind, id: message.link!.id },
      pushDay: ctx.day,
      pushCommunity: person.community,
      pushJobs: explained.map(({ entry, score, why }) => ({ jobId: entry.job.id, score, why })),
    }
    fresh.push({ person, row, message })
  }
  const delivered = new Set(
    await deps.store.insertMany(
      notifications,
      fresh.map((f) => f.row),
    ),
  )
  if (ctx.wechat) {
    for (const f of fresh) {
      if (!delivered.has(f.row.id) || !f.person.accountId) continue
      if (await spendCredit(deps, f.person.accountId, 'job')) {
        await ctx.wechat.notify(`psn:${f.person.id}`, f.message, ctx.at).catch(() => false)
      }
    }
  }
  return {
    pushed: fresh.filter((f) => delivered.has(f.row.id)).reduce((n, f) => n + f.row.pushJobs!.length, 0),
    messaged: delivered.size,
  }
}

/** The best `room` unsent posts for one seeker, kept in a short sorted list as the candidates stream by. */
export const bestMatches = (
  index: VacancyIndex,
  seeker: PreparedSeeker,
  sent: ReadonlySet<string>,
  room: number,
  enough = 3 * room + 10,
): { entry: Entry; score: number }[] => {
  const best: { entry: Entry; score: number; rank: number }[] = []
  const memo = index.workMemo(workKey(seeker))
  for (const entry of index.candidates(seeker, enough)) {
    let work = memo ? memo[entry.n]! : UNSCORED
    if (work === UNSCORED) {
      work = workPoints(seeker, entry.profile, null)
      if (memo) memo[entry.n] = work
    }
    if (work < 0) continue
    const score = combinePoints(work, placeAndPayPoints(seeker, entry.profile, null))
    if (score < MATCH_THRESHOLD) continue
    const rank = rankOf(score, entry)
    if (best.length === room && rank <= best[room - 1]!.rank) continue
    if (sent.has(entry.job.id)) continue
    let i = best.length
    while (i > 0 && rank > best[i - 1]!.rank) i--
    best.splice(i, 0, { entry, score, rank })
    if (best.length > room) best.pop()
  }
  return best
}

/** Staff: what was pushed to the people of their region, and who responded (我要应聘). */
export const listRegionPushes = async (
  deps: Deps,
  who: Identity,
  query: { day?: string; cursor?: string },
): Promise<Paged<JobPushView>> => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const where: Filter[] = [{ field: 'pushCommunity', op: 'prefix', value: who.region }]
  if (query.day) where.push({ field: 'pushDay', op: 'eq', value: query.day })
  const page = await deps.store.find(notifications, {
    where,
    orderBy: [
      { field: 'pushCommunity', dir: 'asc' },
      { field: 'pushDay', dir: 'desc' },
    ],
    limit: 30,
    cursor: query.cursor,
  })
  const pushes = page.items.map((m) => ({
    id: m.id,
    personId: m.recipient.slice(4),
    day: m.pushDay!,
    community: m.pushCommunity!,
    jobs: m.pushJobs ?? [],
  }))
  const pairs = pushes.flatMap((p) => p.jobs.map((j) => interestId(j.jobId, p.personId)))
  const answered = pairs.length
    ? await findAll(deps.store, jobInterests, {
        where: [{ field: 'id', op: 'in', value: pairs }],
        orderBy: [],
      })
    : []
  const responded = new Set(answered.map((i) => i.id))
  const jobIds = [...new Set(pushes.flatMap((p) => p.jobs.map((j) => j.jobId)))]
  const people = await findAll(deps.store, persons, {
    where: [{ field: 'id', op: 'in', value: [...new Set(pushes.map((p) => p.personId))] }],
    orderBy: [],
  })
  const nameOf = new Map(people.map((p) => [p.id, p.name]))
  const posts = jobIds.length
    ? await findAll(deps.store, jobs, { where: [{ field: 'id', op: 'in', value: jobIds }], orderBy: [] })
    : []
  const postOf = new Map(posts.map((j) => [j.id, j]))
  return {
    items: pushes.map((p) => ({
      id: p.id,
      day: p.day,
      personId: p.personId,
      name: nameOf.get(p.personId) ?? '',
      communityName: regionLabel(p.community),
      jobs: p.jobs.map((j) => ({
        jobId: j.jobId,
        title: postOf.get(j.jobId)?.title ?? '（岗位已删除）',
        employer: postOf.get(j.jobId)?.employer ?? '',
        status: postOf.get(j.jobId)?.status ?? 'expired',
        score: j.score,
        reasons: j.why ? j.why.split(',').map(reasonTextForStaff) : [],
        responded: responded.has(interestId(j.jobId, p.personId)),
      })),
    })),
    nextCursor: page.nextCursor,
  }
}
