import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { HouseholdView } from '../../../shared/people/person'
import { newId } from '../../platform/ids'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type PersonRecord, persons } from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { watchHousehold } from '../placement/placement-cases'
import { countySettingsFor } from '../regions/county-settings'
import { householdStanding } from './household-rule'
import { staffCanSee } from './person-access'
import { toPersonSummary } from './search-people'

const loadInScope = async (deps: Deps, who: Identity, ids: string[]): Promise<PersonRecord[]> => {
  const found: PersonRecord[] = []
  for (const id of ids) {
    const p = await deps.store.get(persons, id)
    if (!p || !staffCanSee(who, p)) throw new AppError('PERSON.NOT_FOUND')
    found.push(p)
  }
  return found
}

/**
 * Link persons into one household (for zero-employment detection: DOMAIN.md). Members must be
 * people the coordinator can see, in one community; anyone already in a household moves.
 */
export const linkHousehold = async (
  deps: Deps,
  who: Identity,
  memberIds: string[],
): Promise<HouseholdView> => {
  const members = await loadInScope(deps, who, [...new Set(memberIds)])
  if (new Set(members.map((m) => m.community)).size > 1) {
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'members', message: '家庭成员应在同一社区/村' }],
    })
  }
  const at = deps.clock.now()
  const householdId = newId('hh', at)
  await deps.store.transaction(async (tx) => {
    for (const m of members) await tx.update(persons, m.id, { householdId, updatedAt: at.toISOString() })
  })
  await recordAudit(deps.store, at, who, {
    action: 'household.link',
    subject: householdId,
    result: 'ok',
    detail: { members: members.length },
  })
  await watchHousehold(deps, householdId, at)
  return getHousehold(deps, who, householdId)
}

export const getHousehold = async (deps: Deps, who: Identity, id: string): Promise<HouseholdView> => {
  const page = await deps.store.find(persons, {
    where: [{ field: 'householdId', op: 'eq', value: id }],
    orderBy: [],
    limit: 30,
  })
  const visible = page.items.filter((p) => staffCanSee(who, p) || p.accountId === `wx:${who.openid}`)
  if (!visible.length) throw new AppError('HOUSEHOLD.NOT_FOUND')
  const today = shanghaiDate(deps.clock.now())
  const { workingAge } = await countySettingsFor(deps.store, visible[0]!.community)
  // The test is on the whole household, as the zero-employment watch sees it.
  const whole = householdStanding(page.items, today, workingAge)
  const standing = householdStanding(visible, today, workingAge).standings
  return {
    id,
    zeroEmployment: whole.zeroEmployment,
    rural: whole.rural,
    members: visible.map((p, i) => ({
      ...toPersonSummary(p, today),
      counted: standing[i]!.counted,
      label: standing[i]!.label,
    })),
  }
}
