import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { isWithinRegion } from '../../../shared/regions/region-code'
import type { PersonRecord } from '../../store/collections'

/**
 * Who may see a person: the resident who owns the record, and staff whose region contains the
 * person's community. Everyone else is told the person does not exist (404, not 403), so
 * records cannot be discovered by probing ids.
 */
export const ownsPerson = (who: Identity, p: PersonRecord): boolean => p.accountId === `wx:${who.openid}`

export const staffCanSee = (who: Identity, p: PersonRecord): boolean =>
  isStaffRole(who.role) && who.region !== null && isWithinRegion(p.community, who.region)

export const canSeePerson = (who: Identity, p: PersonRecord): boolean =>
  ownsPerson(who, p) || staffCanSee(who, p)
