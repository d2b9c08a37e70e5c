import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { last12Months } from '../../../shared/reports/report'
import type { Deps } from '../../runtime/deps'
import { bookings, followupTasks, placementCases, policyReach } from '../../store/collections'
import type { Filter } from '../../store/port'
import { scanPages } from '../../store/scan'
import { regionLabel } from '../regions/region-directory'
import { dayStartUtc, scopeAudited, shanghaiDate } from './quarterly'

const nextMonth = (m: string) => {
  const d = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 1))
  return d.toISOString().slice(0, 7)
}

/**
 * The street's or county's last twelve months for the dashboard: follow-ups due, done and
 * missed (the workbench's tasks, by month), placements, the policies' know-rate and enjoy-rate
 * at each month's end, and guidance bookings kept. Counts along indexes; no person is read.
 */
export const reportTrends = async (deps: Deps, who: Identity, query: { region?: string; month?: string }) => {
  const region = await scopeAudited(deps, who, query.region, 'trends')
  const now = deps.clock.now()
  const month = query.month ?? shanghaiDate(now).slice(0, 7)
  if (month > shanghaiDate(now).slice(0, 7))
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'month', message: '不能查询未来月份' }] })
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
  const count = <C extends typeof followupTasks | typeof policyReach | typeof bookings>(
    c: C,
    where: Filter[],
  ) => deps.store.count(c, [scope, ...where])
  const rows = []
  for (const m of months) {
    const end = dayStartUtc(`${nextMonth(m)}-01`)
    const tasks = (status?: string) =>
      count(followupTasks, [
        { field: 'period', op: 'eq', value: m },
        ...(status ? [{ field: 'status', op: 'eq', value: status } as const] : []),
      ])
    const [due, done, missed, eligible, known, enjoying, booked, attended] = await Promise.all([
      tasks(),
      tasks('done'),
      tasks('missed'),
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
