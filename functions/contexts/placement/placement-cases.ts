import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { newId } from '../../platform/ids'
import type { Logger } from '../../platform/logger'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import {
  type AccountRecord,
  accounts,
  followupTasks,
  meta,
  type PersonRecord,
  type PlacementCaseRecord,
  persons,
  placementCases,
} from '../../store/collections'
import { DuplicateKeyError, type Page, type Store } from '../../store/port'
import { findAll, scanPages } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { inboxNotifier } from '../inbox/notifier'
import { isZeroEmployment } from '../people/household-rule'
import { staffCanSee } from '../people/person-access'
import { countySettingsCache, countySettingsFor } from '../regions/county-settings'
import { regionLabel } from '../regions/region-directory'

const HOUR = 3600_000
/** Jilin 2010 / Xinjiang 2010: zero-employment households placed within 24 hours; 72 hours at most for the especially difficult. */
export const DEADLINE_HOURS = { zero_employment: 24, immediate_72h: 72 } as const
const lockKey = (kind: PlacementCaseRecord['kind'], subject: string) => `open-case:${kind}:${subject}`

const notifyStaff = async (
  deps: Deps,
  role: 'coordinator' | 'street' | 'county',
  region: string,
  title: string,
  body: string,
  at: Date,
) => {
  const notifier = inboxNotifier(deps.store)
  const page: Page<AccountRecord> = await deps.store.find(accounts, {
    where: [
      { field: 'role', op: 'eq', value: role },
      { field: 'region', op: 'eq', value: region },
    ],
    orderBy: [],
    limit: 50,
  })
  for (const a of page.items) await notifier.notify(a.id, { title, body }, at)
}

/** Open a case unless one is open for the same household or person: one open case per subject. */
export const openCase = async (
  deps: Deps,
  kind: PlacementCaseRecord['kind'],
  members: PersonRecord[],
  at: Date,
): Promise<PlacementCaseRecord | null> => {
  const first = members[0]!
  const subject = kind === 'zero_employment' ? first.householdId! : first.id
  const id = newId('pc', at)
  try {
    await deps.store.insert(meta, { id: lockKey(kind, subject), value: id, updatedAt: at.toISOString() })
  } catch (err) {
    if (err instanceof DuplicateKeyError) return null // already open
    throw err
  }
  const record: PlacementCaseRecord = {
    id,
    kind,
    status: 'open',
    householdId: kind === 'zero_employment' ? subject : null,
    personIds: members.map((m) => m.id),
    community: first.community,
    openedAt: at.toISOString(),
    deadline: new Date(at.getTime() + DEADLINE_HOURS[kind] * HOUR).toISOString(),
    level: 'community',
    history: [{ at: at.toISOString(), action: 'opened', level: 'community' }],
    placement: null,
  }
  await deps.store.insert(placementCases, record)
  // Their follow-ups go to the top of the coordinator's list.
  for (const m of members) {
    const open = await deps.store.find(followupTasks, {
      where: [
        { field: 'personId', op: 'eq', value: m.id },
        { field: 'status', op: 'eq', value: 'open' },
      ],
      orderBy: [],
      limit: 12,
    })
    for (const t of open.items) await deps.store.update(followupTasks, t.id, { priority: 2 })
  }
  const what =
    kind === 'zero_employment'
      ? '零就业家庭，须 24 小时内托底安置'
      : '特别困难人员，72 小时内不挑不拣即时就业'
  await notifyStaff(
    deps,
    'coordinator',
    first.community,
    `紧急：${regionLabel(first.community)}${what}`,
    kind === 'zero_employment'
      ? `涉及 ${members.length} 人，请在期限内登记安置结果。家庭成员为就业援助对象，可按“零就业家庭”类别办理就业困难人员认定、发放《就业援助卡》，并制定一人一策援助协议。`
      : `涉及 ${members.length} 人，请在期限内登记安置结果。`,
    at,
  )
  return record
}

/** Check one household now (after an employment, household or registry change). */
export const watchHousehold = async (deps: Deps, householdId: string, at: Date) => {
  const members = (
    await deps.store.find(persons, {
      where: [{ field: 'householdId', op: 'eq', value: householdId }],
      orderBy: [],
      limit: 30,
    })
  ).items
  if (!members.length) return null
  const { workingAge } = await countySettingsFor(deps.store, members[0]!.community)
  if (isZeroEmployment(members, shanghaiDate(at), workingAge))
    return openCase(deps, 'zero_employment', members, at)
  return null
}

