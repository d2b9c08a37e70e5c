import { createHash } from 'node:crypto'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import {
  INTEREST_SOURCES,
  INTEREST_STATUSES,
  type InterestSource,
  type InterestStatus,
  type InterestView,
} from '../../../shared/jobs/seeker'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import {
  employers,
  type JobInterestRecord,
  type JobRecord,
  jobInterests,
  jobs,
  type PersonRecord,
  persons,
  services,
} from '../../store/collections'
import { DuplicateKeyError, type Filter } from '../../store/port'
import { findAll } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { employerOfAccount } from '../employers/employers'
import { inboxNotifier } from '../inbox/notifier'
import { findMyPerson } from '../people/me'
import { staffCanSee } from '../people/person-access'
import { changePerson } from '../people/update-person'
import { openCaseOf, placeInCase } from '../placement/placement-cases'
import { regionLabel } from '../regions/region-directory'
import { isOpenJob } from './get-job'

/**
 * 我要应聘: a seeker tells a unit they want its job. Through the system it is a job referral
 * (职业介绍) and counts in the seeker's "131" tally; the unit and the seeker's coordinator see
 * the applicant — the phone masked unless the seeker chose to share it — and record what came
 * of it. A hire is the seeker's reported employment (confirmed at the next follow-up) and, when
 * they are in an open placement case, the placement that closes it.
 */
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24)
export const interestId = (jobId: string, personId: string) => `int_${hash(`${jobId}|${personId}`)}`

const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

const toView = (r: JobInterestRecord, phone: string | null = null): InterestView => ({
  id: r.id,
  jobId: r.jobId,
  jobTitle: r.jobTitle,
  employer: r.employer,
  personId: r.personId,
  name: r.personName,
  phone: phone ?? r.phoneMasked,
  phoneShared: phone !== null,
  shareContact: r.shareContact,
  communityName: regionLabel(r.community),
  source: r.source,
  sourceLabel: INTEREST_SOURCES[r.source],
  status: r.status,
  statusLabel: INTEREST_STATUSES[r.status],
  history: r.history.map((h) => ({
    at: h.at,
    statusLabel: INTEREST_STATUSES[h.status],
    by: h.by,
    note: h.note,
  })),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
})

/** Tell the unit's accounts (a vacancy gathered before employers existed has none). */
const tellUnit = async (deps: Deps, employerId: string | null, title: string, body: string, at: Date) => {
  if (!employerId) return
  const e = await deps.store.get(employers, employerId)
  const inbox = inboxNotifier(deps.store)
  for (const account of e?.accounts ?? []) await inbox.notify(account, { title, body }, at)
}

/**
 * Express interest. Idempotent: a second tap (or a retry) answers with the same record, and
 * turns on sharing the phone if the seeker now agrees to it.
 */
export const expressInterest = async (
  deps: Deps,
  who: Identity,
  jobId: string,
  input: { shareContact: boolean; source: InterestSource },
): Promise<{ created: boolean; view: InterestView }> => {
  const person = await findMyPerson(deps, who)
  if (!person) throw new AppError('PERSON.NOT_REGISTERED')
  const job = await deps.store.get(jobs, jobId)
  // Only what the board shows can be applied to; the rest do not exist for a resident.
  if (!job || !['published', 'paused', 'filled', 'expired'].includes(job.status))
    throw new AppError('JOB.NOT_FOUND')
  const id = interestId(job.id, person.id)
  const at = deps.clock.now()
  const now = at.toISOString()

  const again = async (existing: JobInterestRecord) => {
    if (input.shareContact && !existing.shareContact) {
      const shared = await deps.store.update(jobInterests, id, { shareContact: true, updatedAt: now })
      return { created: false, view: toView(shared ?? existing) }
    }
    return { created: false, view: toView(existing) }
  }
  const existing = await deps.store.get(jobInterests, id)
  if (existing) return again(existing)
  if (!isOpenJob(job, at)) throw new AppError('JOB.CLOSED')

  const record: JobInterestRecord = {
    id,
    jobId: job.id,
    jobTitle: job.title,
    employer: job.employer,
    employerId: job.employerId ?? null,
    jobRegion: job.region,
    personId: person.id,
    personName: person.name,
    phoneMasked: person.phoneMasked,
    community: person.community,
    shareContact: input.shareContact,
    source: input.source,
    status: 'interested',
    history: [{ at: now, status: 'interested', by: '本人', note: null }],
    createdAt: now,
    updatedAt: now,
  }
  try {
    await deps.store.transaction(async (tx) => {
      await tx.insert(jobInterests, record)
      // The referral the seeker's 131 tally counts (Hai'an 2021: 一次职业介绍).
      await tx.insert(services, {
        id: `svc_${id}`,
        personId: person.id,
        community: person.community,
        year: Number(shanghaiDate(at).slice(0, 4)),
        kind: 'referral',
        at: now,
        actor: '本人（我要应聘）',
        note: `应聘 ${job.employer} ${job.title}`,
        jobId: job.id,
      })
    })
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err
    // A concurrent tap won: answer with its record.
    const won = await deps.store.get(jobInterests, id)
    if (won) return again(won)
    throw err
  }
  await recordAudit(deps.store, at, who, { action: 'interest.create', subject: id, result: 'ok' })
  await tellUnit(
    deps,
    record.employerId,
    `新的应聘：${job.title}`,
    `${person.name}报名应聘“${job.title}”，请在“岗位管理”中查看并联系。`,
    at,
  )
  return { created: true, view: toView(record) }
}

