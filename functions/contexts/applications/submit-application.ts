import { createHash } from 'node:crypto'
import {
  APPLICATION_TYPES,
  type ApplicationStatus,
  type ApplicationType,
  type ApplicationView,
  type ConsentInput,
} from '../../../shared/applications/application-types'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError, type FieldIssue } from '../../../shared/errors'
import type { Deps } from '../../runtime/deps'
import {
  type ApplicationRecord,
  applicationLocks,
  applications,
  type PersonRecord,
  persons,
} from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { recordAudit } from '../audit/record-audit'
import { resolveMaterials } from '../files/files'
import { notifierFor } from '../inbox/notifier'
import { findMyPerson } from '../people/me'
import { staffCanSee } from '../people/person-access'
import { loadCatalogue } from '../policies/catalogue'
import { markReach } from '../policies/policy-reach'
import { checkSubsidyOverlap, policiesFor } from '../policies/subsidy-overlap'
import { actorLabel, toApplicationView } from './application-mapper'

export interface SubmitInput {
  type: ApplicationType
  data: Record<string, unknown>
  idempotencyKey: string
  personId?: string
  materials?: { key: string; fileId: string }[]
  /** The policy the resident came from (the 政策 page's 去申请). */
  policyId?: string
  /** How the resident agreed, when staff file for them. */
  consent?: ConsentInput
}

/** The id follows from who applies and the client's key, so a retried submit finds the first. */
const applicationId = (personId: string, key: string) =>
  `app_${createHash('sha256').update(`${personId}:${key}`).digest('hex').slice(0, 24)}`

export const lockId = (personId: string, type: ApplicationType) => `${personId}:${type}`

const applicantFor = async (deps: Deps, who: Identity, personId?: string): Promise<PersonRecord> => {
  if (!isStaffRole(who.role) || !personId) {
    const me = await findMyPerson(deps, who)
    if (!me) throw new AppError('PERSON.NOT_REGISTERED')
    if (personId && personId !== me.id) throw new AppError('PERSON.NOT_FOUND')
    return me
  }
  // Staff filing on a resident's behalf: only for people in their region.
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  return person
}

const parseForm = (type: ApplicationType, data: Record<string, unknown>): Record<string, unknown> => {
  const result = APPLICATION_TYPES[type].form.safeParse(data)
  if (result.success) return result.data as Record<string, unknown>
  const issues: FieldIssue[] = result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ field: `data.${k}`, message: `不支持的字段 ${k}` }))
      : [{ field: ['data', ...i.path.map(String)].join('.'), message: i.message }],
  )
  throw new AppError('REQUEST.INVALID', {
    message: `请求参数有误：${issues.map((i) => i.field).join('、')}`,
    issues,
  })
}

/**
 * Submit an application. Idempotent per (applicant, idempotencyKey); one open application per
 * person and type. Types that need a registration certificate wait for the applicant's
 * unemployment registration first (Xinjiang 2010: 对未进行失业登记的，要首先进行失业登记).
 */
