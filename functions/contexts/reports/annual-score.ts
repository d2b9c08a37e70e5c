import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { EMPLOYMENT_STATUSES, KEY_GROUPS } from '../../../shared/people/person'
import { regionLevel } from '../../../shared/regions/region-code'
import { ROSTER_KINDS, type RosterKind } from '../../../shared/reports/report'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { cards, deductions, persons, placementCases } from '../../store/collections'
import { scanPages } from '../../store/scan'
import { childRegions, regionLabel } from '../regions/region-directory'
import { scopeAudited } from './quarterly'
import { reportSettingsFor } from './settings'

/**
 * The annual score of each street/town (Hai'an 2021 §四3): the county's base score less one
 * point per deduction that stands; each deduction listed with its rule and person, cancelled
 * ones struck out with their reason.
 */
export const annualScore = async (deps: Deps, who: Identity, query: { region?: string; year?: number }) => {
  const region = await scopeAudited(deps, who, query.region, 'annual-score')
  const now = deps.clock.now()
  const year = query.year ?? Number(shanghaiDate(now).slice(0, 4))
  if (year > Number(shanghaiDate(now).slice(0, 4)))
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'year', message: '不能查询未来年度' }] })
  const settings = await reportSettingsFor(deps.store, region)
  const towns = new Map<
    string,
    {
      town: string
      townName: string | null
      base: number
      deducted: number
      cancelled: number
      score: number
    }
  >()
  const townOf = (code: string) => {
    let t = towns.get(code)
    if (!t) {
      t = {
        town: code,
        townName: regionLabel(code),
        base: settings.scoreBase,
        deducted: 0,
        cancelled: 0,
        score: settings.scoreBase,
      }
      towns.set(code, t)
    }
    return t
  }
  // Every town of the region has a score, deducted from or not. A community has no score of its
  // own: its row is what it cost its town, under its own name.
  const community = regionLevel(region) === 'community'
  if (regionLevel(region) === 'county') for (const t of childRegions(region) ?? []) townOf(t.code)
  else townOf(community ? region : region.slice(0, 9))
  const items = []
  for await (const page of scanPages(deps.store, deductions, {
    where: [
      { field: 'year', op: 'eq', value: year },
      { field: 'community', op: 'prefix', value: region },
    ],
    orderBy: [{ field: 'community', dir: 'asc' }],
  })) {
    for (const d of page.items) {
      const t = townOf(community ? d.community : d.town)
      if (d.cancelled) t.cancelled++
      else t.deducted += d.points
      items.push({
        id: d.id,
        town: d.town,
        community: d.community,
        communityName: regionLabel(d.community),
        points: d.points,
        reason: d.reason,
        rule: d.rule ?? null,
        at: d.at,
        cancelled: d.cancelled ?? null,
      })
    }
  }
  for (const t of towns.values()) t.score = t.base - t.deducted
  return {
    region,
    regionName: regionLabel(region),
    year,
    base: settings.scoreBase,
    /** A community's row is the points it cost its street/town, not a score of its own. */
    communityOnly: community,
    computedAt: now.toISOString(),
    towns: [...towns.values()].sort((a, b) => a.score - b.score || a.town.localeCompare(b.town)),
    items: items.sort((a, b) => b.at.localeCompare(a.at)),
  }
}

/**
 * 花名册: the registered unemployed, or the assistance targets (difficulty persons, holders of an
 * active assistance card, members of an open zero-employment household), of a region; masked.
 */
export const roster = async (deps: Deps, who: Identity, query: { region?: string; kind: RosterKind }) => {
  const region = await scopeAudited(deps, who, query.region, `roster.${query.kind}`)
  const now = deps.clock.now()
  const carded = new Set<string>()
  const inCase = new Set<string>()
  if (query.kind === 'assistance_targets') {
    for await (const page of scanPages(deps.store, cards, {
      where: [
        { field: 'community', op: 'prefix', value: region },
        { field: 'status', op: 'eq', value: 'active' },
      ],
      orderBy: [{ field: 'community', dir: 'asc' }],
      fields: ['personId'],
    }))
      for (const c of page.items) carded.add(c.personId)
    for await (const page of scanPages(deps.store, placementCases, {
      where: [
        { field: 'community', op: 'prefix', value: region },
        { field: 'status', op: 'eq', value: 'open' },
      ],
      orderBy: [{ field: 'community', dir: 'asc' }],
      fields: ['personIds'],
    }))
      for (const c of page.items) for (const id of c.personIds) inCase.add(id)
  }
  const rows: {
    personId: string
    name: string
    idNumberMasked: string
    gender: string
    community: string | null
    phoneMasked: string
    groups: string
    employmentStatus: string
    /** Why the person is on this roster (援助对象: 就业困难人员、持就业援助卡、零就业家庭成员). */
    listedFor: string
    since: string
    certificateNo: string
  }[] = []
  for await (const page of scanPages(deps.store, persons, {
    where: [{ field: 'community', op: 'prefix', value: region }],
    orderBy: [{ field: 'community', dir: 'asc' }],
    fields: [
      'name',
      'idNumberMasked',
      'gender',
      'community',
      'phoneMasked',
      'keyGroups',
      'employmentStatus',
      'registration',
      'exit',
    ],
  })) {
    for (const p of page.items) {
      if (p.exit) continue
      const groups = p.keyGroups ?? []
      const registered = groups.find((g) => g.group === 'registered_unemployed')
      const difficulty = groups.find((g) => g.group === 'difficulty')
      const reasons =
        query.kind === 'registered_unemployed'
          ? registered
            ? ['登记失业']
            : []
          : [
              ...(difficulty ? ['就业困难人员'] : []),
              ...(carded.has(p.id) ? ['持就业援助卡'] : []),
              ...(inCase.has(p.id) ? ['零就业家庭成员（未安置）'] : []),
            ]
      if (!reasons.length) continue
      const status = EMPLOYMENT_STATUSES[p.employmentStatus]
      const working = p.employmentStatus === 'flexible' || p.employmentStatus === 'stable'
      rows.push({
        personId: p.id,
        name: p.name,
        idNumberMasked: p.idNumberMasked,
        gender: p.gender === 'male' ? '男' : '女',
        community: regionLabel(p.community),
        phoneMasked: p.phoneMasked,
        groups: groups.map((g) => KEY_GROUPS[g.group]).join('、'),
        // A registered unemployed person recorded in work has not had their 就业登记: say so.
        employmentStatus: working && registered ? `${status}（未办就业登记）` : status,
        listedFor: reasons.join('、'),
        since: ((query.kind === 'registered_unemployed' ? registered?.since : difficulty?.since) ?? '').slice(
          0,
          10,
        ),
        certificateNo: p.registration?.certificateNo ?? '',
      })
    }
  }
  return {
    kind: query.kind,
    title: ROSTER_KINDS[query.kind],
    region,
    regionName: regionLabel(region),
    computedAt: now.toISOString(),
    rows,
  }
}
