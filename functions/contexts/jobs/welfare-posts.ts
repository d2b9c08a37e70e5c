import dayjs from 'dayjs'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import {
  WELFARE_PRIORITIES,
  type WelfareAllocationInput,
  type WelfareAllocationView,
  type WelfareCandidate,
  type WelfarePostInput,
  type WelfarePostView,
  type WelfarePriority,
} from '../../../shared/jobs/welfare'
import { newId } from '../../platform/ids'
import { inShanghai, shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import {
  meta,
  type PersonRecord,
  type PlacementCaseRecord,
  persons,
  placementCases,
  type WelfareAllocationRecord,
  type WelfarePostRecord,
  welfareAllocations,
  welfarePosts,
} from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'
import { findAll } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { staffCanSee } from '../people/person-access'
import { openCaseOf, placeInCase } from '../placement/placement-cases'
import { findRegion, regionLabel } from '../regions/region-directory'

/**
 * Public-welfare posts (公益性岗位). The county defines them; street and county staff allocate
 * them in the statutory order. Two guards keep the count honest under concurrent allocations:
 * `filled` only moves by a guarded increment (never past `count`), and a per-person lock makes
 * one person hold at most one post — both inside the transaction that writes the allocation and
 * the placement, so a refusal leaves nothing behind.
 */

/** How many unemployed people of a town the candidate list reads at most. */
const CANDIDATE_SCAN_ROWS = 2000
const CANDIDATES_SHOWN = 50

const welfareLock = (personId: string) => `welfare:${personId}`
const isDifficulty = (p: PersonRecord) => p.keyGroups.some((g) => g.group === 'difficulty')

/** Staff whose region covers the town, or lies inside it (a coordinator of one of its communities). */
const seesTown = (who: Identity, town: string): boolean =>
  isStaffRole(who.role) && who.region !== null && (town.startsWith(who.region) || who.region.startsWith(town))

const toAllocationView = (a: WelfareAllocationRecord): WelfareAllocationView => ({
  id: a.id,
  personId: a.personId,
  name: a.personName,
  priority: a.priority,
  priorityLabel: WELFARE_PRIORITIES[a.priority],
  caseId: a.caseId,
  startedOn: a.startedOn,
  endsOn: a.endsOn,
  at: a.at,
  actor: a.actor,
})

const toView = (p: WelfarePostRecord, allocations?: WelfareAllocationRecord[]): WelfarePostView => ({
  id: p.id,
  title: p.title,
  employer: p.employer,
  town: p.town,
  townName: regionLabel(p.town),
  count: p.count,
  filled: p.filled,
  remaining: Math.max(0, p.count - p.filled),
  subsidyPerMonth: p.subsidyPerMonth,
  termMonths: p.termMonths,
  description: p.description,
  status: p.filled >= p.count ? 'closed' : p.status,
  createdAt: p.createdAt,
  ...(allocations ? { allocations: allocations.map(toAllocationView) } : {}),
})

/** County staff define a post for one of their towns. */
export const createWelfarePost = async (
  deps: Deps,
  who: Identity,
  input: WelfarePostInput,
): Promise<WelfarePostView> => {
  if (who.role !== 'county' || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const town = findRegion(input.town)
  if (town?.level !== 'town' || !input.town.startsWith(who.region)) {
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'town', message: '请选择本县（区）的镇（街道）' }],
    })
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  const record: WelfarePostRecord = {
    id: newId('wfp', at),
    title: input.title,
    employer: input.employer,
    town: input.town,
    count: input.count,
    filled: 0,
    subsidyPerMonth: input.subsidyPerMonth,
    termMonths: input.termMonths,
    description: input.description,
    status: 'open',
    createdBy: actorLabel(who),
    createdAt: now,
    updatedAt: now,
  }
  await deps.store.insert(welfarePosts, record)
  await recordAudit(deps.store, at, who, { action: 'welfare.create', subject: record.id, result: 'ok' })
  return toView(record)
}

