import {
  type APPLICATION_TYPES,
  type ApplicationStatus,
  type ApplicationType,
  applicationTypeSchema,
  type TimelineEntry,
} from '@shared/applications/application-types'
import type { z } from '@shared/validation'

/**
 * How the app asks for each application type's form data; shared/applications/application-types.ts
 * holds the schemas that decide what is valid. Field names are checked against the schemas' keys
 * by the type below; select options must list exactly the schema's enum values.
 */
export type FieldKind = 'text' | 'textarea' | 'date' | 'month' | 'number' | 'decimal' | 'select'

export interface FieldOption {
  value: string
  label: string
}

export interface FieldSpec<Name extends string = string> {
  name: Name
  label: string
  kind: FieldKind
  /** Optional in the schema: may be left empty. */
  optional?: boolean
  placeholder?: string
  hint?: string
  options?: FieldOption[]
  /** Unit shown after a number input. */
  unit?: string
  maxLength?: number
  /** Upper-case what is typed (codes). */
  upper?: boolean
  /** Only asked for when the other answers make it relevant. */
  when?: (values: FormValues) => boolean
}

/** What the form holds while the resident types: text, as entered. */
export type FormValues = Record<string, string>

type FormOf<T extends ApplicationType> = (typeof APPLICATION_TYPES)[T]['form']
type FieldNames<T extends ApplicationType> = Extract<keyof z.input<FormOf<T>>, string>

export type FieldConfig = { [T in ApplicationType]: FieldSpec<FieldNames<T>>[] }

const opts = (labels: Record<string, string>): FieldOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))

export const UNEMPLOYMENT_REASONS = {
  contract_ended: '劳动合同期满终止',
  dismissed: '被用人单位解除劳动合同',
  resigned: '本人辞职',
  business_closed: '企业或个体经营停业、关闭',
  never_employed: '从未就业',
  other: '其他原因',
}

export const FIELD_CONFIG: FieldConfig = {
  unemployment_registration: [
    { name: 'unemployedSince', label: '失业日期', kind: 'date', hint: '从未就业的，填写开始求职的日期' },
    { name: 'reason', label: '失业原因', kind: 'select', options: opts(UNEMPLOYMENT_REASONS) },
    {
      name: 'lastEmployer',
      label: '原工作单位',
      kind: 'text',
      optional: true,
      maxLength: 60,
      placeholder: '最后就业的单位名称',
      when: (v) => v.reason !== 'never_employed',
    },
    {
      name: 'hukou',
      label: '户籍类型',
      kind: 'select',
      options: opts({ local_urban: '本地城镇户籍', local_rural: '本地农村户籍', other: '外地户籍' }),
    },
  ],
  difficulty_certification: [
    {
      name: 'category',
      label: '困难类别',
      kind: 'select',
      options: opts({
        age_4050: '大龄（女满40岁、男满50岁）',
        disabled: '残疾人',
        low_income_family: '低保家庭成员',
        long_term_unemployed: '连续失业一年以上',
        land_lost: '失地农民',
        zero_employment_household: '零就业家庭成员',
        other: '其他困难情形',
      }),
    },
    {
      name: 'statement',
      label: '情况说明',
      kind: 'textarea',
      maxLength: 500,
      placeholder: '请简要说明家庭和就业困难情况（至少 10 个字）',
    },
  ],
  assistance_card: [
    {
      name: 'reason',
      label: '申请原因',
      kind: 'select',
      options: opts({
        policy_period_ended: '扶持政策期满仍符合条件',
        lost: '援助卡遗失',
        damaged: '援助卡损坏',
      }),
    },
    { name: 'note', label: '补充说明', kind: 'textarea', optional: true, maxLength: 200 },
  ],
  social_insurance_subsidy: [
    {
      name: 'employmentType',
      label: '就业形式',
      kind: 'select',
      options: opts({ flexible: '灵活就业', employed_by_unit: '单位吸纳就业' }),
    },
    {
      name: 'employerName',
      label: '用人单位',
      kind: 'text',
      optional: true,
      maxLength: 60,
      when: (v) => v.employmentType === 'employed_by_unit',
    },
    { name: 'insuredFrom', label: '参保起始月', kind: 'month' },
    { name: 'months', label: '申请补贴月数', kind: 'number', unit: '个月', hint: '一次最多申请 12 个月' },
  ],
  post_subsidy: [
    { name: 'postName', label: '岗位名称', kind: 'text', maxLength: 40 },
    { name: 'employerName', label: '用人单位', kind: 'text', maxLength: 60 },
    { name: 'startedOn', label: '上岗日期', kind: 'date' },
  ],
  startup_subsidy: [
    {
      name: 'businessName',
      label: '经营主体名称',
      kind: 'text',
      maxLength: 60,
      placeholder: '与营业执照一致',
    },
    {
      name: 'creditCode',
      label: '统一社会信用代码',
      kind: 'text',
      maxLength: 18,
      upper: true,
      placeholder: '营业执照上的 18 位代码',
    },
    { name: 'registeredOn', label: '注册日期', kind: 'date' },
    { name: 'employees', label: '带动就业人数', kind: 'number', unit: '人', hint: '不含本人，没有填 0' },
  ],
  loan_interest_subsidy: [
    { name: 'bank', label: '贷款银行', kind: 'text', maxLength: 40 },
    { name: 'loanAmount', label: '贷款金额', kind: 'number', unit: '元' },
    { name: 'loanStart', label: '放款日期', kind: 'date' },
    { name: 'loanMonths', label: '贷款期限', kind: 'number', unit: '个月', hint: '最长 36 个月' },
  ],
  training_subsidy: [
    { name: 'course', label: '培训项目', kind: 'text', maxLength: 40, placeholder: '如：育婴员、电工' },
    { name: 'institution', label: '培训机构', kind: 'text', maxLength: 60 },
    { name: 'finishedOn', label: '结业日期', kind: 'date' },
    { name: 'certificateNo', label: '证书编号', kind: 'text', optional: true, maxLength: 40 },
  ],
  unemployment_insurance: [
    { name: 'lastEmployer', label: '原工作单位', kind: 'text', maxLength: 60 },
    { name: 'separationDate', label: '离职日期', kind: 'date' },
    {
      name: 'insuredYears',
      label: '失业保险缴费年限',
      kind: 'decimal',
      unit: '年',
      hint: '可填小数，如 2.5',
    },
  ],
}

