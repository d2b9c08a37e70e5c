import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { regionLevel } from '../../../shared/regions/region-code'
import {
  CRITERIA_LABELS,
  type RatingCriteria,
  type RatingDecisionInput,
  STAR_LABELS,
  STAR_LEVELS,
  type StarLevel,
} from '../../../shared/reports/report'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import {
  agreements,
  cards,
  communityRatings,
  type PlacementCaseRecord,
  persons,
  placementCases,
  services,
} from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { scanPages } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { regionLabel } from '../regions/region-directory'
import { dayStartUtc, groupsInPeriod, scopeAudited } from './quarterly'
import { reportSettingsFor } from './settings'

interface Evidence {
  personId: string
  name: string
  idNumberMasked: string
  note: string
}

const EMPLOYED = new Set(['flexible', 'stable'])

/**
 * The full-employment community assessment (充分就业社区, opinion 002): each criterion computed
 * live for one community and year, with the persons behind its number, and the star level the
 * county's criteria propose. The county's decision for the year is recorded beside it.
 */
export const communityRating = async (
  deps: Deps,
  who: Identity,
  query: { community?: string; year?: number },
) => {
  const community = await scopeAudited(deps, who, query.community, 'community-rating')
  if (regionLevel(community) !== 'community')
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'community', message: '请选择社区' }] })
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const year = query.year ?? Number(today.slice(0, 4))
  if (`${year}-01-01` > today)
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'year', message: '不能评定尚未开始的年度' }] })
  const from = `${year}-01-01`
  const to = `${year}-12-31` < today ? `${year}-12-31` : today

  // Who had a 131 service this year, who has a signed agreement, who holds an active card.
  const served = new Set<string>()
  for await (const page of scanPages(deps.store, services, {
    where: [
      { field: 'community', op: 'eq', value: community },
      { field: 'at', op: 'gte', value: dayStartUtc(from) },
      { field: 'at', op: 'lt', value: dayStartUtc(`${year + 1}-01-01`) },
    ],
    orderBy: [{ field: 'at', dir: 'asc' }],
    fields: ['personId'],
  }))
    for (const s of page.items) served.add(s.personId)
  const agreed = new Set<string>()
  for await (const page of scanPages(deps.store, agreements, {
    where: [
      { field: 'community', op: 'eq', value: community },
      { field: 'status', op: 'eq', value: 'signed' },
    ],
    orderBy: [],
    fields: ['personId'],
  }))
    for (const a of page.items) agreed.add(a.personId)
  const carded = new Set<string>()
  for await (const page of scanPages(deps.store, cards, {
    where: [
      { field: 'community', op: 'eq', value: community },
      { field: 'status', op: 'eq', value: 'active' },
    ],
    orderBy: [],
    fields: ['personId'],
  }))
    for (const c of page.items) carded.add(c.personId)

  const reemployBase: Evidence[] = []
  const notReemployed: Evidence[] = []
  const difficulty: Evidence[] = []
  const notAssisted: Evidence[] = []
  const willing: Evidence[] = []
  const notPreparing: Evidence[] = []
  for await (const page of scanPages(deps.store, persons, {
    where: [{ field: 'community', op: 'eq', value: community }],
    orderBy: [],
    fields: [
      'name',
      'idNumberMasked',
      'keyGroups',
      'keyGroupHistory',
      'registration',
      'employmentStatus',
      'exit',
    ],
  })) {
    for (const p of page.items) {
      if (p.exit && p.exit.date < from) continue
      const e = (note: string): Evidence => ({
        personId: p.id,
        name: p.name,
        idNumberMasked: p.idNumberMasked,
        note,
      })
      const employed = EMPLOYED.has(p.employmentStatus)
      const groups = groupsInPeriod(p, from, to)
      // 登记失业人员和持《再就业优惠证》（今：就业失业登记证）人员 90% 以上实现就业
      if (
        groups.includes('registered_unemployed') ||
        (p.registration && p.registration.registeredAt.slice(0, 10) <= to)
      ) {
        reemployBase.push(e(employed ? '已就业' : '未就业'))
        if (!employed) notReemployed.push(e('未就业'))
      }
      if ((p.keyGroups ?? []).some((g) => g.group === 'difficulty')) {
        const how = employed
          ? '已就业'
          : agreed.has(p.id)
            ? '已签订援助协议'
            : served.has(p.id)
              ? '本年度已提供“131”服务'
              : carded.has(p.id)
                ? '持就业援助卡'
                : null
        difficulty.push(e(how ?? '未得到援助'))
        if (!how) notAssisted.push(e('本年度无援助记录'))
      }
      if (p.employmentStatus === 'unemployed' && !p.exit) {
        willing.push(e(served.has(p.id) ? '本年度参加了就业准备活动' : '未参加'))
        if (!served.has(p.id)) notPreparing.push(e('本年度无职业指导、职业介绍或技能培训记录'))
      }
    }
  }
  const openCases: Pick<PlacementCaseRecord, 'id' | 'householdId' | 'openedAt' | 'personIds' | 'level'>[] = []
  for await (const page of scanPages(deps.store, placementCases, {
    where: [
      { field: 'community', op: 'eq', value: community },
      { field: 'kind', op: 'eq', value: 'zero_employment' },
      { field: 'status', op: 'eq', value: 'open' },
    ],
    orderBy: [],
    fields: ['householdId', 'openedAt', 'personIds', 'level'],
  }))
    openCases.push(...page.items)

  // The households' members by name: whom to place (a case names its members at opening).
  const caseMembers: Evidence[] = []
  for (const c of openCases) {
    const since = shanghaiDate(new Date(c.openedAt))
    const level = c.level === 'community' ? '社区' : c.level === 'street' ? '街道/镇' : '县级'
    for (const pid of c.personIds) {
      const m = await deps.store.get(persons, pid)
      caseMembers.push({
        personId: pid,
        name: m?.name ?? '（已删除）',
        idNumberMasked: m?.idNumberMasked ?? '',
        note: `零就业家庭成员（${c.personIds.length} 人户），${since} 起未安置，${level}督办`,
      })
    }
  }
  const shortFirst = (all: Evidence[], short: Evidence[]) => {
    const missing = new Set(short.map((e) => e.personId))
    return [...short, ...all.filter((e) => !missing.has(e.personId))]
  }
  const ratio = (bad: number, all: number) => (all === 0 ? 1 : (all - bad) / all)
  const values: RatingCriteria = {
    reemploymentRate: ratio(notReemployed.length, reemployBase.length),
    zeroHouseholds: openCases.length,
    difficultyAssisted: ratio(notAssisted.length, difficulty.length),
    preparation: ratio(notPreparing.length, willing.length),
  }
  const settings = await reportSettingsFor(deps.store, community)
  const meets = (level: StarLevel) => {
    const c = settings.rating[`${level}`]
    return (
      values.reemploymentRate >= c.reemploymentRate &&
      values.zeroHouseholds <= c.zeroHouseholds &&
      values.difficultyAssisted >= c.difficultyAssisted &&
      values.preparation >= c.preparation
    )
  }
  const proposed = ([...STAR_LEVELS].reverse().find(meets) ?? 0) as 0 | StarLevel
  const decision = await deps.store.get(communityRatings, `cr_${community}_${year}`)
  const criteria = (Object.keys(CRITERIA_LABELS) as (keyof RatingCriteria)[]).map((key) => ({
    key,
    label: CRITERIA_LABELS[key],
    value: values[key],
    /** What each star level asks of this criterion, and whether the community meets it. */
    levels: STAR_LEVELS.map((level) => {
      const need = settings.rating[`${level}`][key]
      return { level, need, met: key === 'zeroHouseholds' ? values[key] <= need : values[key] >= need }
    }),
    counts:
      key === 'reemploymentRate'
        ? { base: reemployBase.length, short: notReemployed.length }
        : key === 'difficultyAssisted'
          ? { base: difficulty.length, short: notAssisted.length }
          : key === 'preparation'
            ? { base: willing.length, short: notPreparing.length }
            : { base: openCases.length, short: openCases.length },
    /** The persons behind the number, those it is short of (whom to visit) first. */
    evidence:
      key === 'reemploymentRate'
        ? shortFirst(reemployBase, notReemployed)
        : key === 'difficultyAssisted'
          ? shortFirst(difficulty, notAssisted)
          : key === 'preparation'
            ? shortFirst(willing, notPreparing)
            : caseMembers,
  }))
  return {
    community,
    communityName: regionLabel(community),
    year,
    asOf: to,
    computedAt: now.toISOString(),
    criteria,
    proposed,
    proposedLabel: STAR_LABELS[proposed],
    decision: decision
      ? {
          level: decision.level,
          label: STAR_LABELS[decision.level],
          note: decision.note,
          by: decision.by,
          at: decision.at,
          history: (decision.history ?? []).map((h) => ({ ...h, label: STAR_LABELS[h.level] })),
        }
      : null,
  }
}

