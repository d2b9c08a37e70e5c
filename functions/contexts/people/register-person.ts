import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { MeUpdate, PersonView } from '../../../shared/people/person'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { newId } from '../../platform/ids'
import { piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { persons } from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { recordAudit } from '../audit/record-audit'
import { assertCommunity, firstRecordNeeds, firstStatus, personFields } from './me'
import { toPersonView } from './person-mapper'

/**
 * Staff register a person on a home visit or during a census (入户调查、普查). The record has no
 * account until the resident binds it with the same ID number and name (see updateMe).
 */
export const registerPerson = async (deps: Deps, who: Identity, input: MeUpdate): Promise<PersonView> => {
  firstRecordNeeds(input)
  assertCommunity(input.community)
  if (!who.region || !isWithinRegion(input.community, who.region)) {
    throw new AppError('AUTH.FORBIDDEN', { message: '只能登记本辖区的居民' })
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  const cipher = piiCipher(deps.env)
  const record = {
    id: newId('psn', at),
    accountId: null,
    householdId: null,
    keyGroups: [],
    registration: null,
    policiesEnjoyed: [],
    enjoyments: [],
    createdAt: now,
    createdBy: `wx:${who.openid}`,
    // Recorded by staff on a visit: the status is theirs, confirmed.
    ...firstStatus(input),
    ...personFields(cipher, input, now),
  }
  try {
    await deps.store.insert(persons, record)
  } catch (err) {
    throw err instanceof DuplicateKeyError ? new AppError('PERSON.ID_TAKEN') : err
  }
  await recordAudit(deps.store, at, who, { action: 'person.register', subject: record.id, result: 'ok' })
  return toPersonView(record, cipher)
}