/** The seeker's own interests, latest first — or the one for a vacancy (has it been applied to?). */
export const listMyInterests = async (
  deps: Deps,
  who: Identity,
  query: { jobId?: string; cursor?: string },
): Promise<Paged<InterestView>> => {
  const person = await findMyPerson(deps, who)
  if (!person) return { items: [], nextCursor: null }
  const where: Filter[] = [{ field: 'personId', op: 'eq', value: person.id }]
  if (query.jobId) where.push({ field: 'jobId', op: 'eq', value: query.jobId })
  const page = await deps.store.find(jobInterests, {
    where,
    orderBy: [{ field: 'updatedAt', dir: 'desc' }],
    limit: 20,
    cursor: query.cursor,
  })
  // Whether each post still takes applicants: a filled or expired one is said so in the list.
  const ids = [...new Set(page.items.map((r) => r.jobId))]
  const posts = ids.length
    ? await findAll(deps.store, jobs, { where: [{ field: 'id', op: 'in', value: ids }], orderBy: [] })
    : []
  const now = deps.clock.now()
  const closedOf = new Map(
    posts.map((j) => [
      j.id,
      isOpenJob(j, now) ? null : j.status === 'published' ? '已过期' : (CLOSED_LABELS[j.status] ?? '已下架'),
    ]),
  )
  return {
    // A post no longer on record at all is 已下架.
    items: page.items.map((r) => ({
      ...toView(r),
      jobClosed: closedOf.has(r.jobId) ? (closedOf.get(r.jobId) ?? null) : '已下架',
    })),
    nextCursor: page.nextCursor,
  }
}

const CLOSED_LABELS: Partial<Record<JobRecord['status'], string>> = {
  paused: '暂停招聘',
  filled: '已招满',
  expired: '已过期',
}

/** Whether the caller speaks for the unit that posted the job. */
const isUnitOf = async (deps: Deps, who: Identity, employerId: string | null) => {
  if (who.role !== 'employer' || !employerId) return false
  return (await employerOfAccount(deps, who))?.id === employerId
}

/**
 * The applicants to one vacancy: for its unit, every one; for staff, those of their own region.
 * Nobody else, and never a seeker who did not apply. Phones are masked here; a shared one is
 * read one applicant at a time (`getInterest` with reveal), and that reading is audited.
 */
export const listVacancyInterests = async (
  deps: Deps,
  who: Identity,
  jobId: string,
  cursor?: string,
): Promise<Paged<InterestView>> => {
  const job = await deps.store.get(jobs, jobId)
  const unit = job ? await isUnitOf(deps, who, job.employerId ?? null) : false
  const staff = isStaffRole(who.role) && who.region !== null
  if (!job || (!unit && !staff)) throw new AppError('VACANCY.NOT_FOUND')
  const where: Filter[] = [{ field: 'jobId', op: 'eq', value: jobId }]
  if (!unit) where.push({ field: 'community', op: 'prefix', value: who.region! })
  const page = await deps.store.find(jobInterests, {
    where,
    orderBy: [{ field: 'updatedAt', dir: 'desc' }],
    limit: 20,
    cursor,
  })
  const items = page.items.map((r) => toView(r))
  return { items, nextCursor: page.nextCursor }
}

/**
 * One application, for the seeker, the unit, or staff who can see the seeker. With `reveal`,
 * the full phone, audited: for the unit only if the seeker agreed to share it; staff of the
 * seeker's region may read it anyway (they reach the person for follow-up and pass messages on).
 */
