import { EXIT_REASONS } from '../../../shared/people/person'
import {
  ageOnDate,
  DEFAULT_COUNTY_SETTINGS,
  isWorkingAge,
  type WorkingAge,
} from '../../../shared/people/working-age'
import type { PersonRecord } from '../../store/collections'

/** How one member stands in the zero-employment test, with the reason shown to the coordinator. */
export interface MemberStanding {
  /** A member of legal working age, able to work and still in the labour market. */
  counted: boolean
  /** Why not counted, or what to know about a counted one ("无就业愿望"); null when nothing. */
  label: string | null
}

type Member = Pick<PersonRecord, 'gender' | 'birthDate' | 'employmentStatus' | 'exit' | 'hukou'>

export const memberStanding = (m: Member, today: string, workingAge: WorkingAge): MemberStanding => {
  if (m.exit && m.exit.date <= today) return { counted: false, label: EXIT_REASONS[m.exit.reason] }
  if (!isWorkingAge(m, today, workingAge))
    return { counted: false, label: `不在法定劳动年龄（${ageOnDate(m.birthDate, today)} 岁）` }
  if (m.employmentStatus === 'no_wish') return { counted: true, label: '计入：无就业愿望，视同未就业' }
  return { counted: true, label: null }
}

const EMPLOYED = new Set(['flexible', 'stable'])

/**
 * Zero-employment household (Xinjiang 2010: 法定劳动年龄内的家庭人员均处于失业状况的城镇居民家庭):
 * an urban household whose members of legal working age are all out of work, at least one of them
 * unemployed. Members not of working age, or who left the labour market (unable to work, retired,
 * moved, deceased), are set aside explicitly; a member with no wish to work is not employed, so
 * they do not hide the household — the coordinator sees them labelled. A household whose recorded
 * hukou is all rural is not an urban household.
 */
export const householdStanding = (
  members: Member[],
  today: string,
  workingAge: WorkingAge = DEFAULT_COUNTY_SETTINGS.workingAge,
) => {
  const standings = members.map((m) => memberStanding(m, today, workingAge))
  const recorded = members.filter((m) => m.hukou)
  const rural = recorded.length > 0 && recorded.every((m) => m.hukou === 'local_rural')
  const counted = members.filter((_, i) => standings[i]!.counted)
  const zeroEmployment =
    !rural &&
    counted.length > 0 &&
    counted.every((m) => !EMPLOYED.has(m.employmentStatus)) &&
    counted.some((m) => m.employmentStatus === 'unemployed')
  return { standings, rural, zeroEmployment }
}

export const isZeroEmployment = (members: Member[], today: string, workingAge?: WorkingAge): boolean =>
  householdStanding(members, today, workingAge).zeroEmployment
