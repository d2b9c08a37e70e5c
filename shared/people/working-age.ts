import { z } from '../validation'

/**
 * Legal working age (法定劳动年龄) per gender, set by each county: from the `from`-th birthday up to
 * the day before the `to`-th birthday. The statutory retirement age is being raised step by step
 * (2025 reform), so the bounds are the county's parameters, not constants.
 */
export interface AgeBounds {
  from: number
  to: number
}
export interface WorkingAge {
  male: AgeBounds
  female: AgeBounds
}

/** Who the monthly follow-up run creates tasks for (DOMAIN.md: Follow-up services). */
export const FOLLOW_SCOPES = {
  key_groups: '重点群体人员',
  all_registered: '全部登记人员',
} as const
export type FollowScope = keyof typeof FOLLOW_SCOPES

export interface CountySettings {
  workingAge: WorkingAge
  followScope: FollowScope
}

export const DEFAULT_COUNTY_SETTINGS: CountySettings = {
  workingAge: { male: { from: 16, to: 60 }, female: { from: 16, to: 55 } },
  followScope: 'key_groups',
}

const bounds = (label: string) =>
  z
    .object({
      from: z
        .number({ error: `${label}起始年龄应为整数` })
        .int(`${label}起始年龄应为整数`)
        .min(14, `${label}起始年龄不能小于 14 岁`)
        .max(20, `${label}起始年龄不能大于 20 岁`),
      to: z
        .number({ error: `${label}退休年龄应为整数` })
        .int(`${label}退休年龄应为整数`)
        .min(45, `${label}退休年龄不能小于 45 岁`)
        .max(70, `${label}退休年龄不能大于 70 岁`),
    })
    .strict()

export const countySettingsSchema = z
  .object({
    workingAge: z.object({ male: bounds('男性'), female: bounds('女性') }).strict(),
    followScope: z.enum(Object.keys(FOLLOW_SCOPES) as [FollowScope, ...FollowScope[]], {
      error: '跟踪范围只能是 key_groups（重点群体人员）或 all_registered（全部登记人员）',
    }),
  })
  .strict()

/** Whole years of age on `today` (YYYY-MM-DD): a birthday counts from its own day. */
export const ageOnDate = (birthDate: string, today: string): number =>
  Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0)

export const isWorkingAge = (
  p: { gender: 'male' | 'female'; birthDate: string },
  today: string,
  workingAge: WorkingAge,
): boolean => {
  const { from, to } = workingAge[p.gender]
  const age = ageOnDate(p.birthDate, today)
  return age >= from && age < to
}

export interface CountySettingsView extends CountySettings {
  county: string
  countyName: string | null
  /** True while the county has not set its own: the defaults apply. */
  isDefault: boolean
  updatedAt: string | null
  updatedBy: string | null
}
