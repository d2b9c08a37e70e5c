import { CADENCE_MONTHS, periodOf } from '../../../shared/followups/followup'
import { EXIT_REASONS } from '../../../shared/people/person'
import { ageOnDate, type CountySettings, isWorkingAge } from '../../../shared/people/working-age'
import { shanghaiDate } from '../../platform/time'
import { type PersonRecord, placementCases } from '../../store/collections'
import type { Store } from '../../store/port'
import { findAll } from '../../store/scan'
import { followedIn } from '../people/exit'
import { openCaseOf } from '../placement/placement-cases'
import { countySettingsFor } from '../regions/county-settings'

/**
 * Who is followed (DOMAIN.md, Hai'an 2021): persons of the key groups; holders of a 就业失业登记证
 * after their 就业登记 too (Hai'an: 对已就业的了解就业情况 — the yearly or half-yearly follow-up of
 * the re-employed); members of a household or person under an open placement case
 * (zero-employment household members are assistance targets, Xinjiang 2010); or every registered
 * person where the county set it so — of legal working age by the county's bounds on `today`.
 * Leaving the labour market (exit) is checked by period.
 */
const whyFollowed = (p: PersonRecord, settings: CountySettings, inOpenCase: boolean): string | null =>
  p.keyGroups.length > 0
    ? '重点群体'
    : inOpenCase
      ? '安置个案成员'
      : p.registration
        ? '持就业失业登记证'
        : settings.followScope === 'all_registered'
          ? '县级设定跟踪全部登记人员'
          : null

export const followsUp = (
  p: PersonRecord,
  settings: CountySettings,
  today: string,
  inOpenCase: boolean,
): boolean => whyFollowed(p, settings, inOpenCase) !== null && isWorkingAge(p, today, settings.workingAge)

/** Everyone in an open placement case, read once per monthly run (a handful of cases). */
export const openCaseMembers = async (store: Store): Promise<Set<string>> => {
  const open = await findAll(store, placementCases, {
    where: [{ field: 'status', op: 'eq', value: 'open' }],
    orderBy: [],
  })
  return new Set(open.flatMap((c) => c.personIds))
}

/** What the person card says about follow-up: followed, and if not, why not. */
export const followStanding = async (
  store: Store,
  p: PersonRecord,
  at: Date,
): Promise<{ followed: boolean; note: string }> => {
  const today = shanghaiDate(at)
  if (p.exit && !followedIn(p, periodOf(at)))
    return { followed: false, note: `${EXIT_REASONS[p.exit.reason]}，不再跟踪` }
  const settings = await countySettingsFor(store, p.community)
  if (!isWorkingAge(p, today, settings.workingAge))
    return {
      followed: false,
      note: `不在法定劳动年龄（${ageOnDate(p.birthDate, today)} 岁），不生成跟踪任务`,
    }
  const inCase = (await openCaseOf(store, p)) !== null
  const why = whyFollowed(p, settings, inCase)
  if (!why) return { followed: false, note: '不属于重点群体，不生成跟踪任务；认定重点群体后按期跟踪' }
  const months = CADENCE_MONTHS[p.employmentStatus]
  return {
    followed: true,
    note: `按期跟踪中（${why}，${months === 1 ? '每月' : months === 6 ? '每半年' : '每年'}一次）`,
  }
}