/** Tests make the sweep pause early: a small page, a page count or a spent budget. */
export interface SweepOptions {
  budgetMs?: number
  maxPages?: number
  pageSize?: number
}

/** Where an unfinished household sweep resumes: the last household it checked. */
const SWEEP_KEY = 'zero-employment-watch:sweep'

/**
 * Hourly: escalate missed deadlines first (bounded by the open cases, and what must not wait
 * behind a county-wide scan), then sweep the households for new zero-employment ones, then at
 * month end report households not cleared ("按月动态清零") to the county.
 *
 * The sweep is budgeted and resumable: it reads households in id order, and when its time budget
 * (under the 60 s platform limit) or `maxPages` is spent it saves the last household it finished;
 * the next run goes on from there, and a sweep that reaches the end starts over next time.
 */
export const watchZeroEmployment = async (
  deps: Deps,
  at: Date,
  log: Logger,
  opts: SweepOptions = {},
): Promise<Record<string, number>> => {
  const escalated = await escalateMissedDeadlines(deps, at)
  const sweep = await sweepHouseholds(deps, at, opts)
  const monthEnd = await monthEndReport(deps, at)
  log.info('zero-employment watch', { escalated, ...sweep, monthEnd })
  return { escalated, ...sweep, notCleared: monthEnd }
}

/** Escalate missed deadlines, one level at a time, each with a fresh 24 hours. */
const escalateMissedDeadlines = async (deps: Deps, at: Date): Promise<number> => {
  const now = at.toISOString()
  let escalated = 0
  for await (const page of scanPages(deps.store, placementCases, {
    where: [
      { field: 'status', op: 'eq', value: 'open' },
      { field: 'deadline', op: 'lte', value: now },
    ],
    orderBy: [{ field: 'deadline', dir: 'asc' }],
    limit: 100,
  })) {
    for (const c of page.items) {
      if (c.level === 'county') continue
      const level = c.level === 'community' ? 'street' : 'county'
      const moved = await deps.store.update(
        placementCases,
        c.id,
        {
          level,
          deadline: new Date(at.getTime() + 24 * HOUR).toISOString(),
          history: [...c.history, { at: now, action: 'escalated', level }],
        },
        { expect: { level: c.level, status: 'open' } },
      )
      if (!moved) continue
      escalated++
      const region = level === 'street' ? c.community.slice(0, 9) : c.community.slice(0, 6)
      await notifyStaff(
        deps,
        level,
        region,
        `逾期升级：${regionLabel(c.community)}安置个案未在期限内完成`,
        '请督促社区落实安置，并登记安置结果。',
        at,
      )
    }
  }
  return escalated
}

/** Persons by household, grouped across pages; each finished household moves the checkpoint. */
const sweepHouseholds = async (
  deps: Deps,
  at: Date,
  opts: SweepOptions,
): Promise<{ opened: number; households: number; sweepDone: number }> => {
  const started = Date.now()
  const budget = opts.budgetMs ?? 45_000 // the escalations ran first; under a 60 s platform limit
  const saved = await deps.store.get(meta, SWEEP_KEY)
  let done = saved?.value ?? '' // the last household finished; '' sorts before every id
  const settings = countySettingsCache(deps.store)
  const today = shanghaiDate(at)
  let opened = 0
  let households = 0
  let group: PersonRecord[] = []
  const flush = async () => {
    if (!group.length) return
    if (
      isZeroEmployment(group, today, (await settings(group[0]!.community)).workingAge) &&
      (await openCase(deps, 'zero_employment', group, at))
    )
      opened++
    households++
    done = group[0]!.householdId!
    group = []
  }
  const remember = async (value: string | null) => {
    if (value === null) return void (await deps.store.delete(meta, SWEEP_KEY))
    const doc = { id: SWEEP_KEY, value, updatedAt: at.toISOString() }
    if (await deps.store.update(meta, SWEEP_KEY, doc)) return
    await deps.store.insert(meta, doc).catch((err) => {
      if (!(err instanceof DuplicateKeyError)) throw err // another run saved its place first
    })
  }
  let pages = 0
  for await (const page of scanPages(deps.store, persons, {
    where: [{ field: 'householdId', op: 'gt', value: done }],
    orderBy: [{ field: 'householdId', dir: 'asc' }],
    limit: opts.pageSize ?? 100,
  })) {
    for (const p of page.items) {
      if (group.length && group[0]!.householdId !== p.householdId) await flush()
      group.push(p)
    }
    pages++
    if (!page.nextCursor) break
    if (Date.now() - started > budget || (opts.maxPages !== undefined && pages >= opts.maxPages)) {
      // The household still being read is read whole next time.
      await remember(done)
      return { opened, households, sweepDone: 0 }
    }
  }
  await flush()
  await remember(null)
  return { opened, households, sweepDone: 1 }
}

