import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { EMPLOYMENT_STATUSES, type PersonSummary } from '../../../shared/people/person'
import { ageOnDate } from '../../../shared/people/working-age'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type PersonRecord, persons } from '../../store/collections'
import type { Filter } from '../../store/port'
import { regionLabel } from '../regions/region-directory'

export const toPersonSummary = (p: PersonRecord, today: string): PersonSummary => ({
  id: p.id,
  name: p.name,
  idNumberMasked: p.idNumberMasked,
  gender: p.gender,
  age: ageOnDate(p.birthDate, today),
  community: p.community,
  communityName: regionLabel(p.community),
  employmentStatus: p.employmentStatus,
  employmentLabel: EMPLOYMENT_STATUSES[p.employmentStatus],
  householdId: p.householdId,
  bound: p.accountId !== null,
})

/**
 * Staff find a resident of their region by name (to open the card, add a household member, or
 * check before registering someone new on a visit). Masked ID numbers only.
 */
export const searchPeople = async (
  deps: Deps,
  who: Identity,
  q: { q?: string; cursor?: string },
): Promise<{ items: PersonSummary[]; nextCursor: string | null }> => {
  if (!who.region) throw new AppError('AUTH.FORBIDDEN')
  const where: Filter[] = [{ field: 'community', op: 'prefix', value: who.region }]
  if (q.q) where.push({ field: 'name', op: 'contains', value: q.q })
  const page = await deps.store.find(persons, {
    where,
    orderBy: [{ field: 'name', dir: 'asc' }],
    limit: 20,
    cursor: q.cursor,
  })
  const today = shanghaiDate(deps.clock.now())
  return { items: page.items.map((p) => toPersonSummary(p, today)), nextCursor: page.nextCursor }
}
