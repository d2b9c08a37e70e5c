import { previousQuarter, type Quarter, quarterBounds, quarterOfDate } from '../../../shared/reports/report'
import type { Logger } from '../../platform/logger'
import { shanghaiDate } from '../../platform/time'
import { firstWorkdayOfMonth } from '../../platform/workdays'
import type { Deps } from '../../runtime/deps'
import type { Trigger } from '../../runtime/scheduled'
import {
  type AccountRecord,
  accounts,
  meta,
  type ReportSnapshotRecord,
  reportSnapshots,
} from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { scanPages } from '../../store/scan'
import { inboxNotifier } from '../inbox/notifier'
import { HOME_COUNTY, regionLabel } from '../regions/region-directory'
import { computeDetailRows, frozenKey } from './quarterly'

/** The first working day of the quarter that follows `q` (the report-quarterly timer's day). */
export const firstWorkdayAfter = (q: Quarter): string => {
  const { year, n } = quarterBounds(q)
  return n === 4 ? firstWorkdayOfMonth(year + 1, 1) : firstWorkdayOfMonth(year, n * 3 + 1)
}

/**
 * `report-quarterly`: on the first working day after a quarter ends, keep the quarter's 明细表
 * rows of every community of the county (one snapshot per community), then mark the quarter
 * frozen and tell the street/town and county officers the tables are ready to send. From then on
 * the reports of that quarter read the snapshots: a later edit of a record does not change a
 * submitted report. Idempotent: a snapshot or marker that exists is kept, a message sent once.
 */
export const freezeQuarter = async (
  deps: Deps,
  at: Date,
  log: Logger,
  trigger: Trigger,
): Promise<Record<string, string | number>> => {
  const today = shanghaiDate(at)
  const quarter = previousQuarter(quarterOfDate(today))
  if (trigger === 'timer' && today !== firstWorkdayAfter(quarter))
    return { quarter, skipped: 'not the first working day after the quarter' }
  const county = HOME_COUNTY
  const key = frozenKey(county, quarter)
  if (await deps.store.get(meta, key)) return { quarter, alreadyFrozen: 1 }
  const frozenAt = at.toISOString()
  const rows = await computeDetailRows(deps.store, county, quarter)
  const byCommunity = new Map<string, ReportSnapshotRecord>()
  for (const r of rows) {
    const s = byCommunity.get(r.community) ?? {
      id: `rq_${quarter}_${r.community}`,
      quarter,
      community: r.community,
      frozenAt,
      rows: [],
    }
    s.rows.push(r)
    byCommunity.set(r.community, s)
  }
  // A rerun after a crash keeps what an earlier run froze (insertMany skips existing ids).
  let written = 0
  const docs = [...byCommunity.values()]
  for (let i = 0; i < docs.length; i += 20)
    written += (await deps.store.insertMany(reportSnapshots, docs.slice(i, i + 20))).length
  await deps.store
    .insert(meta, { id: key, value: JSON.stringify({ frozenAt, persons: rows.length }), updatedAt: frozenAt })
    .catch((err) => {
      if (!(err instanceof DuplicateKeyError)) throw err
    })
  const { label } = quarterBounds(quarter)
  const notifier = inboxNotifier(deps.store)
  let told = 0
  for (const role of ['street', 'county'] as const) {
    for await (const page of scanPages(deps.store, accounts, {
      where: [
        { field: 'role', op: 'eq', value: role },
        { field: 'region', op: 'prefix', value: county },
      ],
      orderBy: [{ field: 'region', dir: 'asc' }],
    })) {
      for (const a of page.items as AccountRecord[]) {
        const sent = await notifier.notify(
          a.id,
          {
            title: `${label}服务重点群体情况一览表、明细表已生成`,
            body: `${regionLabel(a.region ?? county) ?? ''}${label}报表已锁定，请在工作台“报表”中核对并下载报送。`,
            dedupeKey: `report-quarterly:${quarter}`,
            link: { kind: 'reports', id: quarter },
          },
          at,
        )
        if (sent) told++
      }
    }
  }
  log.info('quarter frozen', { quarter, persons: rows.length, communities: docs.length })
  return { quarter, persons: rows.length, snapshots: written, told }
}
