import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import {
  type FollowupRecordInput,
  type FollowupTaskView,
  MANUAL_DEDUCTION_RULES,
  type ManualDeductionInput,
  periodOf,
  SERVICE_LABELS,
  SERVICES_131,
  type ServiceKind,
  TASK_STATUSES,
} from '../../../shared/followups/followup'
import type { Paged } from '../../../shared/jobs/job'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { newId } from '../../platform/ids'
import type { Deps } from '../../runtime/deps'
import {
  bookings,
  type DeductionRecord,
  deductions,
  type FollowupTaskRecord,
  followupRecords,
  followupTasks,
  type PersonRecord,
  persons,
  services,
} from '../../store/collections'
import { DuplicateKeyError, type Filter, type Page } from '../../store/port'
import { findAll } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { tickAgreementItems } from '../people/agreements'
import { staffCanSee } from '../people/person-access'
import { watchHousehold } from '../placement/placement-cases'
import { regionLabel } from '../regions/region-directory'
import { toBookingView } from '../sessions/bookings'

const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

const toTaskView = (t: FollowupTaskRecord, p: PersonRecord | null, today: string): FollowupTaskView => ({
  id: t.id,
  personId: t.personId,
  personName: t.personName,
  community: t.community,
  communityName: regionLabel(t.community),
  period: t.period,
  due: t.due,
  status: t.status,
  statusLabel: TASK_STATUSES[t.status],
  overdue: t.status === 'open' && t.due < today,
  lateSince: t.lateSince ?? null,
  priority: t.priority,
  employmentStatus: p?.employmentStatus ?? 'unemployed',
  keyGroups: p?.keyGroups.map((g) => g.group) ?? [],
  doneAt: t.doneAt,
})

const scopeOf = (who: Identity): string => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  return who.region
}

/**
 * A coordinator's month (street and county officers see their whole region): open tasks first,
 * zero-employment and 72-hour cases on top, then difficulty persons; searchable by name.
 */
export const listTasks = async (
  deps: Deps,
  who: Identity,
  q: { period?: string; status?: FollowupTaskRecord['status']; q?: string; cursor?: string },
): Promise<Paged<FollowupTaskView>> => {
  const region = scopeOf(who)
  const at = deps.clock.now()
  const period = q.period ?? periodOf(at)
  const where: Filter[] = [
    { field: 'community', op: 'prefix', value: region },
    { field: 'period', op: 'eq', value: period },
  ]
  if (q.status) where.push({ field: 'status', op: 'eq', value: q.status })
  if (q.q) where.push({ field: 'personName', op: 'contains', value: q.q })
  const page = await deps.store.find(followupTasks, {
    where,
    // 'open' > 'missed' > 'done': open first, then by urgency.
    orderBy: [
      { field: 'status', dir: 'desc' },
      { field: 'priority', dir: 'desc' },
    ],
    limit: 20,
    cursor: q.cursor,
  })
  // Overdue first: on the first page of the current month's open work, earlier months' tasks
  // still open (not yet closed by followup-close) come before this month's.
  const overdue: FollowupTaskRecord[] = []
  if (!q.cursor && period === periodOf(at) && (!q.status || q.status === 'open')) {
    const earlier = await deps.store.find(followupTasks, {
      where: [
        { field: 'community', op: 'prefix', value: region },
        { field: 'status', op: 'eq', value: 'open' },
        { field: 'period', op: 'lt', value: period },
        ...(q.q ? [{ field: 'personName', op: 'contains', value: q.q } as const] : []),
      ],
      orderBy: [{ field: 'priority', dir: 'desc' }],
      limit: 50,
    })
    overdue.push(...earlier.items)
  }
  const today = shanghaiDate(at)
  const items = await Promise.all(
    [...overdue, ...page.items].map(async (t) =>
      toTaskView(t, await deps.store.get(persons, t.personId), today),
    ),
  )
  return { items, nextCursor: page.nextCursor }
}

/**
 * Record a follow-up against a task: channel, outcome, employment status (with date) and next
 * step. A changed status moves the person's cadence (the next run counts from this record), and
 * the record completes every other open task of the person too — an overdue one of an earlier
 * month and this month's alike: one conversation is one follow-up.
 */
