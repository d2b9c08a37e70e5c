import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { idNumberFacts, maskIdNumber } from '../../../shared/people/identity-numbers'
import type { IdentityCorrection, PersonView } from '../../../shared/people/person'
import { piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { persons } from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { recordAudit } from '../audit/record-audit'
import { notifierFor } from '../inbox/notifier'
import { identityInUse } from './me'
import { staffCanSee } from './person-access'
import { toPersonView } from './person-mapper'
import { changePerson } from './update-person'

/**
 * 更正身份信息: once a name and an ID number are in use, only staff of the person's region change
 * them, having seen the ID card, with the reason on record (audited with what changed) and the
 * person told. Certificates and cards keep their numbers; they belong to the same person.
 */
export const correctIdentity = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: IdentityCorrection,
): Promise<PersonView> => {
  const person = await deps.store.get(persons, personId)
  const at = deps.clock.now()
  if (!person || !staffCanSee(who, person)) {
    await recordAudit(deps.store, at, who, {
      action: 'person.identity-correct',
      subject: personId,
      result: 'refused',
    })
    throw new AppError('PERSON.NOT_FOUND')
  }
  const cipher = piiCipher(deps.env)
  const idHash = input.idNumber ? cipher.lookupHash('id', input.idNumber) : person.idHash
  const changed = [
    ...(input.name !== person.name ? ['name'] : []),
    ...(idHash !== person.idHash ? ['idNumber'] : []),
  ]
  if (!changed.length)
    throw new AppError('REQUEST.INVALID', {
      message: '姓名和身份证号都没有变化',
      issues: [{ field: 'name', message: '姓名和身份证号都没有变化' }],
    })
  const saved = await changePerson(deps.store, personId, () => ({
    name: input.name,
    ...(input.idNumber && idHash !== person.idHash
      ? {
          idNumberSealed: cipher.encrypt(input.idNumber),
          idHash,
          idNumberMasked: maskIdNumber(input.idNumber),
          gender: idNumberFacts(input.idNumber).gender,
          birthDate: idNumberFacts(input.idNumber).birthDate,
        }
      : {}),
    updatedAt: at.toISOString(),
  })).catch((err) => {
    throw err instanceof DuplicateKeyError ? new AppError('PERSON.ID_TAKEN') : err
  })
  await recordAudit(deps.store, at, who, {
    action: 'person.identity-correct',
    subject: personId,
    result: 'ok',
    detail: { fields: changed.join(','), reason: input.reason },
  })
  await (await notifierFor(deps)).notify(
    `psn:${personId}`,
    {
      title: '您的实名信息已由社区更正',
      body: `更正了${changed.map((f) => (f === 'name' ? '姓名' : '身份证号')).join('和')}：${input.reason}`,
    },
    at,
  )
  return { ...toPersonView(saved, cipher), identityLocked: await identityInUse(deps, saved) }
}
