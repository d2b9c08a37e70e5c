import type { ApplicationType } from '../applications/application-types'
import type { ReturneeView } from '../jobs/seeker'
import { regionCodeSchema } from '../regions/region-code'
import { calendarDateSchema, plainText } from '../text'
import { z } from '../validation'
import { idNumberSchema, mobileSchema, personNameSchema } from './identity-numbers'

/** Employment status drives the follow-up cadence (DOMAIN.md: monthly / half-yearly / yearly). */
export const EMPLOYMENT_STATUSES = {
  unemployed: '失业',
  flexible: '灵活就业',
  stable: '稳定就业',
  no_wish: '无就业愿望',
} as const
export type EmploymentStatus = keyof typeof EMPLOYMENT_STATUSES
export const employmentStatusSchema = z.enum(
  Object.keys(EMPLOYMENT_STATUSES) as [EmploymentStatus, ...EmploymentStatus[]],
  { error: '请选择就业状态（失业、灵活就业、稳定就业或无就业愿望）' },
)

/** The six key groups (重点群体); set by certification or staff, never by the resident alone. */
export const KEY_GROUPS = {
  registered_unemployed: '登记失业人员',
  difficulty: '就业困难人员',
  graduate: '高校毕业生',
  relatively_poor: '相对贫困群体',
  veteran: '复员转业退役军人',
  returning_migrant: '返乡农民工',
} as const
export type KeyGroup = keyof typeof KEY_GROUPS
export const keyGroupSchema = z.enum(Object.keys(KEY_GROUPS) as [KeyGroup, ...KeyGroup[]], {
  error: '重点群体只能是：登记失业人员、就业困难人员、高校毕业生、相对贫困群体、复员转业退役军人、返乡农民工',
})

/**
 * Groups a resident may declare about themselves; each stays pending until a coordinator
 * confirms it. The others come from certification (登记失业、就业困难) or staff records (相对贫困).
 */
export const DECLARABLE_GROUPS = ['graduate', 'veteran', 'returning_migrant'] as const
export type DeclarableGroup = (typeof DECLARABLE_GROUPS)[number]

export const keyGroupAddSchema = z
  .object({
    group: keyGroupSchema,
    since: calendarDateSchema('认定日期'),
    reason: plainText('认定依据', { min: 2, max: 200 }),
    /** An uploaded file (POST /api/files) backing the entry. */
    evidence: z
      .string()
      .regex(/^file_[a-z0-9_]{1,40}$/, '证明材料编号格式不正确')
      .optional(),
  })
  .strict()

export const keyGroupEndSchema = z
  .object({
    date: calendarDateSchema('结束日期'),
    reason: plainText('结束原因', { min: 2, max: 200 }),
  })
  .strict()

export const keyGroupDeclareSchema = z
  .object({
    group: z.enum(DECLARABLE_GROUPS, {
      error: '可自行申报的身份为：高校毕业生、复员转业退役军人、返乡农民工',
    }),
    since: calendarDateSchema('日期'),
    note: plainText('情况说明', { max: 200 }).optional(),
  })
  .strict()

export const keyGroupConfirmSchema = z
  .object({
    decision: z.enum(['confirm', 'reject'], { error: 'decision 只能是 confirm 或 reject' }),
    reason: plainText('理由', { max: 200 }).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予确认必须填写理由' })
    }
  })

export const KEY_GROUP_ACTIONS = {
  added: '认定',
  ended: '结束',
  declared: '本人申报',
  confirmed: '确认申报',
  rejected: '不予确认',
} as const
export type KeyGroupAction = keyof typeof KEY_GROUP_ACTIONS

/** Household registration (户籍), a condition of several policies. */
export const HUKOU_TYPES = {
  local_urban: '本地城镇户籍',
  local_rural: '本地农村户籍',
  other: '外地户籍',
} as const
export type Hukou = keyof typeof HUKOU_TYPES
export const hukouSchema = z.enum(Object.keys(HUKOU_TYPES) as [Hukou, ...Hukou[]], {
  error: '请选择户籍类型（本地城镇、本地农村或外地）',
})

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const shortText = (label: string, max: number) => plainText(label, { max })

/**
 * What a resident fills in about themselves: identity, contact, home community, and their side
 * of the "five clears" (五清) — skills, job and training wishes, family situation, employment
 * status. Policies enjoyed are never the resident's to write: they come from approved
 * applications and staff records. A changed employment status is recorded as reported until a
 * follow-up confirms it (Hai'an 2021: 摸清…培训意愿和就业意愿).
 */
