import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { idNumberFacts, maskIdNumber, maskMobile } from '../../../shared/people/identity-numbers'
import type { MeUpdate, PersonView } from '../../../shared/people/person'
import { newId } from '../../platform/ids'
import { type PiiCipher, piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { type PersonRecord, persons } from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { moveOpenApplications } from '../applications/follow-applicant'
import { recordAudit } from '../audit/record-audit'
import { findRegion, HOME_COUNTY } from '../regions/region-directory'
import { toPersonView } from './person-mapper'

const accountOf = (who: Identity) => `wx:${who.openid}`

export const findMyPerson = async (deps: Deps, who: Identity): Promise<PersonRecord | null> => {
  const page = await deps.store.find(persons, {
    where: [{ field: 'accountId', op: 'eq', value: accountOf(who) }],
    orderBy: [],
    limit: 1,
  })
  return page.items[0] ?? null
}

/** The caller's own record; `reveal` shows their full ID number once, and leaves a trace. */
export const getMe = async (deps: Deps, who: Identity, reveal: boolean): Promise<PersonView> => {
  const me = await findMyPerson(deps, who)
  if (!me) throw new AppError('PERSON.NOT_REGISTERED')
  if (reveal) {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'person.reveal-id',
      subject: me.id,
      result: 'ok',
    })
  }
  return toPersonView(me, piiCipher(deps.env), { reveal })
}

/**
 * The stored form of what a resident (or staff on their behalf) filled in: identity and contact
 * sealed and masked, wishes and skills. Employment status, key groups and benefits are not here:
 * they have their own rules (see updateMe, key-groups.ts, enjoyments.ts).
 */
export const personFields = (
  cipher: PiiCipher,
  input: MeUpdate,
  now: string,
  current?: PersonRecord,
): PersonFields => {
  const idNumber = input.idNumber
  const phone = input.phone
  // Left out of a correction: keep what is stored (firstRecordNeeds has refused it otherwise).
  const identity = idNumber
    ? {
        idNumberSealed: cipher.encrypt(idNumber),
        idHash: cipher.lookupHash('id', idNumber),
        idNumberMasked: maskIdNumber(idNumber),
        gender: idNumberFacts(idNumber).gender,
        birthDate: idNumberFacts(idNumber).birthDate,
      }
    : {
        idNumberSealed: current!.idNumberSealed,
        idHash: current!.idHash,
        idNumberMasked: current!.idNumberMasked,
        gender: current!.gender,
        birthDate: current!.birthDate,
      }
  const contact = phone
    ? { phoneSealed: cipher.encrypt(phone), phoneMasked: maskMobile(phone) }
    : { phoneSealed: current!.phoneSealed, phoneMasked: current!.phoneMasked }
  return {
    name: input.name,
    ...identity,
    ...contact,
    community: input.community,
    skills: input.skills ?? [],
    jobWishes: {
      occupations: input.jobWishes?.occupations ?? [],
      places: input.jobWishes?.places ?? [],
      expectedPay: input.jobWishes?.expectedPay ?? null,
    },
    trainingWish: {
      wants: input.trainingWish?.wants ?? null,
      courses: input.trainingWish?.courses ?? [],
    },
    hukou: input.hukou ?? null,
    family: {
      householdSize: input.family?.householdSize ?? null,
      situation: input.family?.situation ?? null,
    },
    updatedAt: now,
  }
}

/** The status as first reported, when a record is created (there is nothing to confirm yet). */
export const firstStatus = (input: MeUpdate) => ({
  employmentStatus: input.employmentStatus,
  employmentSince: input.employmentSince ?? null,
  reportedEmployment: null,
})

/**
 * A resident's later report of their employment status is recorded as reported; the confirmed
 * status (which the follow-up cadence follows) changes only when a follow-up confirms it.
 */
const reportedStatus = (current: PersonRecord, input: MeUpdate, now: string) => {
  const since = input.employmentSince ?? null
  const same = input.employmentStatus === current.employmentStatus && since === current.employmentSince
  return { reportedEmployment: same ? null : { status: input.employmentStatus, since, at: now } }
}

/** A new record needs the ID number and the phone; a correction may leave them out. */
export const firstRecordNeeds = (input: MeUpdate) => {
  const issues = [
    ...(input.idNumber ? [] : [{ field: 'idNumber', message: '请填写身份证号' }]),
    ...(input.phone ? [] : [{ field: 'phone', message: '请填写手机号' }]),
  ]
  if (issues.length) {
    throw new AppError('REQUEST.INVALID', {
      message: `请求参数有误：${issues.map((i) => i.field).join('、')}`,
      issues,
    })
  }
}