export const recordFollowup = async (
  deps: Deps,
  who: Identity,
  taskId: string,
  input: FollowupRecordInput,
): Promise<{ task: FollowupTaskView; recordId: string }> => {
  const region = scopeOf(who)
  const task = await deps.store.get(followupTasks, taskId)
  if (!task || !isWithinRegion(task.community, region)) throw new AppError('TASK.NOT_FOUND')
  if (task.status !== 'open') throw new AppError('TASK.CLOSED')
  const { recordId, person, done } = await writeFollowup(deps, who, task.personId, input, taskId)
  return { task: toTaskView(done!, person, shanghaiDate(deps.clock.now())), recordId }
}

/**
 * A follow-up without a task — an unplanned visit or call, recorded from the person card. It
 * moves the cadence like any other and completes whatever tasks of the person are open.
 */
export const recordPersonFollowup = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: FollowupRecordInput,
): Promise<{ recordId: string; completedTasks: number }> => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const { recordId, completed } = await writeFollowup(deps, who, personId, input, null)
  return { recordId, completedTasks: completed }
}

const writeFollowup = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: FollowupRecordInput,
  taskId: string | null,
) => {
  const at = deps.clock.now()
  const now = at.toISOString()
  const recordId = newId('fr', at)
  const saved = await deps.store.transaction(async (tx) => {
    const done = taskId
      ? await tx.update(
          followupTasks,
          taskId,
          { status: 'done', doneAt: now, recordId },
          { expect: { status: 'open' } },
        )
      : null
    if (taskId && !done) throw new AppError('TASK.CLOSED')
    const person = await tx.get(persons, personId)
    if (!person) throw new AppError('PERSON.NOT_FOUND')
    await tx.insert(followupRecords, {
      id: recordId,
      personId,
      community: person.community,
      taskId,
      at: now,
      actor: actorLabel(who),
      actorAccount: `wx:${who.openid}`,
      channel: input.channel,
      outcome: input.outcome,
      employmentStatus: input.employmentStatus,
      employmentSince: input.employmentSince ?? null,
      nextStep: input.nextStep ?? null,
      note: input.note ?? null,
    })
    const ticked = await tickAgreementItems(
      tx,
      personId,
      input.agreementItems ?? [],
      recordId,
      actorLabel(who),
      now,
    )
    // An agreed guidance, referral or training delivered is a "131" service too, recorded once.
    for (const item of ticked)
      if (item.kind in SERVICES_131)
        await tx.insert(services, {
          id: `svc_${item.id}`,
          personId,
          community: person.community,
          year: Number(shanghaiDate(at).slice(0, 4)),
          kind: item.kind as ServiceKind,
          at: now,
          actor: actorLabel(who),
          note: `援助协议：${item.label}`,
          jobId: null,
        })
    const changed = person.employmentStatus !== input.employmentStatus
    // The follow-up confirms the status: a resident's pending report is settled by it.
    await tx.update(persons, person.id, {
      lastFollowupAt: now,
      employmentStatus: input.employmentStatus,
      employmentSince: changed ? (input.employmentSince ?? now.slice(0, 10)) : person.employmentSince,
      reportedEmployment: null,
      updatedAt: now,
    })
    return { done, person }
  })
  // The person's other open tasks are done by the same record (each a compare-and-set: one
  // closed meanwhile by the month's close stays missed).
  const open = await findAll(deps.store, followupTasks, {
    where: [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'status', op: 'eq', value: 'open' },
    ],
    orderBy: [],
  })
  let completed = saved.done ? 1 : 0
  for (const t of open) {
    const moved = await deps.store.update(
      followupTasks,
      t.id,
      { status: 'done', doneAt: now, recordId },
      { expect: { status: 'open' } },
    )
    if (moved) completed++
  }
  await recordAudit(deps.store, at, who, {
    action: 'followup.record',
    subject: taskId ?? personId,
    result: 'ok',
    detail: { channel: input.channel, completedTasks: completed },
  })
  const person = await deps.store.get(persons, personId)
  // An employment change may make (or unmake) a zero-employment household: check it now.
  if (person?.householdId && saved.person.employmentStatus !== input.employmentStatus) {
    await watchHousehold(deps, person.householdId, at)
  }
  return { recordId, person, done: saved.done, completed }
}

