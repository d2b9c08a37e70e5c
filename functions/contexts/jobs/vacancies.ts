import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import {
  VACANCY_STATUSES,
  type VacancyInput,
  type VacancyStatus,
  type VacancyView,
} from '../../../shared/employers/employer'
import { AppError } from '../../../shared/errors'
import { JOB_CATEGORIES, type Job, type Paged } from '../../../shared/jobs/job'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { newId } from '../../platform/ids'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type EmployerRecord, employers, type JobRecord, jobs } from '../../store/collections'
import type { Filter } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { employerOfAccount, employerScope, findVisibleEmployer } from '../employers/employers'
import { inboxNotifier } from '../inbox/notifier'
import { findRegion, HOME_COUNTY, regionLabel } from '../regions/region-directory'
import { jobKeywords } from './job-mapper'

/**
 * Vacancies (空岗信息) from employers to staff review to the job board. Who may move a vacancy:
 * its employer's accounts (submit, pause, resume, mark filled) and staff of its region (the
 * same, on the employer's behalf); only street/town and county staff publish or reject.
 */
export const toVacancyView = (r: JobRecord): VacancyView => ({
  id: r.id,
  employerId: r.employerId ?? null,
  employer: r.employer,
  title: r.title,
  category: r.category,
  categoryLabel: JOB_CATEGORIES[r.category],
  count: r.headcount,
  salaryMin: r.salaryMin,
  salaryMax: r.salaryMax,
  region: r.region,
  regionName: regionLabel(r.region),
  status: r.status,
  statusLabel: VACANCY_STATUSES[r.status],
  validUntil: r.validUntil,
  publicWelfare: r.publicWelfare,
  address: r.address,
  hours: r.hours ?? '',
  education: r.education,
  experience: r.experience,
  description: r.description,
  requirements: r.requirements,
  benefits: r.benefits,
  timeline: r.timeline ?? [],
  updatedAt: r.updatedAt,
})

const invalid = (field: string, message: string) =>
  new AppError('REQUEST.INVALID', { message: `请求参数有误：${field}`, issues: [{ field, message }] })

const reviewers = (who: Identity) => who.role === 'street' || who.role === 'county'

/** The employer a vacancy is posted for: the caller's own unit, or one in a staff member's region. */
const employerFor = async (deps: Deps, who: Identity, employerId?: string): Promise<EmployerRecord> => {
  if (isStaffRole(who.role)) {
    if (!employerId) throw invalid('employerId', '代单位发布岗位请选择用人单位')
    return findVisibleEmployer(deps, who, employerId)
  }
  if (who.role !== 'employer')
    throw new AppError('AUTH.FORBIDDEN', { message: '请以用人单位身份登录后发布岗位' })
  const mine = await employerOfAccount(deps, who)
  if (!mine) throw new AppError('EMPLOYER.NOT_REGISTERED')
  if (employerId && employerId !== mine.id) throw new AppError('EMPLOYER.NOT_FOUND')
  return mine
}

/** Whether the caller may act on a vacancy: its employer's accounts, or staff of its region. */
const mayManage = async (deps: Deps, who: Identity, v: JobRecord): Promise<boolean> => {
  if (isStaffRole(who.role)) return isWithinRegion(v.region, employerScope(who) ?? '-')
  if (who.role !== 'employer' || !v.employerId) return false
  const mine = await employerOfAccount(deps, who)
  return mine?.id === v.employerId
}

const findManaged = async (deps: Deps, who: Identity, id: string): Promise<JobRecord> => {
  const v = await deps.store.get(jobs, id)
  if (!v || !(await mayManage(deps, who, v))) {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'vacancy.access',
      subject: id,
      result: 'refused',
    })
    throw new AppError('VACANCY.NOT_FOUND')
  }
  return v
}

/** Tell the unit's accounts what happened to their vacancy. */
const tellEmployer = async (deps: Deps, v: JobRecord, title: string, body: string, at: Date) => {
  const e = v.employerId ? await deps.store.get(employers, v.employerId) : null
  const inbox = inboxNotifier(deps.store)
  for (const account of e?.accounts ?? []) await inbox.notify(account, { title, body }, at)
}

/**
 * Post a vacancy. An employer's goes to review (or stays a draft); a street/town or county
 * officer posting for a verified unit publishes it at once, being the reviewer.
 */
