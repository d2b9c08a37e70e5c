import { createHash } from 'node:crypto'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { SERVICE_LABELS } from '../../../shared/followups/followup'
import { EMPLOYMENT_STATUSES, type KeyGroup } from '../../../shared/people/person'
import { isWithinRegion, regionLevel } from '../../../shared/regions/region-code'
import {
  type Quarter,
  type QuarterDetailRow,
  type QuarterlyReport,
  quarterBounds,
  summarise,
} from '../../../shared/reports/report'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import {
  followupRecords,
  followupTasks,
  meta,
  type PersonRecord,
  persons,
  reportSnapshots,
  services,
} from '../../store/collections'
import type { Store } from '../../store/port'
import { scanPages } from '../../store/scan'
import { recordAudit } from '../audit/record-audit'
import { findRegion, regionLabel } from '../regions/region-directory'

/** The instant a Shanghai calendar day begins, as stored (UTC ISO). */
export const dayStartUtc = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()
/** The calendar day after `day` (YYYY-MM-DD). */
export const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * Which region a member of staff may report on: their own or one inside it (a street officer a
 * community of their town), a known street/town, community or the county. A coordinator asking
 * for another community is refused, however the code is written.
 */
export const reportScope = (who: Identity, region: string | undefined): string => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const wanted = region ?? who.region
  if (!findRegion(wanted) || !['county', 'town', 'community'].includes(regionLevel(wanted)))
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'region', message: '地区编码不是本县的街道/镇或社区' }],
    })
  if (!isWithinRegion(wanted, who.region)) throw new AppError('AUTH.FORBIDDEN')
  return wanted
}

/**
 * reportScope, with a refusal left in the audit log: someone asking for a table outside their
 * region is exactly the access the log is for.
 */
export const scopeAudited = async (deps: Deps, who: Identity, region: string | undefined, what: string) => {
  try {
    return reportScope(who, region)
  } catch (err) {
    if (err instanceof AppError && err.code === 'AUTH.FORBIDDEN')
      await recordAudit(deps.store, deps.clock.now(), who, {
        action: `report.${what}`,
        subject: region ?? who.region ?? '-',
        result: 'refused',
      })
    throw err
  }
}

/** A month after this one has nothing to report: 400, naming the field. */
export const checkMonth = (month: string, now: Date) => {
  if (month > shanghaiDate(now).slice(0, 7))
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'month', message: '不能查询未来月份' }] })
}

/** A quarter that has not begun yet has nothing to report: 400, naming the field. */
export const checkQuarter = (quarter: Quarter, now: Date) => {
  const b = quarterBounds(quarter)
  const today = shanghaiDate(now)
  if (b.from > today)
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'quarter', message: '该季度尚未开始，不能生成报表' }],
    })
  return { ...b, partial: b.to >= today }
}

const PERSON_FIELDS = [
  'name',
  'idNumberMasked',
  'gender',
  'community',
  'keyGroups',
  'keyGroupHistory',
  'employmentStatus',
  'employmentSince',
  'employmentRegistration',
  'enjoyments',
  'exit',
] as const
type ReportPerson = Pick<PersonRecord, 'id' | (typeof PERSON_FIELDS)[number]>

/** The key groups a person belonged to at any time between `from` and `to` (inclusive). */
export const groupsInPeriod = (
  p: Pick<PersonRecord, 'keyGroups' | 'keyGroupHistory'>,
  from: string,
  to: string,
) => {
  const out = new Set<KeyGroup>()
  for (const g of p.keyGroups ?? []) if (g.since.slice(0, 10) <= to) out.add(g.group)
  // Ended groups are no longer on the record; the history says when they ended.
  for (const h of p.keyGroupHistory ?? []) {
    if (h.action !== 'ended' || h.date < from) continue
    const began = (p.keyGroupHistory ?? []).find(
      (x) => x.group === h.group && (x.action === 'added' || x.action === 'confirmed'),
    )
    if (!began || began.date <= to) out.add(h.group)
  }
  return [...out]
}

const employedIn = (p: ReportPerson, from: string, to: string) => {
  if (p.employmentStatus !== 'flexible' && p.employmentStatus !== 'stable') return false
  const since = (p.employmentSince ?? p.employmentRegistration?.date ?? '').slice(0, 10)
  return since >= from && since <= to
}

const enjoyedIn = (p: ReportPerson, firstMonth: string, lastMonth: string) =>
  (p.enjoyments ?? [])
    .filter((e) => e.from <= lastMonth && (e.to ?? e.from) >= firstMonth)
    .map((e) => e.label)

/**
 * The 明细表 of a region for a quarter, computed from the live registry: every person of the
 * region in a key group at some time in the quarter (not left before it began), with the
 * quarter's follow-up tasks (by their month), follow-up records and 131 services (by their
 * Shanghai date). Reads each collection once, a page at a time, along its region index.
 */
