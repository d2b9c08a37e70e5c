import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { MATCH_THRESHOLD, matchVacancy, prepareSeeker } from '../../../shared/jobs/matching'
import type { MyJobView, RecommendationItem } from '../../../shared/jobs/seeker'
import type { Deps } from '../../runtime/deps'
import { type JobRecord, jobInterests, jobs, notifications } from '../../store/collections'
import type { Filter } from '../../store/port'
import { isOpenJob } from '../jobs/get-job'
import { interestId } from '../jobs/interests'
import { toJob, toJobSummary } from '../jobs/job-mapper'
import { findMyPerson } from '../people/me'
import { openCaseOf } from '../placement/placement-cases'
import { mayHoldWelfarePost, seekerProfile, vacancyProfile } from './seeker-profile'

const LIMIT = 10

/**
 * 为你推荐: the open vacancies that fit the seeker best, each with the reasons it fits. Read from
 * the posts of the seeker's wished trades and of their own town (the newest hundred of each),
 * which is where a good match is; public-welfare posts only for whom their allocation allows.
 */
export const myRecommendations = async (
  deps: Deps,
  who: Identity,
): Promise<{ items: RecommendationItem[] }> => {
  const person = await findMyPerson(deps, who)
  if (!person) return { items: [] }
  const openCase = await openCaseOf(deps.store, person)
  const seeker = prepareSeeker(
    seekerProfile(person, mayHoldWelfarePost(person, openCase?.kind === 'zero_employment')),
  )
  const now = deps.clock.now().toISOString()
  const open: Filter[] = [
    { field: 'status', op: 'eq', value: 'published' },
    { field: 'validUntil', op: 'gt', value: now },
  ]
  const trades = [...new Set([...seeker.wishedCategories, ...seeker.skillCategories])]
  const reads: Filter[][] = [
    ...trades.map((c): Filter[] => [...open, { field: 'category', op: 'eq', value: c }]),
    [...open, { field: 'region', op: 'prefix', value: seeker.town }],
  ]
  const seen = new Map<string, JobRecord>()
  for (const where of reads) {
    const page = await deps.store.find(jobs, {
      where,
      orderBy: [{ field: 'publishedAt', dir: 'desc' }],
      limit: 100,
    })
    for (const j of page.items) seen.set(j.id, j)
  }
  const scored = [...seen.values()]
    .map((j) => ({ j, m: matchVacancy(seeker, vacancyProfile(j)) }))
    .filter(
      (x): x is { j: JobRecord; m: NonNullable<typeof x.m> } => x.m !== null && x.m.score >= MATCH_THRESHOLD,
    )
    .sort((a, b) => b.m.score - a.m.score || b.j.publishedAt.localeCompare(a.j.publishedAt))
    .slice(0, LIMIT)
  if (!scored.length) return { items: [] }

  const ids = scored.map((x) => x.j.id)
  const [pushed, interested] = await Promise.all([
    deps.store.find(notifications, {
      where: [
        { field: 'recipient', op: 'eq', value: `psn:${person.id}` },
        { field: 'pushDay', op: 'gte', value: '0' },
      ],
      orderBy: [
        { field: 'recipient', dir: 'asc' },
        { field: 'at', dir: 'desc' },
      ],
      limit: 60,
    }),
    deps.store.find(jobInterests, {
      where: [{ field: 'id', op: 'in', value: ids.map((id) => interestId(id, person.id)) }],
      orderBy: [],
      limit: LIMIT,
    }),
  ])
  const pushedOn = new Map<string, string>()
  for (const p of pushed.items)
    for (const j of p.pushJobs ?? []) if (!pushedOn.has(j.jobId)) pushedOn.set(j.jobId, p.pushDay!)
  const applied = new Set(interested.items.map((i) => i.jobId))
  return {
    items: scored.map(({ j, m }) => ({
      job: toJobSummary(j),
      score: m.score,
      reasons: m.reasons,
      pushedOn: pushedOn.get(j.id) ?? null,
      interested: applied.has(j.id),
    })),
  }
}

/**
 * One vacancy for the seeker reading it: why it fits them (what a push or 为你推荐 said), and,
 * once they applied, the post even after it closed — its status and contact stay theirs to see.
 */
export const myJob = async (deps: Deps, who: Identity, id: string): Promise<MyJobView> => {
  const record = await deps.store.get(jobs, id)
  const open = !!record && isOpenJob(record, deps.clock.now())
  const person = await findMyPerson(deps, who)
  const applied =
    record && person && !open ? await deps.store.get(jobInterests, interestId(id, person.id)) : null
  if (!record || (!open && !applied)) throw new AppError('JOB.NOT_FOUND')
  let match: MyJobView['match'] = null
  if (open && person) {
    const openCase = await openCaseOf(deps.store, person)
    const seeker = prepareSeeker(
      seekerProfile(person, mayHoldWelfarePost(person, openCase?.kind === 'zero_employment')),
    )
    const m = matchVacancy(seeker, vacancyProfile(record))
    // A public-welfare post outside the priority rules is still readable; it just isn't "for you".
    match = m && m.score >= MATCH_THRESHOLD ? m : null
  }
  return { job: toJob(record), open, match }
}