export const createVacancy = async (deps: Deps, who: Identity, input: VacancyInput): Promise<VacancyView> => {
  const employer = await employerFor(deps, who, input.employerId)
  if (!findRegion(input.region) || !input.region.startsWith(HOME_COUNTY)) {
    throw invalid('region', '工作地点不在本系统服务范围内')
  }
  if (isStaffRole(who.role) && !isWithinRegion(input.region, employerScope(who) ?? '-')) {
    throw invalid('region', '工作地点不在您的辖区内')
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  if (input.validUntil <= shanghaiDate(at)) throw invalid('validUntil', '有效期应晚于今天')
  const publishNow = !input.draft && reviewers(who) && employer.status === 'verified'
  const status: VacancyStatus = input.draft ? 'draft' : publishNow ? 'published' : 'pending'
  const job: Job = {
    id: newId('vac', at),
    title: input.title,
    employer: employer.name,
    employerIndustry: employer.industry,
    region: input.region,
    regionName: regionLabel(input.region) ?? input.region,
    address: input.address || employer.address,
    category: input.category,
    publicWelfare: false,
    salaryMin: input.salaryMin,
    salaryMax: input.salaryMax,
    headcount: input.count,
    education: input.education,
    experience: input.experience,
    description: input.description,
    requirements: input.requirements,
    benefits: input.benefits,
    contactName: input.contactName || employer.contact.name,
    contactPhone: input.contactPhone,
    status,
    publishedAt: now,
    // The last day counts: valid until the end of it, Asia/Shanghai.
    validUntil: new Date(Date.parse(`${input.validUntil}T23:59:59.999+08:00`)).toISOString(),
  }
  const record: JobRecord = {
    ...job,
    keywords: jobKeywords(job),
    employerId: employer.id,
    hours: input.hours,
    createdBy: `wx:${who.openid}`,
    timeline: [
      {
        at: now,
        status,
        by: actorLabel(who),
        reason: isStaffRole(who.role) ? `代${employer.name}发布` : null,
      },
    ],
    createdAt: now,
    updatedAt: now,
  }
  await deps.store.insert(jobs, record)
  await recordAudit(deps.store, at, who, {
    action: 'vacancy.create',
    subject: record.id,
    result: 'ok',
    detail: { status },
  })
  return toVacancyView(record)
}

/** What a unit may still change before publication: a draft, one waiting for review, one sent back. */
const EDITABLE: VacancyStatus[] = ['draft', 'pending', 'rejected']

/**
 * Correct a vacancy before it is published — a draft, a pending one, or one sent back with a
 * reason — and keep it a draft or send it (again) to review. Staff of its region, reviewing it
 * themselves, publish it at once for a verified unit. Published vacancies are paused, not edited:
 * seekers may have applied to what they read.
 */
export const updateVacancy = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: VacancyInput,
): Promise<VacancyView> => {
  const v = await findManaged(deps, who, id)
  if (!EDITABLE.includes(v.status as VacancyStatus)) throw new AppError('VACANCY.WRONG_STATUS')
  if (!findRegion(input.region) || !input.region.startsWith(HOME_COUNTY)) {
    throw invalid('region', '工作地点不在本系统服务范围内')
  }
  if (isStaffRole(who.role) && !isWithinRegion(input.region, employerScope(who) ?? '-')) {
    throw invalid('region', '工作地点不在您的辖区内')
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  if (input.validUntil <= shanghaiDate(at)) throw invalid('validUntil', '有效期应晚于今天')
  const employer = v.employerId ? await deps.store.get(employers, v.employerId) : null
  const publishNow = !input.draft && reviewers(who) && employer?.status === 'verified'
  const status: VacancyStatus = input.draft ? 'draft' : publishNow ? 'published' : 'pending'
  const job: Job = {
    ...v,
    title: input.title,
    region: input.region,
    regionName: regionLabel(input.region) ?? input.region,
    address: input.address || employer?.address || v.address,
    category: input.category,
    salaryMin: input.salaryMin,
    salaryMax: input.salaryMax,
    headcount: input.count,
    education: input.education,
    experience: input.experience,
    description: input.description,
    requirements: input.requirements,
    benefits: input.benefits,
    contactName: input.contactName || v.contactName,
    // Not shown on the form when correcting: an empty field keeps the number given before.
    contactPhone: input.contactPhone || v.contactPhone,
    status,
    publishedAt: status === 'published' ? now : v.publishedAt,
    validUntil: new Date(Date.parse(`${input.validUntil}T23:59:59.999+08:00`)).toISOString(),
  }
  const saved = await deps.store.update(
    jobs,
    id,
    {
      ...job,
      keywords: jobKeywords(job),
      hours: input.hours,
      timeline: [
        ...(v.timeline ?? []),
        {
          at: now,
          status,
          by: actorLabel(who),
          reason: status === 'draft' ? '修改草稿' : v.status === 'rejected' ? '修改后重新提交' : '修改',
        },
      ],
      updatedAt: now,
    },
    // Nobody reviewed or changed it meanwhile.
    { expect: { status: v.status, updatedAt: v.updatedAt } },
  )
  if (!saved) throw new AppError('VACANCY.WRONG_STATUS')
  await recordAudit(deps.store, at, who, {
    action: 'vacancy.update',
    subject: id,
    result: 'ok',
    detail: { status },
  })
  return toVacancyView(saved)
}

/** Street/town or county staff publish a pending vacancy of a verified unit, or reject it with the reason. */
export const reviewVacancy = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: { decision: 'approve' | 'reject'; reason?: string },
): Promise<VacancyView> => {
  if (!reviewers(who)) throw new AppError('AUTH.FORBIDDEN', { message: '岗位由街道（镇）或县级人社部门审核' })
  const v = await findManaged(deps, who, id)
  if (v.status !== 'pending') throw new AppError('VACANCY.WRONG_STATUS')
  if (input.decision === 'approve') {
    const e = v.employerId ? await deps.store.get(employers, v.employerId) : null
    if (e && e.status !== 'verified') throw new AppError('EMPLOYER.NOT_VERIFIED')
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  if (input.decision === 'approve' && v.validUntil <= now)
    throw invalid('validUntil', '岗位已过有效期，请单位修改后重新提交')
  const status: VacancyStatus = input.decision === 'approve' ? 'published' : 'rejected'
  const saved = await deps.store.update(
    jobs,
    id,
    {
      status,
      ...(status === 'published' ? { publishedAt: now } : {}),
      updatedAt: now,
      timeline: [
        ...(v.timeline ?? []),
        { at: now, status, by: actorLabel(who), reason: input.reason ?? null },
      ],
    },
    { expect: { status: 'pending' } },
  )
  if (!saved) throw new AppError('VACANCY.WRONG_STATUS')
  await recordAudit(deps.store, at, who, { action: `vacancy.${input.decision}`, subject: id, result: 'ok' })
  await tellEmployer(
    deps,
    saved,
    status === 'published' ? `岗位「${v.title}」已发布` : `岗位「${v.title}」未通过审核`,
    input.reason ?? (status === 'published' ? '求职者现在可以在“岗位”中看到并应聘。' : ''),
    at,
  )
  return toVacancyView(saved)
}

/** What the employer (or staff) may do next from each status. */
const MOVES: Record<VacancyStatus, VacancyStatus[]> = {
  draft: ['pending'],
  rejected: ['pending'],
  pending: [],
  published: ['paused', 'filled'],
  paused: ['published', 'filled'],
  filled: [],
  expired: [],
}

export const changeVacancyStatus = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: { status: VacancyStatus; reason?: string },
): Promise<VacancyView> => {
  const v = await findManaged(deps, who, id)
  if (!MOVES[v.status].includes(input.status)) throw new AppError('VACANCY.WRONG_STATUS')
  const at = deps.clock.now()
  const now = at.toISOString()
  if ((input.status === 'published' || input.status === 'pending') && v.validUntil <= now) {
    throw invalid('status', '岗位已过有效期，不能再发布')
  }
  const saved = await deps.store.update(
    jobs,
    id,
    {
      status: input.status,
      updatedAt: now,
      timeline: [
        ...(v.timeline ?? []),
        { at: now, status: input.status, by: actorLabel(who), reason: input.reason ?? null },
      ],
    },
    { expect: { status: v.status } },
  )
  if (!saved) throw new AppError('VACANCY.WRONG_STATUS')
  await recordAudit(deps.store, at, who, { action: `vacancy.${input.status}`, subject: id, result: 'ok' })
  return toVacancyView(saved)
}