export const computeDetailRows = async (
  store: Store,
  region: string,
  quarter: Quarter,
): Promise<QuarterDetailRow[]> => {
  const b = quarterBounds(quarter)
  const rows = new Map<string, QuarterDetailRow>()
  const scope = { field: 'community', op: 'prefix', value: region } as const
  for await (const page of scanPages(store, persons, {
    where: [scope],
    orderBy: [{ field: 'community', dir: 'asc' }],
    fields: [...PERSON_FIELDS],
  })) {
    for (const p of page.items as ReportPerson[]) {
      if (p.exit && p.exit.date < b.from) continue
      const groups = groupsInPeriod(p, b.from, b.to)
      if (!groups.length) continue
      rows.set(p.id, {
        personId: p.id,
        name: p.name,
        idNumberMasked: p.idNumberMasked,
        gender: p.gender,
        community: p.community,
        communityName: regionLabel(p.community),
        groups,
        employmentStatus: EMPLOYMENT_STATUSES[p.employmentStatus] ?? p.employmentStatus,
        followupsDue: 0,
        followupsDone: 0,
        followupsMissed: 0,
        followupRecords: 0,
        guidance: 0,
        referral: 0,
        training: 0,
        employedInQuarter: employedIn(p, b.from, b.to),
        policiesEnjoyed: enjoyedIn(p, b.months[0]!, b.months[2]!),
        note:
          (p.employmentStatus === 'flexible' || p.employmentStatus === 'stable') &&
          (p.keyGroups ?? []).some((g) => g.group === 'registered_unemployed')
            ? '已就业，尚未办理就业登记'
            : '',
      })
    }
  }
  // The quarter's tasks, records and services are counted per person in the database (GROUP BY
  // along the region indexes): a county's 250,000 records of a quarter never cross into the process.
  for (const { key, n } of await store.countBy(
    followupTasks,
    [scope, { field: 'period', op: 'in', value: b.months }],
    ['personId', 'status'],
  )) {
    const row = rows.get(String(key[0]))
    if (!row || key[1] === 'exempt') continue
    row.followupsDue += n
    if (key[1] === 'done') row.followupsDone += n
    if (key[1] === 'missed') row.followupsMissed += n
  }
  const during = [
    { field: 'at', op: 'gte', value: dayStartUtc(b.from) },
    { field: 'at', op: 'lt', value: dayStartUtc(nextDay(b.to)) },
  ] as const
  for (const { key, n } of await store.countBy(followupRecords, [scope, ...during], ['personId'])) {
    const row = rows.get(String(key[0]))
    if (row) row.followupRecords += n
  }
  for (const { key, n } of await store.countBy(services, [scope, ...during], ['personId', 'kind'])) {
    const row = rows.get(String(key[0]))
    const kind = key[1] as 'guidance' | 'referral' | 'training'
    if (row && kind in SERVICE_LABELS) row[kind] += n
  }
  return [...rows.values()].sort(
    (x, y) =>
      x.community.localeCompare(y.community) ||
      x.name.localeCompare(y.name, 'zh') ||
      x.personId.localeCompare(y.personId),
  )
}

export const frozenKey = (county: string, quarter: Quarter) => `report-quarterly:${county}:${quarter}`

/** The rows report-quarterly kept for the region, or null when the quarter was not frozen. */
const frozenRows = async (store: Store, region: string, quarter: Quarter) => {
  const marker = await store.get(meta, frozenKey(region.slice(0, 6), quarter))
  if (!marker) return null
  const rows: QuarterDetailRow[] = []
  for await (const page of scanPages(store, reportSnapshots, {
    where: [
      { field: 'quarter', op: 'eq', value: quarter },
      { field: 'community', op: 'prefix', value: region },
    ],
    orderBy: [{ field: 'community', dir: 'asc' }],
    limit: 20,
  })) {
    for (const s of page.items) rows.push(...s.rows)
  }
  return { rows, frozenAt: JSON.parse(marker.value).frozenAt as string }
}

/** The same rows give the same fingerprint however they were stored (jsonb reorders keys). */
export const fingerprint = (rows: QuarterDetailRow[]) => {
  const h = createHash('sha256')
  for (const r of rows)
    h.update(
      JSON.stringify([
        r.personId,
        r.community,
        r.groups,
        r.employmentStatus,
        r.followupsDue,
        r.followupsDone,
        r.followupsMissed,
        r.followupRecords,
        r.guidance,
        r.referral,
        r.training,
        r.employedInQuarter,
        r.policiesEnjoyed,
      ]),
    )
  return h.digest('hex').slice(0, 12)
}

/** The quarter's 一览表 and 明细表 of a region: frozen when report-quarterly kept them, else live. */
export const quarterlyReport = async (
  deps: Deps,
  region: string,
  quarter: Quarter,
  opts: { live?: boolean } = {},
): Promise<QuarterlyReport> => {
  const now = deps.clock.now()
  const b = checkQuarter(quarter, now)
  const frozen = opts.live ? null : await frozenRows(deps.store, region, quarter)
  const details = frozen?.rows ?? (await computeDetailRows(deps.store, region, quarter))
  const byCommunity = new Map<string, { persons: number; followupsMissed: number }>()
  for (const r of details) {
    const c = byCommunity.get(r.community) ?? { persons: 0, followupsMissed: 0 }
    c.persons++
    c.followupsMissed += r.followupsMissed
    byCommunity.set(r.community, c)
  }
  return {
    quarter,
    quarterLabel: b.label,
    from: b.from,
    to: b.to,
    region,
    regionName: regionLabel(region),
    source: frozen ? 'frozen' : 'live',
    computedAt: frozen?.frozenAt ?? now.toISOString(),
    dataVersion: fingerprint(details),
    partial: !frozen && b.partial,
    summary: summarise(details),
    distinctPersons: details.length,
    details,
    byCommunity: [...byCommunity.entries()].map(([community, c]) => ({
      community,
      communityName: regionLabel(community),
      ...c,
    })),
  }
}

/** Every export leaves an audit row: who took which table of which region and period. */
export const auditExport = (
  deps: Deps,
  who: Identity,
  what: string,
  region: string,
  period: string,
  rows: number,
) =>
  recordAudit(deps.store, deps.clock.now(), who, {
    action: `report.export.${what}`,
    subject: region,
    result: 'ok',
    detail: { period, rows },
  })
