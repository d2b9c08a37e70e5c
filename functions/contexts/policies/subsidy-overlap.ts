import {
  APPLICATION_TYPES,
  type ApplicationType,
  CLOSED_STATUSES,
} from '../../../shared/applications/application-types'
import { AppError } from '../../../shared/errors'
import { type MonthSpan, spansOverlap, spanText } from '../../../shared/policies/policy'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { applications, type PersonRecord, type PolicyRecord } from '../../store/collections'
import { findAll } from '../../store/scan'
import { type Catalogue, loadCatalogue, spanForPolicy } from './catalogue'

/**
 * Subsidies that exclude each other for the same months (补贴不得重复享受) are refused when the
 * resident applies, with the reason, before any reviewer spends time on them. The catalogue
 * says which exclude which (`excludes`, read both ways); a subsidy also excludes itself.
 */

/** The published policies an application of `type` is for: the one named, or all of its type. */
export const policiesFor = (cat: Catalogue, type: ApplicationType, policyId?: string): PolicyRecord[] => {
  const named = policyId ? cat.all.get(policyId) : undefined
  if (named && named.applicationType === type) return [named]
  return [...cat.all.values()].filter((p) => p.status === 'published' && p.applicationType === type)
}

const refuse = (message: string) => new AppError('APPLICATION.SUBSIDY_OVERLAP', { message })

export const checkSubsidyOverlap = async (
  deps: Deps,
  person: PersonRecord,
  type: ApplicationType,
  data: Record<string, unknown>,
  policyId?: string,
): Promise<void> => {
  const today = shanghaiDate(deps.clock.now())
  const cat = await loadCatalogue(deps.store)
  const mine = policiesFor(cat, type, policyId)
  const claimed = spanForPolicy(mine[0], type, data, today)
  if (!claimed) return // a certification, not a benefit
  const mineIds = new Set(mine.map((p) => p.id))
  const excluded = new Set(mine.flatMap((p) => p.excludes))
  for (const q of cat.all.values()) if (q.excludes.some((id) => mineIds.has(id))) excluded.add(q.id)
  const excludedTypes = new Set(
    [...excluded]
      .map((id) => cat.all.get(id)?.applicationType)
      .filter((t): t is ApplicationType => Boolean(t)),
  )
  const label = APPLICATION_TYPES[type].label

  for (const e of person.enjoyments ?? []) {
    const same = e.applicationType === type
    const conflicting =
      same ||
      (e.policyId !== null && excluded.has(e.policyId)) ||
      (e.applicationType !== null && excludedTypes.has(e.applicationType))
    if (conflicting && spansOverlap(claimed, e)) {
      throw refuse(
        same && claimed.to === null
          ? `「${label}」只能享受一次，您已于 ${e.from} 享受`
          : `申请的月份（${spanText(claimed)}）与已享受的「${e.label}」（${spanText(e)}）重叠，同一时期不能重复享受`,
      )
    }
  }

  if (!excludedTypes.size) return
  const open = await findAll(deps.store, applications, {
    where: [{ field: 'personId', op: 'eq', value: person.id }],
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
  })
  for (const a of open) {
    if (CLOSED_STATUSES.includes(a.status) || !excludedTypes.has(a.type)) continue
    const span: MonthSpan | null = spanForPolicy(cat.all.get(a.policyId ?? ''), a.type, a.data, today)
    if (span && spansOverlap(claimed, span)) {
      throw refuse(
        `申请的月份（${spanText(claimed)}）与正在办理的「${APPLICATION_TYPES[a.type].label}」申请（${spanText(span)}）重叠，同一时期不能重复享受`,
      )
    }
  }
}