export const assertCommunity = (community: string) => {
  const region = findRegion(community)
  if (region?.level !== 'community' || !community.startsWith(HOME_COUNTY)) {
    throw new AppError('REQUEST.INVALID', {
      message: '请求参数有误：community',
      issues: [{ field: 'community', message: '所选社区/村不在本系统服务范围内' }],
    })
  }
}

/**
 * Bind or correct the caller's own record. The first bind either creates the record or, when
 * a coordinator registered the same ID number and name on a home visit, claims that record.
 * Key groups and registration are never set here: they come from certification or staff.
 */
export const updateMe = async (deps: Deps, who: Identity, input: MeUpdate): Promise<PersonView> => {
  assertCommunity(input.community)
  const cipher = piiCipher(deps.env)
  const now = deps.clock.now().toISOString()
  const mine = await findMyPerson(deps, who)
  if (!mine) firstRecordNeeds(input)
  const fields = personFields(cipher, input, now, mine ?? undefined)
  const idHash = fields.idHash
  let saved: PersonRecord | null
  if (mine) {
    saved = await deps.store
      .update(persons, mine.id, { ...fields, ...reportedStatus(mine, input, now) })
      .catch((err) => {
        throw err instanceof DuplicateKeyError ? new AppError('PERSON.ID_TAKEN') : err
      })
  } else {
    saved = await claimOrCreate(deps, who, input, fields, idHash, now)
  }
  if (!saved) throw new AppError('STORE.CONFLICT')
  await moveOpenApplications(deps.store, saved.id, saved.community, deps.clock.now())
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: mine ? 'person.update' : 'person.bind',
    subject: saved.id,
    result: 'ok',
  })
  return toPersonView(saved, cipher)
}

export type PersonFields = Omit<
  PersonRecord,
  | 'id'
  | 'accountId'
  | 'householdId'
  | 'keyGroups'
  | 'registration'
  | 'createdAt'
  | 'createdBy'
  | 'employmentStatus'
  | 'employmentSince'
  | 'policiesEnjoyed'
>

const claimOrCreate = async (
  deps: Deps,
  who: Identity,
  input: MeUpdate,
  fields: PersonFields,
  idHash: string,
  now: string,
): Promise<PersonRecord | null> => {
  const existing = (
    await deps.store.find(persons, {
      where: [{ field: 'idHash', op: 'eq', value: idHash }],
      orderBy: [],
      limit: 1,
    })
  ).items[0]
  if (existing) {
    // A staff-registered record is claimed by the resident it describes: same ID and name.
    if (existing.accountId !== null || existing.name !== fields.name) throw new AppError('PERSON.ID_TAKEN')
    // The coordinator's record of employment stands; the resident's differing answer is a report.
    // What the resident left out keeps what the coordinator learned on the visit (五清).
    // (The profile form sends every field, empty ones as [] or null: empty keeps the visit's.)
    const wishes = fields.jobWishes
    const kept = {
      skills: fields.skills.length ? fields.skills : existing.skills,
      jobWishes:
        wishes.occupations.length || wishes.places.length || wishes.expectedPay !== null
          ? wishes
          : existing.jobWishes,
      trainingWish:
        fields.trainingWish && (fields.trainingWish.wants !== null || fields.trainingWish.courses.length)
          ? fields.trainingWish
          : (existing.trainingWish ?? fields.trainingWish),
      hukou: fields.hukou ?? existing.hukou ?? null,
      family:
        fields.family.householdSize !== null || fields.family.situation !== null
          ? fields.family
          : existing.family,
    }
    return deps.store.update(
      persons,
      existing.id,
      { ...fields, ...kept, ...reportedStatus(existing, input, now), accountId: accountOf(who) },
      { expect: { accountId: null } },
    )
  }
  const record: PersonRecord = {
    id: newId('psn', deps.clock.now()),
    accountId: accountOf(who),
    householdId: null,
    keyGroups: [],
    registration: null,
    policiesEnjoyed: [],
    enjoyments: [],
    createdAt: now,
    createdBy: accountOf(who),
    ...firstStatus(input),
    ...fields,
  }
  try {
    return await deps.store.insert(persons, record)
  } catch (err) {
    if (!(err instanceof DuplicateKeyError)) throw err
    // Same account binding twice at once (a retried save): answer with the one that won.
    const mine = await findMyPerson(deps, who)
    if (mine && mine.idHash === idHash) return mine
    throw new AppError('PERSON.ID_TAKEN')
  }
}
