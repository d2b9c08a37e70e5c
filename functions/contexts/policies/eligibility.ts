import { type ApplicationType, CLOSED_STATUSES } from '../../../shared/applications/application-types'
import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { type EligibilityItem, type PolicyView, VERDICT_ORDER } from '../../../shared/policies/policy'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { applications, type PersonRecord } from '../../store/collections'
import type { Store } from '../../store/port'
import { findAll } from '../../store/scan'
import { findMyPerson } from '../people/me'
import { loadCatalogue, toEligibilityItem } from './catalogue'
import { factsFor } from './facts'
import { findVisiblePolicy, toPolicyView } from './manage-policies'
import { markReach } from './policy-reach'

/** The person's applications still being handled, by type (one open per type). */
export const openApplicationsOf = async (
  store: Store,
  personId: string,
): Promise<Map<ApplicationType, string>> => {
  const mine = await findAll(store, applications, {
    where: [{ field: 'personId', op: 'eq', value: personId }],
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
  })
  return new Map(mine.filter((a) => !CLOSED_STATUSES.includes(a.status)).map((a) => [a.type, a.id]))
}

const byVerdict = (a: EligibilityItem, b: EligibilityItem) =>
  VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict)

/** Every policy in effect for this person, with a verdict and the reason per condition. */
export const eligibilityOf = async (deps: Deps, person: PersonRecord): Promise<EligibilityItem[]> => {
  const at = deps.clock.now()
  const cat = await loadCatalogue(deps.store)
  const facts = await factsFor(deps.store, person, at)
  const open = await openApplicationsOf(deps.store, person.id)
  return cat
    .active(shanghaiDate(at))
    .map((p) => toEligibilityItem(p, person, facts, cat, open))
    .sort(byVerdict)
}

/** GET /api/me/eligibility: the 政策 page of a registered resident. */
export const myEligibility = async (deps: Deps, who: Identity) => {
  const me = await findMyPerson(deps, who)
  if (!me) throw new AppError('PERSON.NOT_REGISTERED')
  return { items: await eligibilityOf(deps, me) }
}

/**
 * One policy as anyone may read it; a registered resident also gets their own verdict, and
 * reading it counts as knowing the policy (the know-rate's "read").
 */
export const getPolicy = async (deps: Deps, who: Identity | null, id: string): Promise<PolicyView> => {
  const policy = await findVisiblePolicy(deps, who, id)
  const cat = await loadCatalogue(deps.store)
  const view = toPolicyView(policy, cat.all)
  if (who?.role !== 'resident' || policy.status !== 'published') return view
  const me = await findMyPerson(deps, who)
  if (!me) return view
  const at = deps.clock.now()
  const facts = await factsFor(deps.store, me, at)
  view.eligibility = toEligibilityItem(policy, me, facts, cat, await openApplicationsOf(deps.store, me.id))
  await markReach(deps.store, [policy.id], me.id, 'readAt', at)
  return view
}
