import type { EmploymentStatus } from '../people/person'
import { employmentStatusSchema } from '../people/person'
import { plainText } from '../text'
import { z } from '../validation'

/**
 * Follow-up cadence (Hai'an 2021 §三(一)3): stable employment once a year, flexible employment or
 * no wish to work every half year, unemployed every month — counted from the last recorded
 * follow-up. Months are calendar periods 'YYYY-MM' in Asia/Shanghai.
 */
export const CADENCE_MONTHS: Record<EmploymentStatus, number> = {
  unemployed: 1,
  flexible: 6,
  no_wish: 6,
  stable: 12,
}

export type Period = string // 'YYYY-MM'

export const periodIndex = (period: Period): number => {
  const [y, m] = period.split('-').map(Number)
  return y! * 12 + (m! - 1)
}

export const periodOf = (at: Date): Period => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7)

export const addMonths = (period: Period, n: number): Period => {
  const i = periodIndex(period) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

/** Is a follow-up due in `period` for someone with this status, last followed up in `last`? */
export const followupDue = (status: EmploymentStatus, lastPeriod: Period | null, period: Period): boolean =>
  lastPeriod === null || periodIndex(period) - periodIndex(lastPeriod) >= CADENCE_MONTHS[status]

/** The last calendar day of a period: a task's due date. */
export const periodEnd = (period: Period): string => {
  const next = addMonths(period, 1)
  const d = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 1) - 86_400_000)
  return d.toISOString().slice(0, 10)
}

export const CHANNELS = { phone: '电话', wechat: '微信', home_visit: '上门走访' } as const
export type Channel = keyof typeof CHANNELS

export const followupRecordSchema = z
  .object({
    channel: z.enum(Object.keys(CHANNELS) as [Channel, ...Channel[]], { error: '请选择跟踪方式' }),
    outcome: z.string().trim().min(2, '请填写跟踪情况').max(300),
    employmentStatus: employmentStatusSchema,
    employmentSince: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
      .optional(),
    nextStep: z.string().trim().max(200).optional(),
    note: z.string().trim().max(300).optional(),
    /** Items of the person's 就业援助协议 this follow-up delivered. */
    agreementItems: z
      .array(z.string().regex(/^it_[a-z0-9_]{1,40}$/, '协议事项编号格式不正确'))
      .max(12)
      .optional(),
  })
  .strict()
export type FollowupRecordInput = z.infer<typeof followupRecordSchema>

/** The yearly "131" service: 1 career guidance, 3 job referrals, 1 skills training (Hai'an 2021). */
export const SERVICES_131 = { guidance: 1, referral: 3, training: 1 } as const
export const SERVICE_LABELS = { guidance: '职业指导', referral: '职业介绍', training: '技能培训' } as const
export type ServiceKind = keyof typeof SERVICES_131

export const serviceRecordSchema = z
  .object({
    kind: z.enum(['guidance', 'referral', 'training'], {
      error: '服务类型只能是职业指导、职业介绍或技能培训',
    }),
    note: z.string().trim().min(2, '请填写服务内容').max(300),
    jobId: z.string().max(64).optional(),
  })
  .strict()

export const TASK_STATUSES = {
  open: '待跟踪',
  done: '已完成',
  missed: '漏跟踪',
  exempt: '已退出跟踪',
} as const
export type TaskStatus = keyof typeof TASK_STATUSES

export interface FollowupTaskView {
  id: string
  personId: string
  personName: string
  community: string
  communityName: string | null
  period: Period
  due: string
  status: TaskStatus
  statusLabel: string
  overdue: boolean
  /** Due since this earlier period and missed then: the task carries an overdue follow-up. */
  lateSince: Period | null
  /** 2 = zero-employment household or 72-hour case, 1 = difficulty person, 0 = others. */
  priority: number
  employmentStatus: EmploymentStatus
  keyGroups: string[]
  doneAt: string | null
}

/**
 * Deductions a county officer records by hand, each with the rule it applies (Hai'an 2021 §三2:
 * 因工作人员未及时通知本人进行就业登记、未及时系统登记影响待遇享受造成不良影响的年度考核扣分).
 */
export const MANUAL_DEDUCTION_RULES = {
  employment_registration: '海安 2021 §三2 未及时通知本人进行就业登记、未及时系统登记影响待遇享受',
} as const
export type ManualDeductionRule = keyof typeof MANUAL_DEDUCTION_RULES

export const manualDeductionSchema = z
  .object({
    personId: z.string().regex(/^psn_[a-z0-9_]{1,40}$/, '人员编号格式不正确'),
    rule: z.enum(Object.keys(MANUAL_DEDUCTION_RULES) as [ManualDeductionRule, ...ManualDeductionRule[]], {
      error: '扣分事由只能是 employment_registration（未及时引导就业登记）',
    }),
    reason: plainText('情况说明', { min: 4, max: 200 }),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确'),
  })
  .strict()
export type ManualDeductionInput = z.infer<typeof manualDeductionSchema>