export const profileSchema = z.object({
  employmentStatus: employmentStatusSchema,
  employmentSince: dateSchema.nullable().optional(),
  skills: z.array(shortText('技能', 20)).max(20).optional(),
  jobWishes: z
    .object({
      occupations: z.array(shortText('意向岗位', 20)).max(10).default([]),
      places: z.array(shortText('意向地点', 20)).max(10).default([]),
      expectedPay: z.number().int().min(0).max(1_000_000).nullable().default(null),
    })
    .strict()
    .optional(),
  trainingWish: z
    .object({
      wants: z.boolean({ error: '培训意愿应为是或否' }).nullable().default(null),
      courses: z.array(shortText('意向培训', 20)).max(10).default([]),
    })
    .strict()
    .optional(),
  hukou: hukouSchema.nullable().optional(),
  family: z
    .object({
      householdSize: z
        .number()
        .int({ error: '家庭人口应为整数' })
        .min(1, { error: '家庭人口至少 1 人' })
        .max(20, { error: '家庭人口不超过 20 人' })
        .nullable()
        .default(null),
      situation: shortText('家庭情况', 200).nullable().default(null),
    })
    .strict()
    .optional(),
})

/**
 * The resident's record as the profile form sends it. ID number and phone may be left out of a
 * correction (the stored ones are kept, so a save needs no audited reveal and no retyping); the
 * first registration needs both.
 */
export const meUpdateSchema = z
  .object({
    name: personNameSchema,
    idNumber: idNumberSchema.optional(),
    phone: mobileSchema.optional(),
    community: regionCodeSchema.refine((c) => c.length === 12, '请选择所在社区/村'),
    ...profileSchema.shape,
  })
  .strict()
export type MeUpdate = z.infer<typeof meUpdateSchema>

/** A first registration proves the phone: sent without a code, then again with the code received. */
export const meBindSchema = meUpdateSchema.extend({
  phoneCode: z
    .string()
    .regex(/^\d{6}$/, '验证码为 6 位数字')
    .optional(),
})
export type MeBind = z.infer<typeof meBindSchema>

/** The answer to a first registration without a code (the same whether the ID is known or not). */
export interface PhoneStep {
  step: 'verify_phone'
  phoneMasked: string
  expiresInSeconds: number
  /** `unavailable` where the deployment has no SMS sender yet: the community confirms instead. */
  delivery: 'sms' | 'unavailable'
}

/** A resident's request that the community confirm their identity in person. */
export interface BindRequestView {
  step: 'pending_confirmation'
  status: 'pending' | 'confirmed' | 'refused'
  communityName: string | null
  createdAt: string
  note: string | null
}

/** Staff correct a name or an ID number, with the reason on record. */
export const identityCorrectionSchema = z
  .object({
    name: personNameSchema,
    idNumber: idNumberSchema.optional(),
    reason: plainText('更正原因', { min: 4, max: 200 }),
  })
  .strict()
export type IdentityCorrection = z.infer<typeof identityCorrectionSchema>

export const bindDecisionSchema = z
  .object({
    decision: z.enum(['confirm', 'refuse'], { error: '请选择确认或不予确认' }),
    note: plainText('核实说明', { min: 2, max: 200 }),
  })
  .strict()

export const revealQuerySchema = z
  .object({ reveal: z.enum(['idNumber'], { error: 'reveal 只能是 idNumber' }).optional() })
  .strict()

/** Staff may also reveal a person's phone, to call them: audited like the ID number. */
export const personRevealQuerySchema = z
  .object({ reveal: z.enum(['idNumber', 'phone'], { error: 'reveal 只能是 idNumber 或 phone' }).optional() })
  .strict()

/** A benefit being (or having been) enjoyed, with the months it covers. */
export interface EnjoymentView {
  id: string
  policyId: string | null
  applicationType: ApplicationType | null
  label: string
  from: string
  to: string | null
  source: 'application' | 'staff'
  active: boolean
}

