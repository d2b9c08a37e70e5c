import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { PersonView } from '../../../shared/people/person'
import { piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { type PersonRecord, persons } from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { followStanding } from '../followups/who-is-followed'
import { identityInUse } from './me'
import { canSeePerson } from './person-access'
import { toPersonView } from './person-mapper'

/**
 * One person, for their owner or staff in scope. Viewing a person is a sensitive read and is
 * audited; a full ID number (or, for staff, the phone) is shown only on an explicit `reveal`,
 * audited as such.
 */
export const getPerson = async (
  deps: Deps,
  who: Identity,
  id: string,
  reveal: 'idNumber' | 'phone' | undefined,
): Promise<PersonView> => {
  const person = await deps.store.get(persons, id)
  const now = deps.clock.now()
  if (!person || !canSeePerson(who, person)) {
    await recordAudit(deps.store, now, who, { action: 'person.view', subject: id, result: 'refused' })
    throw new AppError('PERSON.NOT_FOUND')
  }
  await recordAudit(deps.store, now, who, {
    action:
      reveal === 'idNumber' ? 'person.reveal-id' : reveal === 'phone' ? 'person.reveal-phone' : 'person.view',
    subject: id,
    result: 'ok',
  })
  const view = toPersonView(person, piiCipher(deps.env), {
    reveal: reveal === 'idNumber',
    // The full phone is for staff who call the person (the owner knows their own number).
    revealPhone: reveal === 'phone' && isStaffRole(who.role),
  })
  const withLock = { ...view, identityLocked: await identityInUse(deps, person) }
  return isStaffRole(who.role)
    ? { ...withLock, followup: await followStanding(deps.store, person, now) }
    : withLock
}

/** A person as staff see them after a change they made: with whether they are followed. */
export const staffPersonView = async (deps: Deps, p: PersonRecord): Promise<PersonView> => ({
  ...toPersonView(p, piiCipher(deps.env)),
  followup: await followStanding(deps.store, p, deps.clock.now()),
})