/** On a month's last day: the county hears of every zero-employment household not yet cleared. */
const monthEndReport = async (deps: Deps, at: Date): Promise<number> => {
  const today = shanghaiDate(at)
  const tomorrow = shanghaiDate(new Date(at.getTime() + 24 * HOUR))
  if (today.slice(0, 7) === tomorrow.slice(0, 7)) return 0
  const open = await deps.store.count(placementCases, [
    { field: 'status', op: 'eq', value: 'open' },
    { field: 'kind', op: 'eq', value: 'zero_employment' },
  ])
  try {
    await deps.store.insert(meta, {
      id: `zero-month-end:${today.slice(0, 7)}`,
      value: String(open),
      updatedAt: at.toISOString(),
    })
  } catch (err) {
    if (err instanceof DuplicateKeyError) return open
    throw err
  }
  if (open > 0) {
    const counties = await deps.store.find(accounts, {
      where: [{ field: 'role', op: 'eq', value: 'county' }],
      orderBy: [],
      limit: 50,
    })
    for (const c of counties.items) {
      await inboxNotifier(deps.store).notify(
        c.id,
        {
          title: `${today.slice(0, 7)} 月末：${open} 户零就业家庭尚未清零`,
          body: '请督促相关镇街限期安置。',
        },
        at,
      )
    }
  }
  return open
}

const inScope = (who: Identity, c: PlacementCaseRecord) =>
  isStaffRole(who.role) && !!who.region && isWithinRegion(c.community, who.region)

/** Open (or placed) cases of the caller's region by deadline, a page at a time. */
export const listCases = async (
  deps: Deps,
  who: Identity,
  q: { status?: 'open' | 'placed'; cursor?: string; limit?: number } = {},
) => {
  const status = q.status ?? 'open'
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const page = await deps.store.find(placementCases, {
    where: [
      { field: 'status', op: 'eq', value: status },
      { field: 'community', op: 'prefix', value: who.region },
    ],
    orderBy: [{ field: 'deadline', dir: 'asc' }],
    limit: q.limit ?? 20,
    cursor: q.cursor,
  })
  const now = deps.clock.now().toISOString()
  const items = []
  for (const c of page.items) {
    const people = await Promise.all(c.personIds.map((id) => deps.store.get(persons, id)))
    items.push({
      ...c,
      communityName: regionLabel(c.community),
      overdue: c.status === 'open' && c.deadline <= now,
      members: people
        .filter((p): p is PersonRecord => p !== null)
        .map((p) => ({ personId: p.id, name: p.name, employmentStatus: p.employmentStatus })),
    })
  }
  return { items, nextCursor: page.nextCursor }
}

/** The 72-hour commitment, made by staff for an especially difficult person in their region. */
export const commitImmediateEmployment = async (deps: Deps, who: Identity, personId: string) => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const at = deps.clock.now()
  const opened = await openCase(deps, 'immediate_72h', [person], at)
  if (!opened) throw new AppError('CASE.ALREADY_OPEN')
  await recordAudit(deps.store, at, who, { action: 'case.commit-72h', subject: opened.id, result: 'ok' })
  return opened
}

export interface PlacementInput {
  personId: string
  employer: string
  post: string
  startedOn: string
  note?: string
  publicWelfare?: boolean
  /** The public-welfare post and the end of its term, when placed on one. */
  welfare?: { postId: string; until: string }
}

/**
 * A person left the labour market (退出跟踪): their open 72-hour case ends there, unplaced — it
 * would otherwise climb to the street and the county for someone no longer to be placed. The
 * case lock goes with it, so a return opens a new one. (A household's case follows the household:
 * the next watch decides on its members.)
 */
