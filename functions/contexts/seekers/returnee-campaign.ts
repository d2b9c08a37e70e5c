import dayjs from 'dayjs'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { CampaignCounts, CampaignReport, CampaignRow, CampaignWeek } from '../../../shared/jobs/campaign'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { jobInterests, persons } from '../../store/collections'
import type { Filter, Store } from '../../store/port'
import { findAll } from '../../store/scan'
import { childRegions, regionLabel } from '../regions/region-directory'

/**
 * The Spring Festival count of returning migrant workers, for street and county (and a
 * coordinator's own community): returned, want local work, referred (我要应聘 through the
 * system), hired — per week and per town or community.
 */

/** Reading stops here: a county's season is thousands of returnees, not hundreds of thousands. */
const MAX_ROWS = 30_000

type LunarDate = typeof import('chinese-days')['getLunarDate']

/** The solar date of a lunar month and day, found by walking the days of `around`'s season. */
const solarOf = (
  getLunarDate: LunarDate,
  lunarYear: number,
  month: number,
  day: number,
  searchFrom: string,
): string => {
  for (let d = dayjs(searchFrom), i = 0; i < 80; i++, d = d.add(1, 'day')) {
    const text = d.format('YYYY-MM-DD')
    const l = getLunarDate(text)
    if (l.lunarYear === lunarYear && l.lunarMon === month && l.lunarDay === day && !l.isLeap) return text
  }
  throw new Error(`no solar date for lunar ${lunarYear}-${month}-${day}`)
}

/**
 * The default window: 腊月初一 to 正月十五 of the coming (or current) Spring Festival, from the
 * lunar calendar of `chinese-days`. From the tenth lunar month on, the season ahead; before it,
 * the one just past. Its getSolarDateFromLunar() answers a day early in time zones west of UTC,
 * so the dates are found with getLunarDate(), which reads plain dates the same everywhere.
 */
export const springFestivalWindow = async (
  today: string,
): Promise<{ from: string; to: string; year: number }> => {
  // Loaded when a campaign is asked for: the package builds its calendars as it loads, which a
  // cold start of every seekers function would otherwise pay for.
  const { getLunarDate } = await import('chinese-days')
  const lunar = getLunarDate(today)
  const year = lunar.lunarMon >= 10 ? lunar.lunarYear + 1 : lunar.lunarYear
  // 腊月初一 falls between 22 December and 20 January; 正月十五 between 4 February and 5 March.
  return {
    from: solarOf(getLunarDate, year - 1, 12, 1, `${year - 1}-12-15`),
    to: solarOf(getLunarDate, year, 1, 15, `${year}-01-30`),
    year,
  }
}

const mondayOf = (day: string) => {
  const d = dayjs(day)
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD')
}
const zero = (): CampaignCounts => ({ returned: 0, wantsLocal: 0, referred: 0, hired: 0 })

const returneesIn = (store: Store, region: string, from: string, to: string) =>
  findAll(
    store,
    persons,
    {
      where: [
        { field: 'returnedAt', op: 'gte', value: from },
        { field: 'returnedAt', op: 'lte', value: to },
        { field: 'community', op: 'prefix', value: region },
      ],
      orderBy: [{ field: 'returnedAt', dir: 'asc' }],
    },
    MAX_ROWS,
  )

const interestsSince = (store: Store, region: string, from: string) => {
  const where: Filter[] = [
    { field: 'community', op: 'prefix', value: region },
    { field: 'updatedAt', op: 'gte', value: from },
  ]
  return findAll(store, jobInterests, { where, orderBy: [{ field: 'updatedAt', dir: 'asc' }] }, MAX_ROWS)
}

export const campaignReport = async (
  deps: Deps,
  who: Identity,
  query: { from?: string; to?: string },
): Promise<CampaignReport> => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const region = who.region
  const season = await springFestivalWindow(shanghaiDate(deps.clock.now()))
  const from = query.from ?? season.from
  const to = query.to ?? season.to
  if (from > to) {
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'to', message: '结束日期不能早于开始日期' }] })
  }
  if (dayjs(to).diff(dayjs(from), 'day') > 120) {
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'to', message: '统计期不超过 120 天' }] })
  }
  const rowLevel = region.length <= 6 ? 'town' : 'community'
  const rowOf = (community: string) => (rowLevel === 'town' ? community.slice(0, 9) : community)

  const returnees = await returneesIn(deps.store, region, from, to)
  const byPerson = new Map(returnees.map((p) => [p.id, p]))
  const interests = (await interestsSince(deps.store, region, from)).filter((i) => byPerson.has(i.personId))

  const weeks = new Map<string, CampaignCounts>()
  for (let d = mondayOf(from); d <= to; d = dayjs(d).add(7, 'day').format('YYYY-MM-DD')) weeks.set(d, zero())
  const rows = new Map<string, CampaignCounts>()
  const children = childRegions(region) ?? []
  for (const r of children.length > 0 ? children : [{ code: region }]) rows.set(r.code, zero())
  const count = (day: string, community: string, key: keyof CampaignCounts) => {
    const week = weeks.get(mondayOf(day))
    if (week) week[key]++
    const code = rowOf(community)
    const row = rows.get(code) ?? zero()
    row[key]++
    rows.set(code, row)
  }
  for (const p of returnees) {
    const day = p.returnedAt!
    count(day, p.community, 'returned')
    if (p.returnee?.wantsLocalWork) count(day, p.community, 'wantsLocal')
  }
  for (const i of interests) {
    const referredOn = shanghaiDate(new Date(i.createdAt))
    if (referredOn >= from && referredOn <= to) count(referredOn, i.community, 'referred')
    const hire = i.history.find((h) => h.status === 'hired')
    const hiredOn = hire ? shanghaiDate(new Date(hire.at)) : null
    if (hiredOn && hiredOn >= from && hiredOn <= to) count(hiredOn, i.community, 'hired')
  }

  const total = zero()
  for (const w of weeks.values()) {
    for (const k of Object.keys(total) as (keyof CampaignCounts)[]) total[k] += w[k]
  }
  const weekList: CampaignWeek[] = [...weeks].map(([weekStart, c]) => {
    const end = dayjs(weekStart).add(6, 'day')
    return { weekStart, label: `${dayjs(weekStart).format('M月D日')}—${end.format('M月D日')}`, ...c }
  })
  const rowList: CampaignRow[] = [...rows]
    .map(([code, c]) => ({ code, name: regionLabel(code) ?? code, ...c }))
    .sort((a, b) => b.returned - a.returned || a.code.localeCompare(b.code))
  const isSeason = !query.from && !query.to
  return {
    from,
    to,
    label: isSeason ? `${season.year} 年春节（腊月初一至正月十五）` : `${from} 至 ${to}`,
    region,
    regionName: regionLabel(region),
    rowLevel,
    total,
    weeks: weekList,
    rows: rowList,
  }
}