export const getVacancy = async (deps: Deps, who: Identity, id: string) =>
  toVacancyView(await findManaged(deps, who, id))

/**
 * An employer's own vacancies (every status, latest change first); for staff, the vacancies of
 * their region at one status (default: waiting for review, oldest first).
 */
export const listVacancies = async (
  deps: Deps,
  who: Identity,
  q: { status?: VacancyStatus; cursor?: string },
): Promise<Paged<VacancyView>> => {
  if (!isStaffRole(who.role)) {
    const mine = await employerOfAccount(deps, who)
    if (!mine) return { items: [], nextCursor: null }
    const where: Filter[] = [{ field: 'employerId', op: 'eq', value: mine.id }]
    const page = await deps.store.find(jobs, {
      where,
      orderBy: [{ field: 'updatedAt', dir: 'desc' }],
      limit: 20,
      cursor: q.cursor,
    })
    return {
      items: page.items.filter((v) => !q.status || v.status === q.status).map(toVacancyView),
      nextCursor: page.nextCursor,
    }
  }
  const scope = employerScope(who)
  if (!scope) throw new AppError('AUTH.FORBIDDEN')
  const status = q.status ?? 'pending'
  const page = await deps.store.find(jobs, {
    where: [
      { field: 'status', op: 'eq', value: status },
      { field: 'region', op: 'prefix', value: scope },
    ],
    orderBy: [{ field: 'updatedAt', dir: status === 'pending' ? 'asc' : 'desc' }],
    limit: 20,
    cursor: q.cursor,
  })
  return { items: page.items.map(toVacancyView), nextCursor: page.nextCursor }
}
