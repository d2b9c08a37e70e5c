import { KEY_GROUPS, type PersonView } from '../../../shared/people/person'
import type { PiiCipher } from '../../platform/pii-crypto'
import type { PersonRecord } from '../../store/collections'
import { regionLabel } from '../regions/region-directory'

/**
 * Whitelist mapper from the record to what a caller may see. The ID number is masked unless
 * the caller is entitled to it and asked for it explicitly (`reveal`); the phone is always
 * masked here — the full phone is for the people who call it, through their own views.
 */
export const toPersonView = (
  r: PersonRecord,
  cipher: PiiCipher,
  opts: { reveal?: boolean } = {},
): PersonView => ({
  id: r.id,
  name: r.name,
  idNumber: opts.reveal ? cipher.decrypt(r.idNumberSealed) : r.idNumberMasked,
  idNumberMasked: !opts.reveal,
  phone: r.phoneMasked,
  gender: r.gender,
  birthDate: r.birthDate,
  community: r.community,
  communityName: regionLabel(r.community),
  employmentStatus: r.employmentStatus,
  employmentSince: r.employmentSince,
  skills: r.skills,
  jobWishes: r.jobWishes,
  family: r.family,
  policiesEnjoyed: r.policiesEnjoyed,
  keyGroups: r.keyGroups.map((g) => ({ group: g.group, label: KEY_GROUPS[g.group], since: g.since })),
  registration: r.registration,
  householdId: r.householdId,
  updatedAt: r.updatedAt,
})
