import {
  APPLICATION_TYPES,
  type ApplicationType,
  applicationTypeSchema,
} from '../applications/application-types'
import { regionCodeSchema } from '../regions/region-code'
import { calendarDateSchema, plainText } from '../text'
import { z } from '../validation'
import { type MissingField, type Reason, type Rule, type RuleLine, ruleSchema } from './rules'

/**
 * The policy catalogue (政策库): county-editable data, not code. A policy says who it is for (its
 * rule), what it gives (parameters), which application leads to it, and which other subsidies
 * it cannot be combined with for the same months.
 */
export const POLICY_STATUSES = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const
export type PolicyStatus = keyof typeof POLICY_STATUSES

export const policyIdSchema = z.string().regex(/^pol_[a-z0-9_]{1,60}$/, '政策编号格式不正确')
export const noticeIdSchema = z.string().regex(/^pn_[a-z0-9_]{1,60}$/, '通知编号格式不正确')

const monthSchema = (label: string) =>
  z.string({ error: `${label}应为月份` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM`)

/** An amount or period the policy sets ("补贴标准", "补贴期限"); a county changes it, not code. */
export const policyParamSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,30}$/, '参数名应为英文字母开头的字母数字'),
    label: plainText('参数名称', { min: 2, max: 30 }),
    value: z.union([z.number().finite(), plainText('参数值', { min: 1, max: 60 })], {
      error: '参数值应为数字或文字',
    }),
    unit: plainText('单位', { max: 10 }).optional(),
  })
  .strict()
export type PolicyParam = z.infer<typeof policyParamSchema>

export const policyInputSchema = z
  .object({
    title: plainText('政策名称', { min: 2, max: 60 }),
    summary: plainText('政策摘要', { min: 4, max: 300 }),
    body: plainText('政策全文', { max: 20_000 }).default(''),
    issuer: plainText('发文机关', { min: 2, max: 60 }).default('海安市人力资源和社会保障局'),
    docNumber: plainText('文号', { max: 60 }).nullable().default(null),
    regions: z.array(regionCodeSchema).min(1, '至少选择一个适用地区').max(50).optional(),
    /** Left out: in force from its publication. */
    effectiveFrom: calendarDateSchema('生效日期').optional(),
    effectiveTo: calendarDateSchema('失效日期').nullable().default(null),
    applicationType: applicationTypeSchema.nullable().default(null),
    /** A subsidy an eligible person must get: missing it costs the street/town a point (Hai'an 2021 §四3). */
    subsidy: z.boolean({ error: 'subsidy 应为 true 或 false' }).default(false),
    params: z.array(policyParamSchema).max(20, '参数最多 20 项').default([]),
    rules: ruleSchema,
    /** Policies that cannot be enjoyed for the same months as this one (补贴不得重复享受). */
    excludes: z.array(policyIdSchema).max(20).default([]),
    /** The version being edited; a stale form is refused instead of overwriting someone's edit. */
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.effectiveTo && p.effectiveFrom && p.effectiveTo < p.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: '失效日期不能早于生效日期' })
    }
    const keys = p.params.map((x) => x.key)
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i)
        ctx.addIssue({ code: 'custom', path: ['params', i, 'key'], message: `参数 ${k} 重复` })
    })
  })
export type PolicyInput = z.infer<typeof policyInputSchema>

export const withdrawSchema = z.object({ reason: plainText('撤回理由', { min: 2, max: 200 }) }).strict()

export const noticeInputSchema = z
  .object({
    title: plainText('通知标题', { min: 4, max: 60 }),
    body: plainText('通知内容', { min: 10, max: 5000 }),
    policyIds: z.array(policyIdSchema).min(1, '请选择通知涉及的政策').max(20),
    regions: z.array(regionCodeSchema).min(1).max(50).optional(),
  })
  .strict()
export type NoticeInput = z.infer<typeof noticeInputSchema>

export type Verdict = 'eligible' | 'enjoying' | 'not_eligible' | 'need_info'
export const VERDICTS: Record<Verdict, string> = {
  eligible: '可享受',
  enjoying: '已享受',
  not_eligible: '不符合',
  need_info: '需补充信息',
}
/** Order on the 政策 page: what I can get now first. */
export const VERDICT_ORDER: Verdict[] = ['eligible', 'need_info', 'enjoying', 'not_eligible']

export type NextStep =
  | {
      kind: 'apply'
      label: string
      applicationType: ApplicationType
      policyId: string
      prefill: Record<string, string>
    }
  | { kind: 'view_application'; label: string; applicationId: string }
  | { kind: 'complete_profile'; label: string; field: MissingField }
  | { kind: 'contact'; label: string; text: string }

export interface PolicySummary {
  id: string
  title: string
  summary: string
  issuer: string
  docNumber: string | null
  applicationType: ApplicationType | null
  applicationLabel: string | null
  subsidy: boolean
  /** null: in force from its publication. */
  effectiveFrom: string | null
  effectiveTo: string | null
  status: PolicyStatus
  statusLabel: string
  version: number
  updatedAt: string
}

export interface PolicyView extends PolicySummary {
  body: string
  regions: { code: string; name: string }[]
  params: PolicyParam[]
  /** The rule as readable lines ("属于就业困难人员"). */
  conditions: RuleLine[]
  /** The rule as data (for the county's editor). */
  rules: Rule
  excludes: { id: string; title: string }[]
  publishedAt: string | null
  withdrawnAt: string | null
  /** For a registered resident: their verdict with reasons. */
  eligibility?: EligibilityItem
}

export interface EligibilityItem {
  policyId: string
  title: string
  summary: string
  applicationType: ApplicationType | null
  verdict: Verdict
  verdictLabel: string
  reasons: Reason[]
  nextStep: NextStep | null
}

export interface PolicyNoticeView {
  id: string
  title: string
  body: string
  /** `live`: the policy can still be read; a withdrawn one is named but not linked. */
  policies: { id: string; title: string; live: boolean }[]
  status: PolicyStatus
  statusLabel: string
  publishedAt: string | null
  createdAt: string
}

/** How a policy was explained to a person (宣讲到人). */
export const EXPLAIN_CHANNELS = {
  phone: '电话',
  wechat: '微信',
  home_visit: '上门走访',
  meeting: '政策宣讲会',
  counter: '窗口咨询',
} as const
export type ExplainChannel = keyof typeof EXPLAIN_CHANNELS

export const explainedSchema = z
  .object({
    channel: z.enum(Object.keys(EXPLAIN_CHANNELS) as [ExplainChannel, ...ExplainChannel[]], {
      error: '请选择宣讲方式',
    }),
    date: calendarDateSchema('宣讲日期'),
    note: plainText('备注', { max: 200 }).optional(),
  })
  .strict()

/** A benefit staff record as enjoyed (paid outside the system, or before it existed). */
export const enjoymentInputSchema = z
  .object({
    policyId: policyIdSchema,
    from: monthSchema('起始月份'),
    to: monthSchema('截止月份').nullable().default(null),
    note: plainText('说明', { min: 2, max: 200 }),
  })
  .strict()
  .refine((v) => !v.to || v.to >= v.from, { path: ['to'], message: '截止月份不能早于起始月份' })
  .refine((v) => !v.to || monthIndex(v.to) - monthIndex(v.from) < 60, {
    path: ['to'],
    message: '一次登记最长 60 个月，请核对截止月份',
  })

export const candidateDecisionSchema = z
  .object({
    decision: z.enum(['confirm', 'dismiss'], { error: 'decision 只能是 confirm 或 dismiss' }),
    reason: plainText('理由', { min: 2, max: 200 }),
  })
  .strict()

export const quarterSchema = z.string().regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4')

// ---------------------------------------------------------------------------------------------
// Months a benefit covers. The same function dates an approved benefit and the months a new
// application claims, so "same person, same months" is checked on one definition.

export type Month = string // YYYY-MM

export const monthIndex = (m: Month): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1
export const addMonthsTo = (m: Month, n: number): Month => {
  const i = monthIndex(m) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

export interface MonthSpan {
  from: Month
  /** null: open-ended (a once-only benefit such as the initial startup subsidy). */
  to: Month | null
}

export const spansOverlap = (a: MonthSpan, b: MonthSpan): boolean =>
  (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to)

/** 失业保险条例 第十七条: 1–5 years of contributions give up to 12 months, 5–10 up to 18, 10+ up to 24. */
export const unemploymentBenefitMonths = (insuredYears: number): number =>
  insuredYears >= 10 ? 24 : insuredYears >= 5 ? 18 : 12

/** Default term of a public-welfare post subsidy when the policy sets none (a county parameter). */
export const DEFAULT_POST_TERM_MONTHS = 36

/**
 * The months an application of `type` claims (and, once approved, the months its benefit
 * covers). Certifications grant no benefit: null.
 */
export const benefitSpan = (
  type: ApplicationType,
  data: Record<string, unknown>,
  today: string,
  opts: { postTermMonths?: number } = {},
): MonthSpan | null => {
  const month = (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}/.test(v) ? v.slice(0, 7) : today.slice(0, 7)
  const n = (v: unknown, d: number) => (typeof v === 'number' && v > 0 ? Math.floor(v) : d)
  switch (type) {
    case 'social_insurance_subsidy': {
      const from = month(data.insuredFrom)
      return { from, to: addMonthsTo(from, n(data.months, 1) - 1) }
    }
    case 'post_subsidy': {
      const from = month(data.startedOn)
      return { from, to: addMonthsTo(from, (opts.postTermMonths ?? DEFAULT_POST_TERM_MONTHS) - 1) }
    }
    case 'loan_interest_subsidy': {
      const from = month(data.loanStart)
      return { from, to: addMonthsTo(from, n(data.loanMonths, 1) - 1) }
    }
    case 'unemployment_insurance': {
      const from = addMonthsTo(month(data.separationDate), 1)
      return { from, to: addMonthsTo(from, unemploymentBenefitMonths(Number(data.insuredYears) || 1) - 1) }
    }
    case 'startup_subsidy':
      return { from: month(data.registeredOn), to: null }
    case 'training_subsidy': {
      const m = month(data.finishedOn)
      return { from: m, to: m }
    }
    default:
      return null
  }
}

export const spanText = (s: MonthSpan): string =>
  s.to === null ? `${s.from} 起` : s.from === s.to ? s.from : `${s.from} 至 ${s.to}`

export const applicationLabel = (type: ApplicationType | null): string | null =>
  type ? APPLICATION_TYPES[type].label : null

// ---------------------------------------------------------------------------------------------
// Replies of the reach, briefing and deduction routes (shared with the app).

/** One row of 应享未享: a person eligible for a policy they do not enjoy yet. */
export interface UnenjoyedItem {
  id: string
  personId: string
  personName: string
  community: string
  communityName: string | null
  policyId: string
  policyTitle: string
  verdict: Verdict
  verdictLabel: string
  eligibleSince: string
  notifiedAt: string | null
  readAt: string | null
  explainedAt: string | null
  explained: { channel: string; channelLabel: string; date: string; by: string; note: string | null } | null
  appliedAt: string | null
}

/** Reach of a policy (or of one policy in one place): people targeted, told, knowing, enjoying. */
export interface ReachRow {
  key: string
  name: string
  targeted: number
  notified: number
  read: number
  explained: number
  known: number
  applied: number
  enjoying: number
  /** Percentages of the people targeted; null when nobody is. */
  knowRate: number | null
  enjoyRate: number | null
}

export interface ReachReply {
  region: string
  regionName: string | null
  policyId: string | null
  policyTitle?: string
  rows: ReachRow[]
}

export interface DeductionCandidateView {
  id: string
  quarter: string
  policyId: string
  policyTitle: string
  personId: string
  personName: string
  town: string
  townName: string | null
  community: string
  communityName: string | null
  eligibleSince: string
  status: 'candidate' | 'confirmed' | 'dismissed'
  decidedAt: string | null
  decidedBy: string | null
  reason: string | null
  createdAt: string
}

export interface KeyGroupClaimItem {
  personId: string
  name: string
  idNumber: string
  community: string
  communityName: string | null
  group: string
  label: string
  since: string
  note: string | null
  at: string
}

export interface PolicyVersionItem {
  version: number
  action: 'created' | 'edited' | 'published' | 'withdrawn'
  at: string
  title: string
  status: PolicyStatus
  conditions: RuleLine[]
}
