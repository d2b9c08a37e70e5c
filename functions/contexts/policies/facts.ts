import type { WorkingAge } from '../../../shared/people/working-age'
import type { Facts } from '../../../shared/policies/rules'
import { shanghaiDate } from '../../platform/time'
import {
  type CardRecord,
  cards,
  type EnjoymentRecord,
  type PersonRecord,
  persons,
} from '../../store/collections'
import type { Store } from '../../store/port'
import { findAll } from '../../store/scan'
import { isZeroEmployment } from '../people/household-rule'
import { countySettingsCache } from '../regions/county-settings'

/**
 * The facts a policy rule is evaluated on, from the registry. The household and the card are
 * read alongside the person; `factsForPage` reads them for a whole page of persons with two
 * queries, so evaluating 100,000 residents costs a few thousand queries, not hundreds of
 * thousands.
 */

/** Cards that still prove their holder is an assistance target (Xinjiang card rules §10–11). */
const VALID_CARD: CardRecord['status'][] = ['active', 'kept_by_employer', 'kept_by_holder']

export const activeEnjoyments = (p: PersonRecord, today: string): EnjoymentRecord[] => {
  const month = today.slice(0, 7)
  return (p.enjoyments ?? []).filter((e) => e.from <= month && (e.to === null || e.to >= month))
}

export interface PersonContext {
  household: PersonRecord[]
  hasCard: boolean
  /** The county's working-age bounds (the defaults when it set none). */
  workingAge?: WorkingAge
}

export const buildFacts = (p: PersonRecord, ctx: PersonContext, at: Date): Facts => {
  const today = shanghaiDate(at)
  const reported = p.reportedEmployment ?? null
  return {
    today,
    gender: p.gender,
    birthDate: p.birthDate,
    community: p.community,
    keyGroups: p.keyGroups.map((g) => g.group),
    pendingGroups: (p.keyGroupClaims ?? []).map((c) => c.group),
    employmentStatus: p.employmentStatus,
    employmentSince: p.employmentSince,
    reportedStatus: reported && reported.status !== p.employmentStatus ? reported.status : null,
    hukou: p.hukou ?? null,
    // Only a linked household can be a zero-employment household: coordinators identify them.
    zeroEmploymentHousehold: p.householdId !== null && isZeroEmployment(ctx.household, today, ctx.workingAge),
    registration: p.registration !== null,
    assistanceCard: ctx.hasCard,
    enjoying: activeEnjoyments(p, today).map((e) => ({
      policyId: e.policyId,
      applicationType: e.applicationType,
    })),
    publicWelfarePost: Boolean(p.publicWelfarePost),
    trainingWish: p.trainingWish?.wants ?? null,
  }
}

const householdOf = async (store: Store, householdIds: string[]): Promise<Map<string, PersonRecord[]>> => {
  const out = new Map<string, PersonRecord[]>()
  if (!householdIds.length) return out
  for (const m of await findAll(store, persons, {
    where: [{ field: 'householdId', op: 'in', value: householdIds }],
    orderBy: [{ field: 'householdId', dir: 'asc' }],
  })) {
    const list = out.get(m.householdId!) ?? []
    list.push(m)
    out.set(m.householdId!, list)
  }
  return out
}

const cardHolders = async (store: Store, personIds: string[]): Promise<Set<string>> => {
  if (!personIds.length) return new Set()
  const held = await findAll(store, cards, {
    where: [
      { field: 'personId', op: 'in', value: personIds },
      { field: 'status', op: 'in', value: VALID_CARD },
    ],
    orderBy: [{ field: 'personId', dir: 'asc' }],
  })
  return new Set(held.map((c) => c.personId))
}

/** Which related records evaluation needs: a rule that never asks about households or cards needs neither read. */
export interface ContextNeeds {
  households: boolean
  cards: boolean
}
export const ALL_CONTEXT: ContextNeeds = { households: true, cards: true }

/** The context of every person on a page (households and cards), in (at most) two reads. */
export const contextsForPage = async (
  store: Store,
  page: PersonRecord[],
  need: ContextNeeds = ALL_CONTEXT,
): Promise<Map<string, PersonContext>> => {
  const households = need.households
    ? await householdOf(store, [
        ...new Set(page.map((p) => p.householdId).filter((h): h is string => h !== null)),
      ])
    : new Map<string, PersonRecord[]>()
  const holders = need.cards
    ? await cardHolders(
        store,
        page.map((p) => p.id),
      )
    : new Set<string>()
  const settings = countySettingsCache(store)
  const ages = new Map<string, WorkingAge>()
  if (need.households)
    for (const p of page)
      if (p.householdId && !ages.has(p.community.slice(0, 6)))
        ages.set(p.community.slice(0, 6), (await settings(p.community)).workingAge)
  return new Map(
    page.map((p) => [
      p.id,
      {
        household: p.householdId && need.households ? (households.get(p.householdId) ?? [p]) : [p],
        hasCard: holders.has(p.id),
        workingAge: ages.get(p.community.slice(0, 6)),
      },
    ]),
  )
}

export const factsFor = async (store: Store, p: PersonRecord, at: Date): Promise<Facts> => {
  const ctx = (await contextsForPage(store, [p])).get(p.id)!
  return buildFacts(p, ctx, at)
}