export const isApplicationType = (value: string | undefined): value is ApplicationType =>
  applicationTypeSchema.safeParse(value).success

export const fieldsOf = (type: ApplicationType): FieldSpec[] => FIELD_CONFIG[type]

/** The fields the resident is asked for with the current answers. */
export const visibleFields = (type: ApplicationType, values: FormValues): FieldSpec[] =>
  fieldsOf(type).filter((f) => !f.when || f.when(values))

/** Form text -> the `data` the schema checks: numbers as numbers, empty and hidden fields left out. */
export const toData = (type: ApplicationType, values: FormValues): Record<string, unknown> => {
  const data: Record<string, unknown> = {}
  for (const f of visibleFields(type, values)) {
    const raw = (values[f.name] ?? '').trim()
    if (raw === '') continue
    if (f.kind === 'number' || f.kind === 'decimal') {
      const n = Number(raw)
      data[f.name] = Number.isFinite(n) ? n : raw
    } else {
      data[f.name] = f.upper ? raw.toUpperCase() : raw
    }
  }
  return data
}

const describeValue = (f: FieldSpec, value: unknown): string => {
  if (value === undefined || value === null || value === '') return '未填写'
  if (f.kind === 'select') return f.options?.find((o) => o.value === value)?.label ?? String(value)
  if (f.unit) return `${value} ${f.unit}`
  return String(value)
}

/** Submitted data as label/value rows in the form's order (for summaries and reviewers). */
export const describeData = (
  type: ApplicationType,
  data: Record<string, unknown>,
): { label: string; value: string }[] => {
  const known = fieldsOf(type)
  const rows = known
    .filter((f) => data[f.name] !== undefined && data[f.name] !== '')
    .map((f) => ({ label: f.label, value: describeValue(f, data[f.name]) }))
  // Anything the config does not know (an older form): shown, never dropped.
  for (const [key, value] of Object.entries(data)) {
    if (!known.some((f) => f.name === key)) rows.push({ label: key, value: String(value) })
  }
  return rows
}

export const STATUS_TONE: Record<ApplicationStatus, 'accent' | 'ok' | 'muted' | 'warn' | 'info'> = {
  waiting_registration: 'warn',
  community_review: 'info',
  public_notice: 'info',
  objection_hold: 'warn',
  street_review: 'info',
  county_decision: 'info',
  approved: 'ok',
  rejected: 'accent',
  withdrawn: 'muted',
}

export const TIMELINE_ACTIONS: Record<TimelineEntry['action'], string> = {
  submitted: '提交申请',
  routed: '转入审核',
  resumed: '恢复办理',
  approved: '审核通过',
  rejected: '审核不通过',
  notice_started: '开始公示',
  notice_ended: '公示期满',
  objection: '收到公示异议',
  objection_dismissed: '异议经核实不成立',
  withdrawn: '申请人撤回',
  issued: '发放证件',
  transferred: '转至现居住社区办理',
}
