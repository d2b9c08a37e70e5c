import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { periodEnd } from '../../../shared/followups/followup'
import type { KeyGroup } from '../../../shared/people/person'
import { regionLevel } from '../../../shared/regions/region-code'
import { type LabourForceInput, last12Months, type UnemploymentRate } from '../../../shared/reports/report'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { labourForce, type PersonRecord, persons } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'
import { scanPages } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { childRegions, regionLabel } from '../regions/region-directory'
import { checkMonth, scopeAudited } from './quarterly'
import { reportSettingsFor } from './settings'

/** Whether a person was in a key group at the end of `day`: added on or before it, not ended by it. */
export const inGroupOn = (
  p: Pick<PersonRecord, 'keyGroups' | 'keyGroupHistory'>,
  group: KeyGroup,
  day: string,
) => {
  const current = (p.keyGroups ?? []).find((g) => g.group === group)
  if (current) return current.since.slice(0, 10) <= day
  const history = (p.keyGroupHistory ?? []).filter((h) => h.group === group)
  const ended = history.filter((h) => h.action === 'ended').at(-1)
  const began = history.find((h) => h.action === 'added' || h.action === 'confirmed')
  return !!ended && ended.date > day && (!began || began.date <= day)
}

/** Registered unemployed of each town at each month's end (`<town>:<month>`), for the twelve months. */
const registeredUnemployedByMonth = async (store: Store, region: string, months: string[]) => {
  const counts = new Map<string, number>()
  const ends = months.map((m) => [m, periodEnd(m)] as const)
  for await (const page of scanPages(store, persons, {
    where: [{ field: 'community', op: 'prefix', value: region }],
    orderBy: [{ field: 'community', dir: 'asc' }],
    fields: ['community', 'keyGroups', 'keyGroupHistory', 'exit'],
  })) {
    for (const p of page.items) {
      for (const [m, end] of ends) {
        if (p.exit && p.exit.date <= end) continue
        const key = `${p.community.slice(0, 9)}:${m}`
        if (inGroupOn(p, 'registered_unemployed', end)) counts.set(key, (counts.get(key) ?? 0) + 1)
      }
    }
  }
  return counts
}

/** The employed labour force of each town for each month: the month's entry or the latest before it. */
const labourForceByMonth = async (store: Store, towns: string[], months: string[]) => {
  const out = new Map<string, { employed: number; month: string } | null>()
  for (const town of towns) {
    const entries = (
      await store.find(labourForce, {
        where: [
          { field: 'town', op: 'eq', value: town },
          { field: 'month', op: 'lte', value: months.at(-1)! },
        ],
        orderBy: [{ field: 'month', dir: 'desc' }],
        limit: 24,
      })
    ).items
    for (const m of months) {
      const e = entries.find((x) => x.month <= m)
      out.set(`${town}:${m}`, e ? { employed: e.employed, month: e.month } : null)
    }
  }
  return out
}

/** A town is its own; a county adds up its towns' denominators (those not entered count as unknown). */
const townsOf = (region: string): string[] =>
  regionLevel(region) === 'town' ? [region] : (childRegions(region) ?? []).map((t) => t.code)

/**
 * The registered urban unemployment rate of a street/town (or the county, over its towns) for a
 * month, with the twelve months before it for the chart: registered unemployed at the month's
 * end ÷ (that + the employed labour force the town entered). Flagged above the county's threshold.
 */
export const unemploymentRate = async (
  deps: Deps,
  who: Identity,
  query: { region?: string; month?: string },
): Promise<
  UnemploymentRate & { trend: Omit<UnemploymentRate, 'region' | 'regionName' | 'computedAt' | 'threshold'>[] }
> => {
  const region = await scopeAudited(deps, who, query.region, 'unemployment-rate')
  if (regionLevel(region) === 'community')
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'region', message: '登记失业率按街道/镇统计，请选择街道/镇' }],
    })
  const now = deps.clock.now()
  const month = query.month ?? shanghaiDate(now).slice(0, 7)
  checkMonth(month, now)
  const months = last12Months(month)
  const settings = await reportSettingsFor(deps.store, region)
  const unemployed = await registeredUnemployedByMonth(deps.store, region, months)
  const towns = townsOf(region)
  const lf = await labourForceByMonth(deps.store, towns, months)
  // A county's rate is over the towns that entered their labour force: a town without it is
  // named as missing, and its unemployed are left out of the numerator too (not divided by others).
  const trend = months.map((m) => {
    const reporting = towns.filter((t) => lf.get(`${t}:${m}`))
    const missing = towns.filter((t) => !lf.get(`${t}:${m}`))
    const labour = reporting.length ? reporting.reduce((s, t) => s + lf.get(`${t}:${m}`)!.employed, 0) : null
    const u = (reporting.length ? reporting : towns).reduce(
      (s, t) => s + (unemployed.get(`${t}:${m}`) ?? 0),
      0,
    )
    // Shown as a percentage with two decimals: the rate is kept to four places, and compared so.
    const rate = labour === null || u + labour === 0 ? null : Math.round((u / (u + labour)) * 10_000) / 10_000
    const carried = reporting.map((t) => lf.get(`${t}:${m}`)!.month)
    return {
      month: m,
      registeredUnemployed: u,
      labourForce: labour,
      labourForceMonth: carried.length ? carried.sort()[0]! : null,
      rate,
      above: rate !== null && rate > settings.unemploymentThreshold,
      missingTowns: towns.length > 1 ? missing.map((t) => regionLabel(t) ?? t) : [],
    }
  })
  const current = trend.at(-1)!
  return {
    region,
    regionName: regionLabel(region),
    ...current,
    threshold: settings.unemploymentThreshold,
    computedAt: now.toISOString(),
    trend,
  }
}

/** A street/town enters (or the county imports) the employed labour force, month by month. */
export const setLabourForce = async (deps: Deps, who: Identity, input: LabourForceInput) => {
  const town = await scopeAudited(deps, who, input.region, 'labour-force')
  if (who.role === 'coordinator') {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'report.labour-force',
      subject: town,
      result: 'refused',
    })
    throw new AppError('AUTH.FORBIDDEN')
  }
  if (regionLevel(town) !== 'town')
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'region', message: '城镇从业人员数按街道/镇填报' }],
    })
  const now = deps.clock.now()
  const thisMonth = shanghaiDate(now).slice(0, 7)
  input.entries.forEach((e, i) => {
    if (e.month > thisMonth)
      throw new AppError('REQUEST.INVALID', {
        issues: [{ field: `entries.${i}.month`, message: '不能填报未来月份' }],
      })
  })
  const by = actorLabel(who)
  const at = now.toISOString()
  for (const e of input.entries) {
    const id = `lf_${town}_${e.month}`
    const doc = { id, town, month: e.month, employed: e.employed, by, at }
    // A month entered again replaces its figure (two officers at once: the later one stands).
    await deps.store.insert(labourForce, doc).catch(async (err) => {
      if (!(err instanceof DuplicateKeyError)) throw err
      await deps.store.update(labourForce, id, { employed: e.employed, by, at })
    })
  }
  await recordAudit(deps.store, now, who, {
    action: 'report.labour-force',
    subject: town,
    result: 'ok',
    detail: { entries: input.entries.map((e) => `${e.month}=${e.employed}`).join(',') },
  })
  return unemploymentRate(deps, who, {
    region: town,
    month: input.entries
      .map((e) => e.month)
      .sort()
      .at(-1)!,
  })
}
