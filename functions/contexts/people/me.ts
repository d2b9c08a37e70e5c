import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { idNumberFacts, maskIdNumber, maskMobile } from '../../../shared/people/identity-numbers'
import type { MeBind, MeUpdate, PersonView, PhoneStep } from '../../../shared/people/person'
import { newId } from '../../platform/ids'
import { type PiiCipher, piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { applications, cards, type PersonRecord, persons } from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { moveOpenApplications } from '../applications/follow-applicant'
import { recordAudit } from '../audit/record-audit'
import { findRegion, HOME_COUNTY } from '../regions/region-directory'
import { toPersonView } from './person-mapper'
import { CODE_TTL_SECONDS, checkPhoneCode, sendPhoneCode } from './phone-proof'

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
  return {
    ...toPersonView(me, piiCipher(deps.env), { reveal }),
    identityLocked: await identityInUse(deps, me),
  }
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

/** Name and ID number are in use once anything was done with them: an application, a card, a group. */
export const identityInUse = async (deps: Deps, p: PersonRecord): Promise<boolean> => {
  if (p.registration || p.keyGroups.length || (p.enjoyments ?? []).length) return true
  const one = {
    where: [{ field: 'personId', op: 'eq' as const, value: p.id }],
    orderBy: [],
    limit: 1,
    fields: [],
  }
  if ((await deps.store.find(applications, one)).items.length) return true
  return (await deps.store.find(cards, one)).items.length > 0
}

/**
 * Who must prove what for a first registration: the holder of the phone on record when the ID
 * number is already in the registry (only its owner has that phone), else the phone typed.
 */
const proofFor = (cipher: PiiCipher, idHash: string, input: MeUpdate, existing: PersonRecord | undefined) => {
  const phone = existing ? (existing.phoneSealed ? cipher.decrypt(existing.phoneSealed) : null) : input.phone!
  return { idHash, phone, phoneHash: phone ? cipher.lookupHash('phone', phone) : 'none' }
}

export const byIdHash = async (deps: Deps, idHash: string) =>
  (
    await deps.store.find(persons, {
      where: [{ field: 'idHash', op: 'eq', value: idHash }],
      orderBy: [],
      limit: 1,
    })
  ).items[0]

/**
 * Bind or correct the caller's own record.
 *
 * A first bind proves the phone: without a code it sends one and answers `verify_phone`; with
 * the code it creates the record or claims the one a coordinator registered on a home visit.
 * The answer to the first step is the same whether the ID number is in the registry or not, and
 * nothing staff recorded is shown before the proof. A correction may change contact and wishes;
 * name and ID number only while nothing has been done with them (after that, staff correct them).
 * Key groups and registration are never set here: they come from certification or staff.
 */
export const updateMe = async (deps: Deps, who: Identity, input: MeBind): Promise<PersonView | PhoneStep> => {
  assertCommunity(input.community)
  const cipher = piiCipher(deps.env)
  const now = deps.clock.now().toISOString()
  const mine = await findMyPerson(deps, who)
  if (!mine) firstRecordNeeds(input)
  const fields = personFields(cipher, input, now, mine ?? undefined)
  const idHash = fields.idHash
  let saved: PersonRecord | null
  if (mine) {
    const rewrites = fields.name !== mine.name || idHash !== mine.idHash
    if (rewrites && (await identityInUse(deps, mine))) {
      await recordAudit(deps.store, deps.clock.now(), who, {
        action: 'person.update',
        subject: mine.id,
        result: 'refused',
        detail: { why: 'identity-locked' },
      })
      throw new AppError('PERSON.IDENTITY_LOCKED')
    }
    saved = await deps.store
      .update(persons, mine.id, { ...fields, ...reportedStatus(mine, input, now) })
      .catch((err) => {
        throw err instanceof DuplicateKeyError ? new AppError('PERSON.ID_TAKEN') : err
      })
  } else {
    const existing = await byIdHash(deps, idHash)
    const proof = proofFor(cipher, idHash, input, existing)
    if (!input.phoneCode) {
      await sendPhoneCode(deps, who, proof)
      return {
        step: 'verify_phone',
        phoneMasked: maskMobile(input.phone!),
        expiresInSeconds: CODE_TTL_SECONDS,
        // Depends on the deployment only, never on the ID number: the answer stays uniform.
        delivery: deps.sms ? 'sms' : 'unavailable',
      }
    }
    if (!(await checkPhoneCode(deps, who, proof, input.phoneCode))) {
      await recordAudit(deps.store, deps.clock.now(), who, {
        action: 'person.bind',
        subject: `wx:${who.openid}`,
        result: 'refused',
        detail: { why: 'phone-code' },
      })
      throw new AppError('PERSON.PHONE_CODE_INVALID')
    }
    return bindProven(deps, who, input, existing)
  }
  if (!saved) throw new AppError('STORE.CONFLICT')
  await moveOpenApplications(deps.store, saved.id, saved.community, deps.clock.now())
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'person.update',
    subject: saved.id,
    result: 'ok',
  })
  return { ...toPersonView(saved, cipher), identityLocked: await identityInUse(deps, saved) }
}

/**
 * The first bind once the identity is proven (the phone code, a coordinator's confirmation, or
 * the demo seed, which is trusted data): create the record or claim the staff-registered one.
 */
export const bindProven = async (
  deps: Deps,
  who: Identity,
  input: MeUpdate,
  existing?: PersonRecord,
): Promise<PersonView> => {
  const cipher = piiCipher(deps.env)
  const now = deps.clock.now().toISOString()
  const fields = personFields(cipher, input, now)
  const found = existing ?? (await byIdHash(deps, fields.idHash))
  const saved = await claimOrCreate(deps, who, input, fields, fields.idHash, now, found)
  if (!saved) throw new AppError('STORE.CONFLICT')
  await moveOpenApplications(deps.store, saved.id, saved.community, deps.clock.now())
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'person.bind',
    subject: saved.id,
    result: 'ok',
  })
  return { ...toPersonView(saved, cipher), identityLocked: await identityInUse(deps, saved) }
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

/**
 * Create the caller's record, or claim the staff-registered one with this ID number. Reached
 * only with proof (the phone on record, or a coordinator's confirmation), so it may say why a
 * claim can't go ahead.
 */
export const claimOrCreate = async (
  deps: Deps,
  who: Identity,
  input: MeUpdate,
  fields: PersonFields,
  idHash: string,
  now: string,
  existing: PersonRecord | undefined,
): Promise<PersonRecord | null> => {
  if (existing) {
    // A staff-registered record is claimed by the resident it describes: same ID and name.
    if (existing.accountId !== null) throw new AppError('PERSON.ID_TAKEN')
    if (existing.name !== fields.name) throw new AppError('PERSON.NAME_MISMATCH')
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