/** The posts of the caller's region (a coordinator sees their town's), newest first. */
export const listWelfarePosts = async (
  deps: Deps,
  who: Identity,
  cursor?: string,
): Promise<Paged<WelfarePostView>> => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const scope = who.region.length > 9 ? who.region.slice(0, 9) : who.region
  const page = await deps.store.find(welfarePosts, {
    where: [{ field: 'town', op: 'prefix', value: scope }],
    orderBy: [{ field: 'updatedAt', dir: 'desc' }],
    limit: 20,
    cursor,
  })
  return { items: page.items.map((p) => toView(p)), nextCursor: page.nextCursor }
}

const visiblePost = async (deps: Deps, who: Identity, id: string): Promise<WelfarePostRecord> => {
  const post = await deps.store.get(welfarePosts, id)
  if (!post || !seesTown(who, post.town)) throw new AppError('WELFARE.NOT_FOUND')
  return post
}

/** One post with the people placed on it. */
export const getWelfarePost = async (deps: Deps, who: Identity, id: string): Promise<WelfarePostView> => {
  const post = await visiblePost(deps, who, id)
  const placed = await deps.store.find(welfareAllocations, {
    where: [{ field: 'postId', op: 'eq', value: id }],
    orderBy: [],
    limit: 100,
  })
  return toView(post, placed.items)
}

const openZeroCases = (store: Store, town: string, limit: number) =>
  store.find(placementCases, {
    where: [
      { field: 'community', op: 'prefix', value: town },
      { field: 'status', op: 'eq', value: 'open' },
      { field: 'kind', op: 'eq', value: 'zero_employment' },
    ],
    orderBy: [{ field: 'deadline', dir: 'asc' }],
    limit,
  })

const deadlineText = (deadline: string) => inShanghai(new Date(deadline)).format('M 月 D 日 HH:mm')

/**
 * Who the post may go to, in the statutory order: the members of zero-employment households
 * whose 24-hour case is open (earliest deadline first), then certified difficulty persons out
 * of work, longest unemployed first. Nobody already on a post.
 */
export const listWelfareCandidates = async (
  deps: Deps,
  who: Identity,
  postId: string,
): Promise<{ items: WelfareCandidate[] }> => {
  const post = await visiblePost(deps, who, postId)
  const items: WelfareCandidate[] = []
  const seen = new Set<string>()
  const cases = await openZeroCases(deps.store, post.town, 100)
  for (const c of cases.items) {
    for (const id of c.personIds) {
      const p = await deps.store.get(persons, id)
      if (!p || seen.has(id) || p.publicWelfarePost || !staffCanSee(who, p)) continue
      seen.add(id)
      items.push({
        personId: p.id,
        name: p.name,
        communityName: regionLabel(p.community),
        priority: 'zero_employment',
        priorityLabel: WELFARE_PRIORITIES.zero_employment,
        caseId: c.id,
        caseDeadline: c.deadline,
        unemployedSince: p.employmentSince,
        why: `零就业家庭，托底安置 ${deadlineText(c.deadline)} 到期`,
      })
    }
  }
  const unemployed = await findAll(
    deps.store,
    persons,
    {
      where: [
        { field: 'community', op: 'prefix', value: post.town },
        { field: 'employmentStatus', op: 'eq', value: 'unemployed' },
      ],
      orderBy: [],
    },
    CANDIDATE_SCAN_ROWS,
  )
  const difficulty = unemployed.filter(
    (p) => isDifficulty(p) && !p.publicWelfarePost && !seen.has(p.id) && staffCanSee(who, p),
  )
  // Longest unemployed first; an unknown start date goes last rather than first.
  difficulty.sort((a, b) => (a.employmentSince ?? '9999').localeCompare(b.employmentSince ?? '9999'))
  for (const p of difficulty) {
    items.push({
      personId: p.id,
      name: p.name,
      communityName: regionLabel(p.community),
      priority: 'difficulty',
      priorityLabel: WELFARE_PRIORITIES.difficulty,
      caseId: null,
      caseDeadline: null,
      unemployedSince: p.employmentSince,
      why: p.employmentSince ? `就业困难人员，${p.employmentSince} 起失业` : '就业困难人员，失业',
    })
  }
  return { items: items.slice(0, CANDIDATES_SHOWN) }
}