export const submitApplication = async (
  deps: Deps,
  who: Identity,
  input: SubmitInput,
): Promise<{ created: boolean; view: ApplicationView }> => {
  const person = await applicantFor(deps, who, input.personId)
  const forSomeoneElse = isStaffRole(who.role) && person.accountId !== `wx:${who.openid}`
  // 代为申请: staff file only with the resident's agreement, recorded with the application.
  if (forSomeoneElse && !input.consent) {
    throw new AppError('REQUEST.INVALID', {
      message: '代为申请须记录本人同意的方式',
      issues: [{ field: 'consent', message: '代为申请须记录本人同意的方式' }],
    })
  }
  const id = applicationId(person.id, input.idempotencyKey)
  const existing = await deps.store.get(applications, id)
  if (existing) {
    if (existing.type !== input.type) throw new AppError('APPLICATION.IDEMPOTENCY_CONFLICT')
    return { created: false, view: toApplicationView(existing) }
  }
  // Registered and still unemployed: the certificate they hold is the registration.
  if (
    input.type === 'unemployment_registration' &&
    person.registration &&
    person.keyGroups.some((g) => g.group === 'registered_unemployed')
  ) {
    throw new AppError('APPLICATION.ALREADY_REGISTERED', {
      message: `${forSomeoneElse ? `${person.name}` : '您'}已办理失业登记（登记证号 ${person.registration.certificateNo}），无需重复申请`,
    })
  }
  const data = parseForm(input.type, input.data)
  // Subsidies that exclude each other are refused now, with the reason, not by a reviewer later.
  await checkSubsidyOverlap(deps, person, input.type, data, input.policyId)
  const leadsHere = policiesFor(await loadCatalogue(deps.store), input.type, input.policyId)
  const spec = APPLICATION_TYPES[input.type]
  const materials = await resolveMaterials(
    deps,
    person.id,
    spec.materials.map((m) => m.key),
    input.materials ?? [],
  )
  const now = deps.clock.now().toISOString()
  const waiting = spec.needsRegistration && !person.registration
  const status: ApplicationStatus = waiting ? 'waiting_registration' : spec.chain[0]!
  const record: ApplicationRecord = {
    id,
    personId: person.id,
    type: input.type,
    status,
    version: 1,
    chain: [...spec.chain],
    data,
    community: person.community,
    applicantName: person.name,
    idempotencyKey: input.idempotencyKey,
    policyId: leadsHere[0]?.id ?? null,
    submittedBy: `wx:${who.openid}`,
    onBehalf:
      forSomeoneElse && input.consent
        ? { by: actorLabel(who), method: input.consent.method, note: input.consent.note, at: now }
        : null,
    timeline: [
      {
        at: now,
        action: 'submitted',
        status,
        actor: forSomeoneElse ? `${actorLabel(who)}代办` : '申请人',
      },
      ...(waiting
        ? [
            {
              at: now,
              action: 'routed' as const,
              status,
              actor: '系统',
              reason: '尚未办理失业登记：请先申请失业登记，登记通过后本申请自动进入社区初审',
            },
          ]
        : []),
    ],
    noticeStartedAt: null,
    noticeEndsAt: null,
    objections: [],
    materials,
    result: null,
    createdAt: now,
    updatedAt: now,
  }

  try {
    await deps.store.transaction(async (tx) => {
      await tx.insert(applicationLocks, { id: lockId(person.id, input.type), applicationId: id })
      await tx.insert(applications, record)
    })
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err
    // A concurrent retry of this very submit won the race: answer with its application.
    const raced = await deps.store.get(applications, id)
    if (raced && raced.type !== input.type) throw new AppError('APPLICATION.IDEMPOTENCY_CONFLICT')
    if (raced) return { created: false, view: toApplicationView(raced) }
    const lock = await deps.store.get(applicationLocks, lockId(person.id, input.type))
    throw new AppError('APPLICATION.ALREADY_OPEN', {
      message: `${forSomeoneElse ? person.name : '您'}已有一个「${spec.label}」申请正在办理中，请勿重复提交`,
      cause: lock?.applicationId,
    })
  }
  // The policies this leads to have now reached the applicant as far as "applied".
  await markReach(
    deps.store,
    leadsHere.map((p) => p.id),
    person.id,
    'appliedAt',
    deps.clock.now(),
  )
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'application.submit',
    subject: id,
    result: 'ok',
    detail: { type: input.type, personId: person.id },
  })
  // The resident hears of it at once — above all when someone else filed it for them.
  await (await notifierFor(deps)).notify(
    `psn:${person.id}`,
    {
      title: record.onBehalf
        ? `${record.onBehalf.by}已为您代为提交「${spec.label}」申请`
        : `已收到您的「${spec.label}」申请`,
      body: waiting
        ? '待失业登记办结后转入审核'
        : '社区将进行初审，请留意办理进度；未上传的材料请携带原件到社区核验',
      applicationId: id,
    },
    deps.clock.now(),
  )
  return { created: true, view: toApplicationView(record) }
}
