import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import {
  CRITERIA_LABELS,
  DEFAULT_REPORT_SETTINGS,
  type RatingCriteria,
  type ReportSettings,
  STAR_LEVELS,
} from '../../../shared/reports/report'
import type { Deps } from '../../runtime/deps'
import { meta } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'

/** A county's report parameters live in `meta`, beside its working-age settings. */
const key = (county: string) => `report-settings:${county}`

export const reportSettingsFor = async (store: Store, region: string): Promise<ReportSettings> => {
  const row = await store.get(meta, key(region.slice(0, 6)))
  return row ? (JSON.parse(row.value) as ReportSettings) : DEFAULT_REPORT_SETTINGS
}

export const getReportSettings = async (deps: Deps, who: Identity) => {
  if (!who.region) throw new AppError('AUTH.FORBIDDEN')
  const row = await deps.store.get(meta, key(who.region.slice(0, 6)))
  return {
    ...(row ? (JSON.parse(row.value) as ReportSettings) : DEFAULT_REPORT_SETTINGS),
    isDefault: !row,
    updatedAt: row?.updatedAt ?? null,
  }
}

/** The county sets the threshold, base score and star criteria; a higher star must ask no less. */
export const setReportSettings = async (deps: Deps, who: Identity, input: ReportSettings) => {
  if (who.role !== 'county' || who.region?.length !== 6) throw new AppError('AUTH.FORBIDDEN')
  // A higher star asks no less of any criterion; the message names the one that does.
  const issues: { field: string; message: string }[] = []
  for (const [lower, higher] of [
    [STAR_LEVELS[0], STAR_LEVELS[1]],
    [STAR_LEVELS[1], STAR_LEVELS[2]],
  ] as const) {
    const a = input.rating[`${lower}`]
    const b = input.rating[`${higher}`]
    for (const key of Object.keys(CRITERIA_LABELS) as (keyof RatingCriteria)[]) {
      const easier = key === 'zeroHouseholds' ? b[key] > a[key] : b[key] < a[key]
      if (easier)
        issues.push({
          field: `rating.${higher}.${key}`,
          message: `${higher} 星的「${CRITERIA_LABELS[key]}」不能比 ${lower} 星宽松`,
        })
    }
  }
  if (issues.length) throw new AppError('REQUEST.INVALID', { issues })
  const at = deps.clock.now()
  const value = JSON.stringify(input)
  const id = key(who.region)
  // Two officers saving at once: the later write wins, neither fails.
  await deps.store.insert(meta, { id, value, updatedAt: at.toISOString() }).catch(async (err) => {
    if (!(err instanceof DuplicateKeyError)) throw err
    await deps.store.update(meta, id, { value, updatedAt: at.toISOString() })
  })
  await recordAudit(deps.store, at, who, {
    action: 'report.settings',
    subject: who.region,
    result: 'ok',
    detail: { threshold: input.unemploymentThreshold, scoreBase: input.scoreBase, by: actorLabel(who) },
  })
  return getReportSettings(deps, who)
}