/** The last day of the term: a 36-month post from 2026-12-01 ends on 2029-11-30. */
const termEnd = (startedOn: string, months: number) =>
  dayjs(startedOn).add(months, 'month').subtract(1, 'day').format('YYYY-MM-DD')

/**
 * Place a person on a post. Refused, with nothing changed: a full or closed post, a person
 * already on a post, someone outside the priority groups, or a difficulty person while a
 * zero-employment household of the town still waits for its 24-hour placement.
 */
export const allocateWelfarePost = async (
  deps: Deps,
  who: Identity,
  postId: string,
  input: WelfareAllocationInput,
): Promise<WelfarePostView> => {
  if (who.role !== 'street' && who.role !== 'county') throw new AppError('AUTH.FORBIDDEN')
  const post = await visiblePost(deps, who, postId)
  const person = await deps.store.get(persons, input.personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  if (post.status !== 'open' || post.filled >= post.count) throw new AppError('WELFARE.FULL')
  if (person.publicWelfarePost) throw new AppError('WELFARE.ALREADY_PLACED')
  if (!person.community.startsWith(post.town)) {
    throw new AppError('REQUEST.INVALID', {
      issues: [
        { field: 'personId', message: `该人员不在${regionLabel(post.town) ?? '本镇'}，不能安置到本岗位` },
      ],
    })
  }
  const open = await openCaseOf(deps.store, person)
  const zeroCase: PlacementCaseRecord | null = open?.kind === 'zero_employment' ? open : null
  let priority: WelfarePriority
  if (zeroCase) priority = 'zero_employment'
  else if (isDifficulty(person) && person.employmentStatus === 'unemployed') {
    const waiting = await openZeroCases(deps.store, post.town, 1)
    if (waiting.items.length > 0) throw new AppError('WELFARE.PRIORITY')
    priority = 'difficulty'
  } else throw new AppError('WELFARE.NOT_ELIGIBLE')

  const at = deps.clock.now()
  const now = at.toISOString()
  const actor = actorLabel(who)
  const startedOn = input.startedOn ?? shanghaiDate(at)
  const endsOn = termEnd(startedOn, post.termMonths)
  const allocation: WelfareAllocationRecord = {
    id: newId('wfa', at),
    postId,
    personId: person.id,
    personName: person.name,
    town: post.town,
    priority,
    caseId: open?.id ?? null,
    startedOn,
    endsOn,
    at: now,
    actor,
  }
  const placement = {
    personId: person.id,
    employer: post.employer,
    post: `${post.title}（公益性岗位）`,
    startedOn,
    publicWelfare: true,
    welfare: { postId, until: endsOn },
  }
  await deps.store.transaction(async (tx) => {
    try {
      await tx.insert(meta, { id: welfareLock(person.id), value: allocation.id, updatedAt: now })
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw new AppError('WELFARE.ALREADY_PLACED')
      throw err
    }
    const counted = await tx.increment(welfarePosts, postId, 'filled', 1, { max: post.count })
    if (!counted) throw new AppError('WELFARE.FULL')
    await tx.update(welfarePosts, postId, { updatedAt: now })
    await tx.insert(welfareAllocations, allocation)
    // The open case (the household's 24 hours, or the person's 72) closes with this placement.
    if (open && (await placeInCase(tx, open, placement, actor, now))) return
    const current = await tx.get(persons, person.id)
    const saved = await tx.update(
      persons,
      person.id,
      {
        employmentStatus: 'stable',
        employmentSince: startedOn,
        reportedEmployment: null,
        publicWelfarePost: {
          post: placement.post,
          employer: post.employer,
          since: startedOn,
          postId,
          until: endsOn,
        },
        rev: (current?.rev ?? 0) + 1,
        updatedAt: now,
      },
      { expect: { rev: current?.rev ?? null } },
    )
    if (!saved) throw new AppError('STORE.CONFLICT')
  })
  await recordAudit(deps.store, at, who, { action: 'welfare.allocate', subject: allocation.id, result: 'ok' })
  return getWelfarePost(deps, who, postId)
}
