import { calendarDateSchema, plainText } from '../text'
import { z } from '../validation'

/**
 * Public-welfare posts (公益性岗位): places a county develops with employers of a town, paid by a
 * monthly post subsidy for a limited term, and allocated by statutory priority — members of a
 * zero-employment household with an open placement case first, then certified employment-
 * difficulty persons, longest unemployed first.
 */

/** The term when the county does not set one: three years, the usual limit of the post subsidy. */
export const WELFARE_TERM_MONTHS_DEFAULT = 36

export const WELFARE_PRIORITIES = {
  zero_employment: '零就业家庭成员（托底安置）',
  difficulty: '就业困难人员',
} as const
export type WelfarePriority = keyof typeof WELFARE_PRIORITIES

export const welfarePostIdSchema = z.string().regex(/^wfp_[A-Za-z0-9_-]{1,60}$/, { error: '岗位编号不正确' })

export const welfarePostInputSchema = z
  .object({
    title: plainText('岗位名称', { min: 2, max: 40 }),
    employer: plainText('用人单位', { min: 2, max: 60 }),
    /** The town (9-digit code) whose people the post serves. */
    town: z.string({ error: '请选择镇（街道）' }).regex(/^\d{9}$/, { error: '请选择镇（街道）' }),
    count: z
      .number({ error: (iss) => (iss.input === undefined ? '请填写岗位数量' : '岗位数量应为数字') })
      .int({ error: '岗位数量应为整数' })
      .min(1, { error: '岗位数量至少 1 个' })
      .max(500, { error: '岗位数量不超过 500 个' }),
    subsidyPerMonth: z
      .number({ error: (iss) => (iss.input === undefined ? '请填写每月补贴' : '每月补贴应为数字') })
      .int({ error: '每月补贴应为整数（元）' })
      .min(0, { error: '每月补贴不能为负' })
      .max(20000, { error: '每月补贴不超过 20000 元' }),
    termMonths: z
      .number({ error: '期限应为数字' })
      .int({ error: '期限应为整月' })
      .min(1, { error: '期限至少 1 个月' })
      .max(60, { error: '期限不超过 60 个月' })
      .default(WELFARE_TERM_MONTHS_DEFAULT),
    description: plainText('岗位说明', { max: 500 }).default(''),
  })
  .strict()
export type WelfarePostInput = z.infer<typeof welfarePostInputSchema>

export const welfareAllocationSchema = z
  .object({
    personId: z.string().regex(/^psn_[A-Za-z0-9_-]{1,60}$/, { error: '人员编号不正确' }),
    /** The first working day (defaults to today). */
    startedOn: calendarDateSchema('上岗日期').optional(),
  })
  .strict()
export type WelfareAllocationInput = z.infer<typeof welfareAllocationSchema>

export interface WelfareAllocationView {
  id: string
  personId: string
  name: string
  priority: WelfarePriority
  priorityLabel: string
  caseId: string | null
  startedOn: string
  endsOn: string
  at: string
  actor: string
}

export interface WelfarePostView {
  id: string
  title: string
  employer: string
  town: string
  townName: string | null
  count: number
  filled: number
  remaining: number
  subsidyPerMonth: number
  termMonths: number
  description: string
  status: 'open' | 'closed'
  createdAt: string
  allocations?: WelfareAllocationView[]
}

/** Someone the post may go to, in the order the priority rules put them. */
export interface WelfareCandidate {
  personId: string
  name: string
  communityName: string | null
  priority: WelfarePriority
  priorityLabel: string
  /** The open zero-employment case and its deadline, for the first group. */
  caseId: string | null
  caseDeadline: string | null
  unemployedSince: string | null
  /** Why here in the list, in words ("零就业家庭，托底安置 11 月 17 日 10:00 到期"). */
  why: string
}