export const closeCasesOnExit = async (deps: Deps, person: PersonRecord, note: string, now: string) => {
  const open = await findAll(deps.store, placementCases, {
    where: [
      { field: 'status', op: 'eq', value: 'open' },
      { field: 'community', op: 'eq', value: person.community },
    ],
    orderBy: [{ field: 'deadline', dir: 'asc' }],
  })
  for (const c of open.filter((x) => x.kind === 'immediate_72h' && x.personIds.includes(person.id))) {
    await deps.store.transaction(async (tx) => {
      const done = await tx.update(
        placementCases,
        c.id,
        { status: 'closed', history: [...c.history, { at: now, action: 'closed', level: c.level, note }] },
        { expect: { status: 'open' } },
      )
      if (done) await tx.delete(meta, lockKey(c.kind, person.id))
    })
  }
}

/**
 * Close an open case with the placement, inside the caller's transaction: the case, the placed
 * person's employment, and the case lock move together. Returns null when the case was closed
 * meanwhile (someone else placed first).
 */
export const placeInCase = async (
  tx: Store,
  c: PlacementCaseRecord,
  input: PlacementInput,
  actor: string,
  now: string,
): Promise<PlacementCaseRecord | null> => {
  // Read again here: the case may have been escalated since the caller looked it up.
  const fresh = await tx.get(placementCases, c.id)
  if (fresh?.status !== 'open') return null
  c = fresh
  const done = await tx.update(
    placementCases,
    c.id,
    {
      status: 'placed',
      placement: {
        personId: input.personId,
        employer: input.employer,
        post: input.post,
        startedOn: input.startedOn,
        note: input.note ?? null,
        at: now,
        actor,
      },
      history: [
        ...c.history,
        { at: now, action: 'placed', level: c.level, note: `${input.employer} ${input.post}` },
      ],
    },
    { expect: { status: 'open' } },
  )
  if (!done) return null
  const person = await tx.get(persons, input.personId)
  await tx.update(persons, input.personId, {
    employmentStatus: 'stable',
    employmentSince: input.startedOn,
    reportedEmployment: null,
    // Placed on a public-welfare post: the fact the post subsidy's rule asks about.
    ...(input.publicWelfare
      ? {
          publicWelfarePost: {
            post: input.post,
            employer: input.employer,
            since: input.startedOn,
            ...(input.welfare ? { postId: input.welfare.postId, until: input.welfare.until } : {}),
          },
        }
      : {}),
    rev: (person?.rev ?? 0) + 1,
    updatedAt: now,
  })
  await tx.delete(meta, lockKey(c.kind, c.kind === 'zero_employment' ? c.householdId! : c.personIds[0]!))
  return done
}

/** The open case a person is in, if any (a household's or their own 72-hour one). */
export const openCaseOf = async (store: Store, person: PersonRecord): Promise<PlacementCaseRecord | null> => {
  const page = await store.find(placementCases, {
    where: [
      { field: 'community', op: 'eq', value: person.community },
      { field: 'status', op: 'eq', value: 'open' },
    ],
    orderBy: [{ field: 'deadline', dir: 'asc' }],
    limit: 100,
  })
  return page.items.find((c) => c.personIds.includes(person.id)) ?? null
}

/** Only a recorded placement closes a case; the placed person is employed from that day. */
export const recordPlacement = async (deps: Deps, who: Identity, id: string, input: PlacementInput) => {
  const c = await deps.store.get(placementCases, id)
  if (!c || !inScope(who, c)) throw new AppError('CASE.NOT_FOUND')
  if (c.status !== 'open') throw new AppError('CASE.CLOSED')
  if (!c.personIds.includes(input.personId)) {
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'personId', message: '安置人员应为本个案成员' }],
    })
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  // A placement is work begun: a job that starts later leaves the case open until it does.
  if (input.startedOn > shanghaiDate(at))
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'startedOn', message: '上岗日期不能晚于今天：上岗后再登记安置' }],
    })
  // …and one begun before the case opened was not this case's placement: the household had work.
  if (input.startedOn < shanghaiDate(new Date(c.openedAt)))
    throw new AppError('REQUEST.INVALID', {
      issues: [
        { field: 'startedOn', message: '上岗日期不能早于个案开立日期；开立前已就业的，请更正就业状态' },
      ],
    })
  const placed = await deps.store.transaction(async (tx) => {
    const done = await placeInCase(tx, c, input, actorLabel(who), now)
    if (!done) throw new AppError('CASE.CLOSED')
    return done
  })
  await recordAudit(deps.store, at, who, { action: 'case.placed', subject: id, result: 'ok' })
  return placed
}