/** A "131" service given to a person; counts only when recorded here (Hai'an 2021). */
export const recordService = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: { kind: ServiceKind; note: string; jobId?: string },
) => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const at = deps.clock.now()
  const year = Number(shanghaiDate(at).slice(0, 4))
  await deps.store.insert(services, {
    id: newId('svc', at),
    personId,
    community: person.community,
    year,
    kind: input.kind,
    at: at.toISOString(),
    actor: actorLabel(who),
    note: input.note,
    jobId: input.jobId ?? null,
  })
  await recordAudit(deps.store, at, who, { action: `service.${input.kind}`, subject: personId, result: 'ok' })
  return serviceTally(deps, personId, year)
}

export const serviceTally = async (deps: Deps, personId: string, year: number) => {
  const counts = {} as Record<ServiceKind, number>
  for (const kind of Object.keys(SERVICES_131) as ServiceKind[]) {
    counts[kind] = await deps.store.count(services, [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'year', op: 'eq', value: year },
      { field: 'kind', op: 'eq', value: kind },
    ])
  }
  const short = (Object.keys(SERVICES_131) as ServiceKind[])
    .filter((k) => counts[k] < SERVICES_131[k])
    .map((k) => `${SERVICE_LABELS[k]}差 ${SERVICES_131[k] - counts[k]} 次`)
  return { year, counts, required: SERVICES_131, short }
}

/** Unemployed persons of the caller's region, still followed, short of 1-3-1 this year. */
export const listShortOf131 = async (deps: Deps, who: Identity, cursor?: string) => {
  const region = scopeOf(who)
  const year = Number(shanghaiDate(deps.clock.now()).slice(0, 4))
  const page: Page<PersonRecord> = await deps.store.find(persons, {
    where: [
      { field: 'community', op: 'prefix', value: region },
      { field: 'employmentStatus', op: 'eq', value: 'unemployed' },
    ],
    orderBy: [{ field: 'community', dir: 'asc' }],
    limit: 20,
    cursor,
  })
  const items = []
  for (const p of page.items) {
    // Left the labour market (退出跟踪): no 131 services are owed any more.
    if (p.exit) continue
    const tally = await serviceTally(deps, p.id, year)
    if (tally.short.length)
      items.push({
        personId: p.id,
        name: p.name,
        community: p.community,
        communityName: regionLabel(p.community),
        ...tally,
      })
  }
  return { items, nextCursor: page.nextCursor }
}

/** Missed follow-ups and deductions per street/town and community in the caller's region. */
export const deductionReport = async (deps: Deps, who: Identity, year: number) => {
  const region = scopeOf(who)
  const byTown = new Map<string, number>()
  const byCommunity = new Map<string, number>()
  // Each deduction with its rule and person, the latest first (at most 200 listed).
  const items: {
    id: string
    community: string
    communityName: string | null
    points: number
    reason: string
    rule: string | null
    personId: string | null
    at: string
    cancelled: DeductionRecord['cancelled'] | null
  }[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: Page<DeductionRecord> = await deps.store.find(deductions, {
      where: [
        { field: 'year', op: 'eq', value: year },
        { field: 'community', op: 'prefix', value: region },
      ],
      orderBy: [{ field: 'community', dir: 'asc' }],
      limit: 100,
      cursor,
    })
    for (const d of page.items) {
      if (!d.cancelled) {
        byTown.set(d.town, (byTown.get(d.town) ?? 0) + d.points)
        byCommunity.set(d.community, (byCommunity.get(d.community) ?? 0) + d.points)
      }
      items.push({
        id: d.id,
        community: d.community,
        communityName: regionLabel(d.community),
        points: d.points,
        reason: d.reason,
        rule: d.rule ?? null,
        personId: d.personId ?? null,
        at: d.at,
        cancelled: d.cancelled ?? null,
      })
    }
    cursor = page.nextCursor
  } while (cursor && ++pages < 500)
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([code, points]) => ({ code, name: regionLabel(code), points }))
  const latest = items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, 200)
  // Not yet deductions: what the workbench shows open now, counted when its month closes.
  const period = periodOf(deps.clock.now())
  const open = (op: 'lt' | 'eq') =>
    deps.store.count(followupTasks, [
      { field: 'community', op: 'prefix', value: region },
      { field: 'status', op: 'eq', value: 'open' },
      { field: 'period', op, value: period },
    ])
  const atRisk =
    Number(period.slice(0, 4)) === year ? { overdue: await open('lt'), thisMonth: await open('eq') } : null
  return { year, towns: rows(byTown), communities: rows(byCommunity), items: latest, atRisk }
}

