import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { HouseholdView } from '../../../shared/people/person'
import { newId } from '../../platform/ids'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type PersonRecord, persons, placementCases } from '../../store/collections'
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
  // Adding to a household keeps it (its id, its open case): the one most members already share.
  const shared = new Map<string, number>()
  for (const m of members) if (m.householdId) shared.set(m.householdId, (shared.get(m.householdId) ?? 0) + 1)
  const householdId = [...shared.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? newId('hh', at)
  const left = [...shared.keys()].filter((h) => h !== householdId)
  await deps.store.transaction(async (tx) => {
    for (const m of members)
      if (m.householdId !== householdId)
        await tx.update(persons, m.id, { householdId, updatedAt: at.toISOString() })
  })
  // An open placement case lists the household as it now is (here, and where someone moved from).
  for (const h of [householdId, ...left]) await refreshCaseMembers(deps, h)
  await recordAudit(deps.store, at, who, {
    action: 'household.link',
    subject: householdId,
    result: 'ok',
    detail: { members: members.length },
  })
  await watchHousehold(deps, householdId, at)
  return getHousehold(deps, who, householdId)
}

const refreshCaseMembers = async (deps: Deps, householdId: string) => {
  const open = await deps.store.find(placementCases, {
    where: [
      { field: 'householdId', op: 'eq', value: householdId },
      { field: 'status', op: 'eq', value: 'open' },
    ],
    orderBy: [],
    limit: 5,
  })
  if (!open.items.length) return
  const members = await deps.store.find(persons, {
    where: [{ field: 'householdId', op: 'eq', value: householdId }],
    orderBy: [],
    limit: 30,
  })
  const ids = members.items.map((p) => p.id)
  for (const c of open.items)
    if (ids.length && ids.join() !== c.personIds.join())
      await deps.store.update(placementCases, c.id, { personIds: ids }, { expect: { status: 'open' } })
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
