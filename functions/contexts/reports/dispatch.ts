import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { periodEnd } from '../../../shared/followups/followup'
import { EMPLOYMENT_STATUSES } from '../../../shared/people/person'
import { regionLevel } from '../../../shared/regions/region-code'
import { type Quarter, quarterBounds } from '../../../shared/reports/report'
import type { Deps } from '../../runtime/deps'
import { type PlacementCaseRecord, placementCases } from '../../store/collections'
import { scanPages } from '../../store/scan'
import { regionLabel } from '../regions/region-directory'
import { checkMonth, checkQuarter, computeDetailRows, dayStartUtc, nextDay, scopeAudited } from './quarterly'

const HOURS = { zero_employment: 24, immediate_72h: 72 } as const

interface DispatchRow {
  town: string
  townName: string | null
  opened: number
  placedInTime: number
  placedLate: number
  escalated: number
  openAtEnd: number
}

const blank = (town: string): DispatchRow => ({
  town,
  townName: regionLabel(town),
  opened: 0,
  placedInTime: 0,
  placedLate: 0,
  escalated: 0,
  openAtEnd: 0,
})

/** Placement cases of one kind in a period, per street/town: what the 调度 asks each month or quarter. */
const caseRows = async (
  deps: Deps,
  region: string,
  kind: PlacementCaseRecord['kind'],
  from: string,
  to: string,
) => {
  const start = dayStartUtc(from)
  const end = dayStartUtc(nextDay(to))
  // A county reads by street/town; a street/town (or a community) by community.
  const unitOf = (community: string) => (regionLevel(region) === 'county' ? community.slice(0, 9) : community)
  const byTown = new Map<string, DispatchRow>()
  for await (const page of scanPages(deps.store, placementCases, {
    where: [
      { field: 'community', op: 'prefix', value: region },
      { field: 'kind', op: 'eq', value: kind },
    ],
    orderBy: [{ field: 'community', dir: 'asc' }],
  })) {
    for (const c of page.items) {
      if (c.openedAt >= end) continue
      const town = unitOf(c.community)
      const row = byTown.get(town) ?? blank(town)
      const placedAt = c.placement?.at ?? null
      if (c.openedAt >= start) {
        row.opened++
        if (placedAt && placedAt < end) {
          const hours = (Date.parse(placedAt) - Date.parse(c.openedAt)) / 3_600_000
          if (hours <= HOURS[kind]) row.placedInTime++
          else row.placedLate++
        }
      } else if (placedAt && placedAt >= start && placedAt < end) row.placedLate++
      if (c.history.some((h) => h.action === 'escalated' && h.at >= start && h.at < end)) row.escalated++
      if (!placedAt || placedAt >= end) row.openAtEnd++
      byTown.set(town, row)
    }
  }
  const rows = [...byTown.values()].sort((a, b) => a.town.localeCompare(b.town))
  const total = blank(region)
  total.townName = '合计'
  for (const r of rows)
    for (const k of ['opened', 'placedInTime', 'placedLate', 'escalated', 'openAtEnd'] as const)
      total[k] += r[k]
  return { rows, total }
}

/**
 * 月调度 of zero-employment households (`month`), or the quarterly dispatch of difficulty
 * persons (`quarter`): placement cases opened, placed within the promised hours, escalated and
 * still open at the period's end, by street/town; the quarterly one adds the difficulty persons
 * of the 明细表 (followed, employed, missed).
 */
export const dispatchReport = async (
  deps: Deps,
  who: Identity,
  query: { region?: string; month?: string; quarter?: Quarter },
) => {
  const region = await scopeAudited(deps, who, query.region, 'dispatch')
  const now = deps.clock.now()
  if (!!query.month === !!query.quarter)
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'month', message: '请选择月份（零就业家庭月调度）或季度（困难人员季度调度）之一' }],
    })
  if (query.month) {
    checkMonth(query.month, now)
    const cases = await caseRows(deps, region, 'zero_employment', `${query.month}-01`, periodEnd(query.month))
    return {
      kind: 'zero_employment' as const,
      title: `零就业家庭月调度（${query.month}）`,
      unit: regionLevel(region) === 'county' ? ('town' as const) : ('community' as const),
      period: query.month,
      region,
      regionName: regionLabel(region),
      computedAt: now.toISOString(),
      ...cases,
      difficulty: null,
    }
  }
  const q = query.quarter!
  const b = checkQuarter(q, now)
  const cases = await caseRows(deps, region, 'immediate_72h', b.from, b.to)
  const rows = (await computeDetailRows(deps.store, region, q)).filter((r) => r.groups.includes('difficulty'))
  const byTown = new Map<
    string,
    {
      town: string
      townName: string | null
      persons: number
      unemployed: number
      employedNow: number
      employed: number
      noWish: number
      missed: number
      served: number
    }
  >()
  const unit = (community: string) => (regionLevel(region) === 'county' ? community.slice(0, 9) : community)
  for (const r of rows) {
    const town = unit(r.community)
    const t = byTown.get(town) ?? {
      town,
      townName: regionLabel(town),
      persons: 0,
      unemployed: 0,
      employedNow: 0,
      employed: 0,
      noWish: 0,
      missed: 0,
      served: 0,
    }
    t.persons++
    if (r.employedInQuarter) t.employed++
    if (r.employmentStatus === EMPLOYMENT_STATUSES.unemployed) t.unemployed++
    else if (r.employmentStatus === EMPLOYMENT_STATUSES.no_wish) t.noWish++
    else t.employedNow++
    t.missed += r.followupsMissed
    if (r.guidance + r.referral + r.training > 0) t.served++
    byTown.set(town, t)
  }
  return {
    kind: 'difficulty' as const,
    title: `就业困难人员季度调度（${quarterBounds(q).label}）`,
    unit: regionLevel(region) === 'county' ? ('town' as const) : ('community' as const),
    period: q,
    region,
    regionName: regionLabel(region),
    computedAt: now.toISOString(),
    ...cases,
    difficulty: [...byTown.values()].sort((a, b) => a.town.localeCompare(b.town)),
  }
}
