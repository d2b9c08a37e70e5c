import { jobCategorySchema } from '../jobs/job'
import { mobileSchema } from '../people/identity-numbers'
import { regionCodeSchema } from '../regions/region-code'
import { dayOrInstantSchema, plainText } from '../text'
import { z } from '../validation'
import { creditCodeSchema } from './credit-code'

/**
 * Employers and their vacancies (空岗信息). An employer registers in the mini-program (or staff
 * create one on a visit, 走访企业); street or county staff verify it before any of its
 * vacancies can be published. A vacancy goes draft → pending review → published, then paused,
 * filled or expired; every step is in its timeline.
 */
export const EMPLOYER_STATUSES = { pending: '待核验', verified: '已核验', rejected: '未通过核验' } as const
export type EmployerStatus = keyof typeof EMPLOYER_STATUSES

export const employerIdSchema = z.string().regex(/^emp_[a-z0-9_]{1,40}$/, '单位编号格式不正确')

export const employerInputSchema = z
  .object({
    name: plainText('单位名称', { min: 2, max: 60 }),
    creditCode: creditCodeSchema,
    /** The town or community where the unit is. */
    region: regionCodeSchema.refine((c) => c.length >= 9, '请选择单位所在的镇（街道）或社区'),
    address: plainText('地址', { max: 100 }).default(''),
    industry: plainText('行业', { max: 30 }).default(''),
    contact: z
      .object({
        name: plainText('联系人', { min: 1, max: 20 }),
        phone: mobileSchema,
      })
      .strict(),
  })
  .strict()
export type EmployerInput = z.infer<typeof employerInputSchema>

export const verifySchema = z
  .object({
    decision: z.enum(['verify', 'reject'], { error: 'decision 只能是 verify 或 reject' }).default('verify'),
    reason: plainText('理由', { max: 200 }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过核验必须填写理由' })
    }
  })

export interface EmployerView {
  id: string
  name: string
  creditCode: string
  region: string
  regionName: string | null
  address: string
  industry: string
  /** Masked for everyone but the employer itself and staff of its region. */
  contact: { name: string; phone: string }
  status: EmployerStatus
  statusLabel: string
  history: { at: string; action: string; by: string; reason: string | null }[]
  createdAt: string
}

export const VACANCY_STATUSES = {
  draft: '草稿',
  pending: '待审核',
  published: '已发布',
  paused: '已暂停',
  filled: '已招满',
  expired: '已过期',
  rejected: '未通过审核',
} as const
export type VacancyStatus = keyof typeof VACANCY_STATUSES

export const vacancyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '岗位编号格式不正确')

/** What an employer (or staff on its behalf) writes about a vacancy. Pay is yuan per month. */
export const vacancyInputSchema = z
  .object({
    /** Staff posting on an employer's behalf name it; an employer account posts for itself. */
    employerId: employerIdSchema.optional(),
    title: plainText('岗位名称', { min: 2, max: 40 }),
    category: jobCategorySchema,
    count: z
      .number({ error: (iss) => (iss.input === undefined ? '请填写招聘人数' : '招聘人数应为数字') })
      .int('招聘人数应为整数')
      .min(1, '招聘人数至少 1 人')
      .max(999),
    salaryMin: z
      .number({ error: (iss) => (iss.input === undefined ? '请填写最低月薪' : '最低月薪应为数字') })
      .int('月薪应为整数')
      .min(0)
      .max(1_000_000),
    salaryMax: z
      .number({ error: (iss) => (iss.input === undefined ? '请填写最高月薪' : '最高月薪应为数字') })
      .int('月薪应为整数')
      .min(0)
      .max(1_000_000),
    hours: plainText('工作时间', { max: 40 }).default(''),
    /** The town or community where the work is. */
    region: regionCodeSchema.refine((c) => c.length >= 9, '请选择工作地点所在的镇（街道）或社区'),
    address: plainText('工作地址', { max: 100 }).default(''),
    requirements: z
      .array(plainText('要求', { min: 1, max: 100 }))
      .max(10)
      .default([]),
    benefits: z
      .array(plainText('福利', { min: 1, max: 20 }))
      .max(10)
      .default([]),
    education: plainText('学历要求', { max: 20 }).default('不限'),
    experience: plainText('经验要求', { max: 20 }).default('不限'),
    description: plainText('岗位说明', { min: 2, max: 2000 }),
    validUntil: dayOrInstantSchema('有效期'),
    contactName: plainText('联系人', { max: 20 }).default(''),
    contactPhone: plainText('联系电话', { max: 20 }).default(''),
    /** Keep as a draft instead of sending it for review. */
    draft: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.salaryMin > v.salaryMax) {
      ctx.addIssue({ code: 'custom', path: ['salaryMax'], message: '最高月薪不能低于最低月薪' })
    }
  })
export type VacancyInput = z.infer<typeof vacancyInputSchema>

export const vacancyReviewSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'decision 只能是 approve 或 reject' }),
    reason: plainText('理由', { max: 200 }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过必须填写理由' })
    }
  })

/** What the employer (or staff) does with a vacancy after it is out. */
export const vacancyStatusSchema = z
  .object({
    status: z.enum(['paused', 'published', 'filled', 'pending'], {
      error: 'status 只能是 paused（暂停）、published（恢复）、filled（招满）或 pending（提交审核）',
    }),
    reason: plainText('说明', { max: 200 }).optional(),
  })
  .strict()

export interface VacancyTimelineEntry {
  at: string
  status: VacancyStatus
  by: string
  reason: string | null
}

/** A vacancy as its employer and staff see it (the job board shows the public `Job`). */
export interface VacancyView {
  id: string
  employerId: string | null
  employer: string
  title: string
  category: string
  categoryLabel: string
  count: number
  salaryMin: number
  salaryMax: number
  region: string
  regionName: string | null
  status: VacancyStatus
  statusLabel: string
  validUntil: string
  publicWelfare: boolean
  address: string
  hours: string
  education: string
  experience: string
  description: string
  requirements: string[]
  benefits: string[]
  timeline: VacancyTimelineEntry[]
  updatedAt: string
}
