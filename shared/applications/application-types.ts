import { plainText } from '../text'
import { z } from '../validation'

/**
 * The services a resident can apply for, each with its form (one zod schema used by the app's
 * form and by the function), the materials it needs, and its review chain. The chain is
 * configuration: a region can change it without touching the state machine.
 *
 * Default chain (DOMAIN.md, Xinjiang 2010 opinion): community first review -> public notice ->
 * street/town review -> county decision. Unemployment registration needs only community + street.
 */
export const STAGES = {
  community_review: '社区初审',
  public_notice: '公示',
  street_review: '街道/镇复核',
  county_decision: '县级审批',
} as const
export type Stage = keyof typeof STAGES

export const DEFAULT_CHAIN: Stage[] = [
  'community_review',
  'public_notice',
  'street_review',
  'county_decision',
]
export const REGISTRATION_CHAIN: Stage[] = ['community_review', 'street_review']

/** Working days a public notice stays up (公示期), unless a region configures otherwise. */
export const NOTICE_WORKDAYS = 5

const date = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
const month = (label: string) => z.string().regex(/^\d{4}-\d{2}$/, `${label}格式应为 YYYY-MM`)
const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`)
    .max(max, `${label}最多 ${max} 个字`)
const money = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0)
    .max(max, `${label}不能超过 ${max}`)

export interface Material {
  key: string
  label: string
  required: boolean
}

interface TypeSpec<S extends z.ZodType> {
  label: string
  summary: string
  form: S
  materials: Material[]
  chain: Stage[]
  /** Must the applicant already be registered as unemployed? Then we route them there first. */
  needsRegistration: boolean
  /** Touches health, disability or income: never shown beyond the reviewers. */
  sensitive: boolean
}

const ID_CARD: Material = { key: 'id_card', label: '居民身份证', required: true }
const REG_CERT: Material = { key: 'registration_certificate', label: '就业失业登记证', required: true }

export const APPLICATION_TYPES = {
  unemployment_registration: {
    label: '失业登记',
    summary:
      '法定劳动年龄内、有劳动能力和就业要求、处于无业状态的城乡劳动者，可办理失业登记，领取《就业失业登记证》，享受就业服务和扶持政策。',
    form: z
      .object({
        unemployedSince: date('失业日期'),
        reason: z.enum(
          ['contract_ended', 'dismissed', 'resigned', 'business_closed', 'never_employed', 'other'],
          {
            error: '请选择失业原因',
          },
        ),
        lastEmployer: text('原工作单位', 1, 60).optional(),
        hukou: z.enum(['local_urban', 'local_rural', 'other'], { error: '请选择户籍类型' }),
      })
      .strict(),
    materials: [
      ID_CARD,
      { key: 'separation_proof', label: '解除或终止劳动合同证明（如有）', required: false },
    ],
    chain: REGISTRATION_CHAIN,
    needsRegistration: false,
    sensitive: false,
  },
  difficulty_certification: {
    label: '就业困难人员认定',
    summary:
      '因身体状况、技能水平、家庭因素、失去土地或长期失业等原因难以实现就业的登记失业人员，可申请认定为就业困难人员，认定后发放《就业援助卡》。',
    form: z
      .object({
        category: z.enum(
          [
            'age_4050',
            'disabled',
            'low_income_family',
            'long_term_unemployed',
            'land_lost',
            'zero_employment_household',
            'other',
          ],
          {
            error: '请选择困难类别',
          },
        ),
        statement: text('情况说明', 10, 500),
      })
      .strict(),
    materials: [
      ID_CARD,
      REG_CERT,
      { key: 'category_proof', label: '困难类别证明（残疾证、低保证等）', required: true },
    ],
    chain: DEFAULT_CHAIN,
    needsRegistration: true,
    sensitive: true,
  },
  assistance_card: {
    label: '就业援助卡（重新发放）',
    summary: '已享受就业扶持政策期满但仍符合援助条件的，可申请重新发放《就业援助卡》，经公示认定后发放。',
    form: z
      .object({
        reason: z.enum(['policy_period_ended', 'lost', 'damaged'], { error: '请选择申请原因' }),
        note: text('补充说明', 1, 200).optional(),
      })
      .strict(),
    materials: [ID_CARD, REG_CERT],
    chain: DEFAULT_CHAIN,
    needsRegistration: true,
    sensitive: false,
  },
  social_insurance_subsidy: {
    label: '社会保险补贴',
    summary: '就业困难人员灵活就业或被单位吸纳就业并缴纳社会保险的，可按规定申请社会保险补贴。',
    form: z
      .object({
        employmentType: z.enum(['flexible', 'employed_by_unit'], { error: '请选择就业形式' }),
        employerName: text('用人单位', 1, 60).optional(),
        insuredFrom: month('参保起始月'),
        months: z
          .number()
          .int({ error: '补贴月数应为整数' })
          .min(1, '补贴月数至少 1 个月')
          .max(12, '一次最多申请 12 个月'),
      })
      .strict(),
    materials: [ID_CARD, REG_CERT, { key: 'insurance_record', label: '社会保险缴费凭证', required: true }],
    chain: DEFAULT_CHAIN,
    needsRegistration: true,
    sensitive: false,
  },
  post_subsidy: {
    label: '岗位补贴',
    summary: '在公益性岗位安置就业的就业困难人员，可按规定享受岗位补贴。',
    form: z
      .object({
        postName: text('岗位名称', 1, 40),
        employerName: text('用人单位', 1, 60),
        startedOn: date('上岗日期'),
      })
      .strict(),
    materials: [ID_CARD, { key: 'labour_contract', label: '劳动合同', required: true }],
    chain: DEFAULT_CHAIN,
    needsRegistration: true,
    sensitive: false,
  },
  startup_subsidy: {
    label: '初始创业补贴',
    summary: '首次创办小微企业或从事个体经营，正常经营一定期限并带动就业的，可申请一次性初始创业补贴。',
    form: z
      .object({
        businessName: text('经营主体名称', 2, 60),
        creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为 18 位'),
        registeredOn: date('注册日期'),
        employees: z
          .number()
          .int({ error: '员工人数应为整数' })
          .min(0, '员工人数不能为负')
          .max(1000, '员工人数不超过 1000'),
      })
      .strict(),
    materials: [ID_CARD, { key: 'business_license', label: '营业执照', required: true }],
    chain: DEFAULT_CHAIN,
    needsRegistration: false,
    sensitive: false,
  },
  loan_interest_subsidy: {
    label: '创业担保贷款贴息',
    summary: '符合条件的创业者申请创业担保贷款（富民创业担保贷款）的，可按规定享受贴息。',
    form: z
      .object({
        bank: text('贷款银行', 2, 40),
        loanAmount: money('贷款金额（元）', 3_000_000),
        loanStart: date('放款日期'),
        loanMonths: z
          .number()
          .int({ error: '贷款期限应为整数个月' })
          .min(1, '贷款期限至少 1 个月')
          .max(36, '贷款期限最长 36 个月'),
      })
      .strict(),
    materials: [ID_CARD, { key: 'loan_contract', label: '借款合同', required: true }],
    chain: DEFAULT_CHAIN,
    needsRegistration: false,
    sensitive: false,
  },
  training_subsidy: {
    label: '培训补贴',
    summary: '参加职业技能培训并取得证书的，可按规定申请职业培训补贴。',
    form: z
      .object({
        course: text('培训项目', 2, 40),
        institution: text('培训机构', 2, 60),
        finishedOn: date('结业日期'),
        certificateNo: text('证书编号', 1, 40).optional(),
      })
      .strict(),
    materials: [ID_CARD, { key: 'certificate', label: '职业资格或培训合格证书', required: true }],
    chain: DEFAULT_CHAIN,
    needsRegistration: false,
    sensitive: false,
  },
  unemployment_insurance: {
    label: '失业保险待遇',
    summary:
      '失业前用人单位和本人已缴纳失业保险费满一年、非因本人意愿中断就业、已办理失业登记并有求职要求的，可申领失业保险金。',
    form: z
      .object({
        lastEmployer: text('原工作单位', 1, 60),
        separationDate: date('离职日期'),
        insuredYears: z.number().min(1, '缴费满一年方可申领').max(50),
      })
      .strict(),
    materials: [
      ID_CARD,
      REG_CERT,
      { key: 'separation_proof', label: '解除或终止劳动合同证明', required: true },
    ],
    chain: REGISTRATION_CHAIN,
    needsRegistration: true,
    sensitive: false,
  },
} as const satisfies Record<string, TypeSpec<z.ZodType>>

export type ApplicationType = keyof typeof APPLICATION_TYPES
export const applicationTypeSchema = z.enum(
  Object.keys(APPLICATION_TYPES) as [ApplicationType, ...ApplicationType[]],
  {
    error: '没有这种申请类型',
  },
)

/** Where an application stands. Stages are its open states; the rest are how it waits or ends. */
export const STATUSES = {
  waiting_registration: '待完成失业登记',
  community_review: '社区初审中',
  public_notice: '公示中',
  objection_hold: '公示异议处理中',
  street_review: '街道/镇复核中',
  county_decision: '县级审批中',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
} as const
export type ApplicationStatus = keyof typeof STATUSES
export const CLOSED_STATUSES: ApplicationStatus[] = ['approved', 'rejected', 'withdrawn']

/** The next open state after `stage` is approved, or 'approved' at the end of the chain. */
export const nextAfter = (chain: readonly Stage[], stage: Stage): ApplicationStatus => {
  const i = chain.indexOf(stage)
  if (i < 0) throw new Error(`stage ${stage} is not in the chain`)
  return chain[i + 1] ?? 'approved'
}

/** How the resident agreed to an application staff file for them (代为申请须经本人同意). */
export const CONSENT_METHODS = {
  in_person: '本人当面确认',
  signed: '本人签字确认（纸质申请表）',
  phone: '电话确认',
  written_proxy: '书面委托',
} as const
export type ConsentMethod = keyof typeof CONSENT_METHODS

export const consentSchema = z
  .object({
    method: z.enum(Object.keys(CONSENT_METHODS) as [ConsentMethod, ...ConsentMethod[]], {
      error: `本人同意方式只能是 ${Object.values(CONSENT_METHODS).join('、')}`,
    }),
    note: plainText('同意情况说明', { max: 200 }).default(''),
  })
  .strict()
export type ConsentInput = z.infer<typeof consentSchema>

export const submitApplicationSchema = z
  .object({
    type: applicationTypeSchema,
    data: z.record(z.string(), z.unknown()),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'idempotencyKey 应为 8-64 位字母数字'),
    /** Staff filing on a resident's behalf (home visits, census). */
    personId: z.string().optional(),
    /** Required when staff file on a resident's behalf: how the resident agreed. */
    consent: consentSchema.optional(),
    /** The policy the application is for, when the resident came from its page. */
    policyId: z
      .string()
      .regex(/^pol_[a-z0-9_]{1,60}$/, '政策编号格式不正确')
      .optional(),
    /** Uploaded materials (POST /api/files), by material key. Originals can also be shown at the counter. */
    materials: z
      .array(z.object({ key: z.string().max(40), fileId: z.string().max(60) }).strict())
      .max(10)
      .default([]),
  })
  .strict()

export const reviewDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'decision 只能是 approve 或 reject' }),
    reason: z.string().trim().max(300, '理由最多 300 个字').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不通过必须填写理由' })
    }
  })

export const objectionSchema = z
  .object({ reason: z.string().trim().min(5, '异议理由至少 5 个字').max(300) })
  .strict()

export interface TimelineEntry {
  at: string
  action:
    | 'submitted'
    | 'routed'
    | 'resumed'
    | 'approved'
    | 'rejected'
    | 'notice_started'
    | 'notice_ended'
    | 'objection'
    | 'objection_dismissed'
    | 'withdrawn'
    | 'issued'
    | 'transferred'
  status: ApplicationStatus
  /** Who, as the resident may read it: a role and an office, never a person's account. */
  actor: string
  reason?: string
}

/** An application as its applicant (and staff in scope) see it. */
export interface ApplicationView {
  id: string
  type: ApplicationType
  typeLabel: string
  status: ApplicationStatus
  statusLabel: string
  chain: Stage[]
  data: Record<string, unknown>
  community: string
  communityName: string | null
  timeline: TimelineEntry[]
  notice: { startedAt: string; endsAt: string } | null
  result: { certificateNo?: string; cardNumber?: string } | null
  materials: { key: string; label: string; fileId: string; name: string }[]
  /** Required materials not uploaded: to be checked against originals at the counter. */
  missingMaterials: string[]
  canWithdraw: boolean
  createdAt: string
  updatedAt: string
  /** Staff views only. */
  applicant?: { personId: string; name: string; idNumber: string }
  /** Staff views: what each objection to the notice says (never who made it). */
  objections?: { at: string; reason: string }[]
  /** Staff views: the reviewer's own or their household's application, which they must leave to a peer. */
  ownCase?: boolean
  /** Staff views: what the registry says about a fact the application claims. */
  registryCheck?: { label: string; ok: boolean; note: string }
  /** Filed by staff for the resident, with how the resident agreed. */
  onBehalf: { by: string; method: ConsentMethod; methodLabel: string; note: string; at: string } | null
}

/** One line of a community's public notice: masked name, what, until when. Nothing else. */
export interface PublicNoticeItem {
  id: string
  name: string
  typeLabel: string
  community: string
  communityName: string | null
  startedAt: string
  endsAt: string
  status: 'public_notice' | 'objection_hold'
}