/**
 * A county officer cancels a deduction that should not stand (the person had moved, the task was
 * wrong), with the reason; it stays listed, struck out, and no longer counts. Once only.
 */
export const cancelDeduction = async (deps: Deps, who: Identity, id: string, reason: string) => {
  if (who.role !== 'county' || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const d = await deps.store.get(deductions, id)
  if (!d || !isWithinRegion(d.community, who.region)) throw new AppError('DEDUCTION.NOT_FOUND')
  if (d.cancelled) throw new AppError('DEDUCTION.CANCELLED')
  const at = deps.clock.now()
  const saved = await deps.store.update(
    deductions,
    id,
    { cancelled: { reason, by: actorLabel(who), at: at.toISOString() } },
    { expect: { cancelled: null } },
  )
  if (!saved) throw new AppError('DEDUCTION.CANCELLED')
  await recordAudit(deps.store, at, who, {
    action: 'deduction.cancel',
    subject: id,
    result: 'ok',
    detail: { reason },
  })
  return { id, cancelled: saved.cancelled }
}

/**
 * A county officer records a deduction for a rule the system cannot see by itself (a person not
 * told to make their 就业登记). Retried with the same key, it answers the same deduction.
 */
export const recordDeduction = async (deps: Deps, who: Identity, input: ManualDeductionInput) => {
  if (who.role !== 'county' || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const person = await deps.store.get(persons, input.personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const at = deps.clock.now()
  const year = Number(shanghaiDate(at).slice(0, 4))
  // One case per person, rule and year: a second officer (or a second tap) can't deduct twice.
  const id = `ded_m_${input.rule}_${person.id}_${year}`
  const source = `staff:${input.idempotencyKey}`
  const record: DeductionRecord = {
    id,
    town: person.community.slice(0, 9),
    community: person.community,
    year,
    points: 1,
    reason: `${input.reason}：${person.name}（${actorLabel(who)}）`,
    source,
    at: at.toISOString(),
    rule: MANUAL_DEDUCTION_RULES[input.rule],
    personId: person.id,
    cancelled: null,
  }
  try {
    await deps.store.insert(deductions, record)
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err
    const existing = await deps.store.get(deductions, id)
    if (existing?.source === source) return existing // the same request, retried
    throw new AppError('DEDUCTION.EXISTS')
  }
  await recordAudit(deps.store, at, who, {
    action: 'deduction.record',
    subject: id,
    result: 'ok',
    detail: { rule: input.rule },
  })
  return record
}

/** A person's follow-up and service history, for the person card. */
export const personHistory = async (deps: Deps, who: Identity, personId: string) => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const records = await deps.store.find(followupRecords, {
    where: [{ field: 'personId', op: 'eq', value: personId }],
    orderBy: [{ field: 'at', dir: 'desc' }],
    limit: 50,
  })
  const year = Number(shanghaiDate(deps.clock.now()).slice(0, 4))
  // What they booked and whether they came: a job fair attended or a session missed is a reason to call.
  const booked = await deps.store.find(bookings, {
    where: [{ field: 'personId', op: 'eq', value: personId }],
    orderBy: [{ field: 'startsAt', dir: 'desc' }],
    limit: 20,
  })
  const now = deps.clock.now().toISOString()
  return {
    followups: records.items.map(({ actorAccount: _hidden, ...r }) => r),
    services131: await serviceTally(deps, personId, year),
    bookings: booked.items.map((b) => toBookingView(b, now, deps.env, undefined, { showCode: false })),
  }
}
