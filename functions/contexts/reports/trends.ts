import type { Identity } from '../../../shared/auth/identity'
import { addMonths } from '../../../shared/followups/followup'
import { last12Months } from '../../../shared/reports/report'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { bookings, followupTasks, placementCases, policyReach } from '../../store/collections'
import type { Filter } from '../../store/port'
import { scanPages } from '../../store/scan'
import { regionLabel } from '../regions/region-directory'
import { checkMonth, dayStartUtc, scopeAudited } from './quarterly'

/**
 * The street's or county's last twelve months for the dashboard: follow-ups due, done and
 * missed (the workbench's tasks, by month), placements, the policies' know-rate and enjoy-rate
 * at each month's end, and guidance bookings kept. Counts along indexes; no person is read.
 */
export const reportTrends = async (deps: Deps, who: Identity, query: { region?: string; month?: string }) => {
  const region = await scopeAudited(deps, who, query.region, 'trends')
  const now = deps.clock.now()
  const month = query.month ?? shanghaiDate(now).slice(0, 7)
  checkMonth(month, now)
  const months = last12Months(month)
  const scope: Filter = { field: 'community', op: 'prefix', value: region }
  const placedByMonth = new Map<string, number>()
  for await (const page of scanPages(deps.store, placementCases, {
    where: [scope, { field: 'status', op: 'eq', value: 'placed' }],
    orderBy: [{ field: 'community', dir: 'asc' }],
    fields: ['placement'],
  })) {
    for (const c of page.items) {
      if (!c.placement) continue
      const m = shanghaiDate(new Date(c.placement.at)).slice(0, 7)
      placedByMonth.set(m, (placedByMonth.get(m) ?? 0) + 1)
    }
  }
  const count = <C extends typeof policyReach | typeof bookings>(c: C, where: Filter[]) =>
    deps.store.count(c, [scope, ...where])
  // The twelve months' tasks by month and status in one grouped count.
  const tasks = new Map<string, number>()
  for (const { key, n } of await deps.store.countBy(
    followupTasks,
    [scope, { field: 'period', op: 'in', value: months }],
    ['period', 'status'],
  )) {
    tasks.set(`${key[0]}`, (tasks.get(`${key[0]}`) ?? 0) + n)
    tasks.set(`${key[0]}:${key[1]}`, n)
  }
  const rows = []
  for (const m of months) {
    const end = dayStartUtc(`${addMonths(m, 1)}-01`)
    const due = tasks.get(m) ?? 0
    const done = tasks.get(`${m}:done`) ?? 0
    const missed = tasks.get(`${m}:missed`) ?? 0
    const [eligible, known, enjoying, booked, attended] = await Promise.all([
      count(policyReach, [{ field: 'eligibleSince', op: 'lt', value: end }]),
      count(policyReach, [
        { field: 'eligibleSince', op: 'lt', value: end },
        { field: 'notifiedAt', op: 'lt', value: end },
      ]),
      count(policyReach, [
        { field: 'eligibleSince', op: 'lt', value: end },
        { field: 'enjoyingAt', op: 'lt', value: end },
      ]),
      count(bookings, [
        { field: 'startsAt', op: 'gte', value: dayStartUtc(`${m}-01`) },
        { field: 'startsAt', op: 'lt', value: end },
        { field: 'status', op: 'in', value: ['confirmed', 'attended', 'no_show'] },
      ]),
      count(bookings, [
        { field: 'startsAt', op: 'gte', value: dayStartUtc(`${m}-01`) },
        { field: 'startsAt', op: 'lt', value: end },
        { field: 'status', op: 'eq', value: 'attended' },
      ]),
    ])
    rows.push({
      month: m,
      followupsDue: due,
      followupsDone: done,
      followupsMissed: missed,
      /** Done of those due (a month still open counts what is done so far). */
      onTimeRate: due ? done / due : null,
      placements: placedByMonth.get(m) ?? 0,
      knowRate: eligible ? known / eligible : null,
      enjoyRate: eligible ? enjoying / eligible : null,
      bookings: booked,
      attended,
    })
  }
  return { region, regionName: regionLabel(region), month, computedAt: now.toISOString(), months: rows }
}
