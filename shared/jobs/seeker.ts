import { calendarDateSchema, plainText } from '../text'
import { z } from '../validation'
import type { Job, JobSummary } from './job'

/**
 * A seeker's side of the labour market: interest in a vacancy (我要应聘) and what came of it,
 * the returning migrant worker's registration (返乡登记), and the jobs pushed to them (送岗位).
 */

export const INTEREST_STATUSES = {
  interested: '已报名',
  interview: '约面试',
  hired: '已录用',
  not_hired: '未录用',
} as const
export type InterestStatus = keyof typeof INTEREST_STATUSES

export const INTEREST_SOURCES = { board: '岗位列表', push: '岗位推送', recommendation: '为你推荐' } as const
export type InterestSource = keyof typeof INTEREST_SOURCES

export const interestInputSchema = z
  .object({
    /** Let the employer see the full phone number (otherwise masked, and the coordinator calls). */
    shareContact: z.boolean({ error: 'shareContact 应为是或否' }).default(false),
    source: z
      .enum(Object.keys(INTEREST_SOURCES) as [InterestSource, ...InterestSource[]], {
        error: 'source 只能是 board、push 或 recommendation',
      })
      .default('board'),
  })
  .strict()

export const interestOutcomeSchema = z
  .object({
    outcome: z.enum(['interview', 'hired', 'not_hired'], {
      error: 'outcome 只能是 interview（约面试）、hired（已录用）或 not_hired（未录用）',
    }),
    note: plainText('说明', { max: 200 }).optional(),
    /** The first working day, for a hire (defaults to today). */
    startedOn: calendarDateSchema('入职日期').optional(),
  })
  .strict()

export interface InterestView {
  id: string
  jobId: string
  jobTitle: string
  employer: string
  /** The applicant: name, and the phone — in full only when they agreed to share it. */
  personId: string
  name: string
  phone: string
  /** `phone` is the full number (a unit's audited reading of a shared phone). */
  phoneShared: boolean
  /** The seeker agreed to let the unit see the phone. */
  shareContact: boolean
  communityName: string | null
  source: InterestSource
  sourceLabel: string
  status: InterestStatus
  statusLabel: string
  history: { at: string; statusLabel: string; by: string; note: string | null }[]
  createdAt: string
  updatedAt: string
  /** In the seeker's own list: why the post takes no more applicants (已招满, 已过期…), or null. */
  jobClosed?: string | null
}

/** A resident's registration on coming back from work elsewhere (返乡农民工登记). */
export const returneeSchema = z
  .object({
    returnedAt: calendarDateSchema('返乡日期'),
    lastWorkplace: plainText('原务工地', { min: 2, max: 40 }),
    lastJob: plainText('原从事工作', { max: 30 }).default(''),
    wantsLocalWork: z.boolean({ error: '请选择是否希望在本地就业' }),
    skills: z
      .array(plainText('技能', { min: 1, max: 20 }))
      .max(10)
      .default([]),
    wishes: plainText('就业意愿', { max: 200 }).default(''),
  })
  .strict()
export type ReturneeInput = z.infer<typeof returneeSchema>

export interface ReturneeView extends ReturneeInput {
  registeredAt: string
  /** 本人 or the coordinator who registered it on a visit. */
  registeredBy: string
  /** Whether the key group is confirmed, or waits for the coordinator. */
  confirmed: boolean
}

export interface RecommendationItem {
  job: JobSummary
  score: number
  reasons: string[]
  /** Pushed to the seeker (the day), if it was. */
  pushedOn: string | null
  /** The seeker already said 我要应聘. */
  interested: boolean
}

/**
 * One vacancy as a seeker sees it: why it fits them (the same reasons a push and 为你推荐 give),
 * and — once they applied — the post even after it closed, with its status and contact.
 */
export interface MyJobView {
  job: Job
  /** Published and within its validity: open for 我要应聘. */
  open: boolean
  /** How well it fits the seeker, with the reasons in their words; null when closed or not shown. */
  match: { score: number; reasons: string[] } | null
}

/** The seeker's own switch for pushes: on by default for the unemployed and returnees. */
export const jobPushSettingSchema = z
  .object({ jobPush: z.enum(['on', 'off'], { error: 'jobPush 只能是 on 或 off' }) })
  .strict()

export interface JobPushView {
  id: string
  day: string
  personId: string
  name: string
  communityName: string | null
  jobs: {
    jobId: string
    title: string
    employer: string
    /** The vacancy's status now (it may have been filled since). */
    status: string
    score: number
    reasons: string[]
    /** The seeker said 我要应聘 to it. */
    responded: boolean
  }[]
}