export const getInterest = async (
  deps: Deps,
  who: Identity,
  id: string,
  reveal: boolean,
): Promise<InterestView> => {
  const r = await deps.store.get(jobInterests, id)
  const person = r ? await deps.store.get(persons, r.personId) : null
  const own = person?.accountId === `wx:${who.openid}`
  const unit = r ? await isUnitOf(deps, who, r.employerId) : false
  const staff = person ? staffCanSee(who, person) : false
  if (!r || !person || !(own || unit || staff)) {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'interest.view',
      subject: id,
      result: 'refused',
    })
    throw new AppError('INTEREST.NOT_FOUND')
  }
  if (!reveal || own || (!r.shareContact && !staff)) return toView(r)
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'interest.reveal-phone',
    subject: id,
    result: 'ok',
  })
  return toView(r, piiCipher(deps.env).decrypt(person.phoneSealed))
}

/** Staff: the applications of the people of their region (a coordinator's community), latest first. */
export const listRegionInterests = async (
  deps: Deps,
  who: Identity,
  query: { status?: InterestStatus; cursor?: string },
): Promise<Paged<InterestView>> => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const where: Filter[] = [{ field: 'community', op: 'prefix', value: who.region }]
  if (query.status) where.push({ field: 'status', op: 'eq', value: query.status })
  const page = await deps.store.find(jobInterests, {
    where,
    orderBy: [{ field: 'updatedAt', dir: 'desc' }],
    limit: 20,
    cursor: query.cursor,
  })
  return { items: page.items.map((r) => toView(r)), nextCursor: page.nextCursor }
}

const NEXT: Record<InterestStatus, InterestStatus[]> = {
  interested: ['interview', 'hired', 'not_hired'],
  interview: ['hired', 'not_hired'],
  hired: [],
  not_hired: [],
}

const OUTCOME_MESSAGES: Record<'interview' | 'hired' | 'not_hired', string> = {
  interview: '单位约您面试',
  hired: '您已被录用',
  not_hired: '单位暂未录用您，社区会继续为您推荐岗位',
}

/**
 * What came of an application: interview, hired or not hired — recorded by the unit or by
 * staff who can see the seeker. A hire closes the seeker's open placement case with this job as
 * the placement; otherwise it is their reported employment until the next follow-up confirms it.
 */
export const recordInterestOutcome = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: { outcome: 'interview' | 'hired' | 'not_hired'; note?: string; startedOn?: string },
): Promise<InterestView> => {
  const r = await deps.store.get(jobInterests, id)
  const person = r ? await deps.store.get(persons, r.personId) : null
  const allowed =
    r &&
    person &&
    ((await isUnitOf(deps, who, r.employerId)) ||
      staffCanSee(who, person) ||
      (isStaffRole(who.role) && isWithinRegion(r.jobRegion, who.region ?? '-')))
  if (!r || !person || !allowed) {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'interest.outcome',
      subject: id,
      result: 'refused',
    })
    throw new AppError('INTEREST.NOT_FOUND')
  }
  if (!NEXT[r.status].includes(input.outcome)) throw new AppError('INTEREST.WRONG_STATUS')
  const at = deps.clock.now()
  const now = at.toISOString()
  const startedOn = input.startedOn ?? shanghaiDate(at)
  const by = who.role === 'employer' ? r.employer : actorLabel(who)
  const patch = {
    status: input.outcome,
    updatedAt: now,
    history: [...r.history, { at: now, status: input.outcome, by, note: input.note ?? null }],
  }
  let closedCase: string | null = null
  const saved = await deps.store.transaction(async (tx) => {
    const done = await tx.update(jobInterests, id, patch, { expect: { status: r.status } })
    if (!done) throw new AppError('INTEREST.WRONG_STATUS')
    return done
  })
  if (input.outcome === 'hired') {
    const open = await openCaseOf(deps.store, person)
    if (open) {
      const placed = await deps.store.transaction((tx) =>
        placeInCase(
          tx,
          open,
          { personId: person.id, employer: r.employer, post: r.jobTitle, startedOn },
          by,
          now,
        ),
      )
      if (placed) closedCase = placed.id
    }
    if (!closedCase) {
      await changePerson(deps.store, person.id, (p: PersonRecord) =>
        p.employmentStatus === 'stable' && !p.reportedEmployment
          ? null
          : { reportedEmployment: { status: 'stable', since: startedOn, at: now }, updatedAt: now },
      )
    }
  }
  await recordAudit(deps.store, at, who, {
    action: `interest.${input.outcome}`,
    subject: id,
    result: 'ok',
    ...(closedCase ? { detail: { caseId: closedCase } } : {}),
  })
  await inboxNotifier(deps.store).notify(
    `psn:${person.id}`,
    {
      title: `应聘进展：${r.jobTitle}`,
      body: `${OUTCOME_MESSAGES[input.outcome]}。${r.employer}${input.note ? `：${input.note}` : ''}`,
      link: { kind: 'interests', id: id },
      dedupeKey: `interest:${id}:${input.outcome}`,
    },
    at,
  )
  return toView(saved)
}