/** The county records its decision for the year (one per community and year; a later one replaces it). */
export const decideCommunityRating = async (deps: Deps, who: Identity, input: RatingDecisionInput) => {
  if (who.role !== 'county') {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'report.community-rating.decide',
      subject: input.community,
      result: 'refused',
    })
    throw new AppError('AUTH.FORBIDDEN')
  }
  const rating = await communityRating(deps, who, { community: input.community, year: input.year })
  const at = deps.clock.now().toISOString()
  const id = `cr_${input.community}_${input.year}`
  const doc = {
    id,
    community: input.community,
    year: input.year,
    level: input.level,
    proposed: rating.proposed,
    note: input.note,
    by: actorLabel(who),
    at,
  }
  // A later decision replaces the year's, and the replaced one is kept in its history.
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await deps.store.get(communityRatings, id)
    if (!current) {
      const inserted = await deps.store.insert(communityRatings, { ...doc, history: [] }).then(
        () => true,
        (err) => {
          if (err instanceof DuplicateKeyError) return false
          throw err
        },
      )
      if (inserted) break
      continue
    }
    const { history = [], id: _id, community: _c, year: _y, ...previous } = current
    const saved = await deps.store.update(
      communityRatings,
      id,
      {
        level: doc.level,
        proposed: doc.proposed,
        note: doc.note,
        by: doc.by,
        at,
        history: [...history, previous],
      },
      { expect: { at: current.at } },
    )
    if (saved) break
  }
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'report.community-rating',
    subject: input.community,
    result: 'ok',
    detail: { year: input.year, level: input.level, proposed: rating.proposed },
  })
  return communityRating(deps, who, { community: input.community, year: input.year })
}