/** A person as their owner or entitled staff see them; ID number and phone masked by default. */
export interface PersonView {
  id: string
  /** Name and ID number are in use (an application, a certificate, a key group): only staff correct them. */
  identityLocked?: boolean
  name: string
  idNumber: string
  idNumberMasked: boolean
  phone: string
  gender: 'male' | 'female'
  birthDate: string
  community: string
  communityName: string | null
  /** Confirmed by a follow-up (or first reported at registration): the cadence follows this. */
  employmentStatus: EmploymentStatus
  employmentSince: string | null
  /** What the resident reported since, waiting for a follow-up to confirm it. */
  reportedEmployment: { status: EmploymentStatus; since: string | null; at: string } | null
  skills: string[]
  jobWishes: { occupations: string[]; places: string[]; expectedPay: number | null }
  trainingWish: { wants: boolean | null; courses: string[] }
  hukou: Hukou | null
  family: { householdSize: number | null; situation: string | null }
  /** Labels of the benefits enjoyed (for lists); `enjoyments` has the detail. */
  policiesEnjoyed: string[]
  enjoyments: EnjoymentView[]
  keyGroups: { group: KeyGroup; label: string; since: string; reason: string | null }[]
  /** Declared by the resident, waiting for the coordinator. */
  pendingGroups: { group: KeyGroup; label: string; since: string; note: string | null; at: string }[]
  keyGroupHistory: {
    at: string
    group: KeyGroup
    label: string
    action: KeyGroupAction
    actionLabel: string
    date: string
    reason: string | null
    by: string
    evidence: string | null
  }[]
  publicWelfarePost: { post: string; employer: string; since: string; until?: string } | null
  /** Registered as back from work elsewhere (返乡登记). */
  returnee: ReturneeView | null
  /** The resident's own choice about job pushes (null: the default for their situation). */
  jobPush: 'on' | 'off' | null
  /** 就业失业登记证; `endedAt`: the unemployment registration ended by a 就业登记. */
  registration: { certificateNo: string; registeredAt: string; endedAt?: string | null } | null
  householdId: string | null
  /** Left the labour market or the area: no follow-up tasks from `date` on. */
  exit: PersonExitView | null
  /** Staff only: whether the monthly run follows them, and if not, why not. */
  followup?: { followed: boolean; note: string }
  /** The last 就业登记 recorded for them. */
  employmentRegistration: EmploymentRegistrationView | null
  updatedAt: string
}

/**
 * Why a person stops being followed (Hai'an 2021: 退休、迁出、死亡、退出人力资源市场) — and is set aside
 * in the zero-employment test (丧失劳动能力 too).
 */
export const EXIT_REASONS = {
  retired: '退休',
  moved_away: '迁出本地',
  deceased: '死亡',
  left_market: '退出人力资源市场',
  unable_to_work: '丧失劳动能力',
} as const
export type ExitReason = keyof typeof EXIT_REASONS

export const personExitSchema = z
  .object({
    reason: z.enum(Object.keys(EXIT_REASONS) as [ExitReason, ...ExitReason[]], {
      error: `退出原因只能是 ${Object.values(EXIT_REASONS).join('、')}`,
    }),
    date: calendarDateSchema('退出日期'),
    note: plainText('说明', { max: 200 }).default(''),
  })
  .strict()
export type PersonExitInput = z.infer<typeof personExitSchema>

export interface PersonExitView {
  reason: ExitReason
  reasonLabel: string
  date: string
  note: string
  by: string
  at: string
}

/** How a registered-unemployed person found work (就业登记的就业形式). */
export const EMPLOYMENT_KINDS = {
  unit: '单位就业',
  flexible: '灵活就业',
  self_employed: '自主创业',
  welfare_post: '公益性岗位',
} as const
export type EmploymentKind = keyof typeof EMPLOYMENT_KINDS

/**
 * 就业登记: the coordinator records where and since when a person works; it ends the unemployment
 * registration (the certificate stays theirs, for a later re-registration).
 */
export const employmentRegistrationSchema = z
  .object({
    employer: plainText('就业单位', { min: 2, max: 60 }),
    date: calendarDateSchema('就业日期'),
    kind: z.enum(Object.keys(EMPLOYMENT_KINDS) as [EmploymentKind, ...EmploymentKind[]], {
      error: `就业形式只能是 ${Object.values(EMPLOYMENT_KINDS).join('、')}`,
    }),
    post: plainText('岗位', { max: 30 }).default(''),
    note: plainText('说明', { max: 200 }).default(''),
  })
  .strict()
export type EmploymentRegistrationInput = z.infer<typeof employmentRegistrationSchema>

export interface EmploymentRegistrationView {
  employer: string
  date: string
  kind: EmploymentKind
  kindLabel: string
  post: string
  note: string
  by: string
  at: string
}

/** A person in a staff list or search result: masked, enough to tell two 张伟 apart. */
export interface PersonSummary {
  id: string
  name: string
  idNumberMasked: string
  gender: 'male' | 'female'
  age: number
  community: string
  communityName: string | null
  employmentStatus: EmploymentStatus
  employmentLabel: string
  householdId: string | null
  /** The resident has bound the record to their own account. */
  bound: boolean
}

/** A household as the coordinator sees it: who counts in the zero-employment test, and why not. */
export interface HouseholdView {
  id: string
  /** Every member of working age out of work, at least one unemployed (an urban household). */
  zeroEmployment: boolean
  /** All recorded hukou rural: not an urban household, the zero-employment test does not apply. */
  rural: boolean
  members: (PersonSummary & { counted: boolean; label: string | null })[]
}
