import { addMonths } from '../followups/followup'
import { KEY_GROUPS, type KeyGroup } from '../people/person'
import { regionCodeSchema } from '../regions/region-code'
import { plainText } from '../text'
import { z } from '../validation'

/**
 * The reports a street/town sends the county (Hai'an 2021 §四3: 每季度报送服务重点群体情况一览表和明细表),
 * the monthly zero-employment dispatch, the registered urban unemployment rate, the
 * full-employment community rating and the annual score. Shared by the functions and the app.
 */

/** `2026Q4`: the calendar quarter, as officers name it (2026年第四季度). */
export type Quarter = `${number}Q${1 | 2 | 3 | 4}`

export const quarterSchema = z
  .string({ error: '请选择季度' })
  .regex(/^\d{4}Q[1-4]$/, '季度格式应为 YYYYQn，如 2026Q4')
  .refine((s) => Number(s.slice(0, 4)) >= 2000, '季度不能早于 2000 年')
  .transform((s) => s as Quarter)

export const monthSchema = z
  .string({ error: '请选择月份' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine((s) => Number(s.slice(0, 4)) >= 2000, '月份不能早于 2000 年')

export const yearSchema = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度不能早于 2000 年')
  .max(2100, '年度不能晚于 2100 年')

const QUARTER_NAMES = ['一', '二', '三', '四'] as const

/** The quarter a Shanghai calendar date (YYYY-MM-DD or YYYY-MM) falls in. */
export const quarterOfDate = (date: string): Quarter =>
  `${Number(date.slice(0, 4))}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}` as Quarter

export const quarterBounds = (q: Quarter) => {
  const year = Number(q.slice(0, 4))
  const n = Number(q.slice(5))
  const months = [0, 1, 2].map((i) => `${year}-${String((n - 1) * 3 + i + 1).padStart(2, '0')}`)
  const last = new Date(Date.UTC(year, n * 3, 0)).toISOString().slice(0, 10)
  return {
    year,
    n,
    months,
    /** First and last calendar day (Asia/Shanghai), both inclusive. */
    from: `${months[0]}-01`,
    to: last,
    label: `${year}年第${QUARTER_NAMES[n - 1]}季度`,
  }
}

export const previousQuarter = (q: Quarter): Quarter => {
  const { year, n } = quarterBounds(q)
  return (n === 1 ? `${year - 1}Q4` : `${year}Q${n - 1}`) as Quarter
}

/** The twelve months ending with `month`, oldest first. */
export const last12Months = (month: string): string[] =>
  Array.from({ length: 12 }, (_, i) => addMonths(month, i - 11))

/** The six key groups in the order of the official table's rows. */
export const REPORT_GROUPS = Object.keys(KEY_GROUPS) as KeyGroup[]

/**
 * One row of the 明细表: one person of the region who belonged to a key group at some time in the
 * quarter. The 一览表 is computed from these rows and nothing else, so the two always agree.
 */
export interface QuarterDetailRow {
  personId: string
  name: string
  idNumberMasked: string
  gender: 'male' | 'female'
  community: string
  communityName: string | null
  groups: KeyGroup[]
  /** Employment status as recorded when the report was computed (or frozen). */
  employmentStatus: string
  /** Follow-up tasks of the quarter's months: due, done (跟踪到位), missed (漏跟踪, 1 point each). */
  followupsDue: number
  followupsDone: number
  followupsMissed: number
  /** Follow-up records of the quarter (phone, WeChat, home visits), with or without a task. */
  followupRecords: number
  guidance: number
  referral: number
  training: number
  /** Took up work in the quarter (employment date within it, the last day included). */
  employedInQuarter: boolean
  /** Benefits whose months overlap the quarter. */
  policiesEnjoyed: string[]
  /** What the officer should look at (a registered unemployed person in work without 就业登记). */
  note?: string
}

/** One row of the 一览表: one key group. All counts are of the detail rows carrying the group. */
export interface QuarterSummaryRow {
  group: KeyGroup | 'total'
  label: string
  persons: number
  followupsDue: number
  followupsDone: number
  followupsMissed: number
  followupRecords: number
  guidance: number
  referral: number
  training: number
  employedInQuarter: number
  policiesEnjoyed: number
}

export const SUMMARY_COLUMNS: {
  key: Exclude<keyof QuarterSummaryRow, 'group' | 'label'>
  label: string
  unit: string
}[] = [
  { key: 'persons', label: '人数', unit: '人' },
  { key: 'followupsDue', label: '应跟踪', unit: '人次' },
  { key: 'followupsDone', label: '跟踪到位', unit: '人次' },
  { key: 'followupsMissed', label: '漏跟踪', unit: '人次' },
  { key: 'followupRecords', label: '跟踪记录', unit: '次' },
  { key: 'guidance', label: '职业指导', unit: '人次' },
  { key: 'referral', label: '职业介绍', unit: '人次' },
  { key: 'training', label: '技能培训', unit: '人次' },
  { key: 'employedInQuarter', label: '本季度实现就业', unit: '人' },
  { key: 'policiesEnjoyed', label: '享受政策', unit: '项次' },
]

export interface ReportStamp {
  /** `live`: computed now from the registry; `frozen`: as `report-quarterly` kept it. */
  source: 'live' | 'frozen'
  computedAt: string
  /** A fingerprint of the rows: two reports with the same one came from the same data. */
  dataVersion: string
  /** The quarter has not ended yet: the figures are to date. */
  partial: boolean
}

export interface QuarterlyReport extends ReportStamp {
  quarter: Quarter
  quarterLabel: string
  from: string
  to: string
  region: string
  regionName: string | null
  summary: QuarterSummaryRow[]
  /** Persons counted once however many groups they belong to (the 明细表's row count). */
  distinctPersons: number
  details: QuarterDetailRow[]
  /** Per community of the region, the same summary's totals (for a street or county roll-up). */
  byCommunity: { community: string; communityName: string | null; persons: number; followupsMissed: number }[]
}

/** The summary of detail rows: per group, then the 合计 row (sums of the group rows, 人次). */
export const summarise = (rows: QuarterDetailRow[]): QuarterSummaryRow[] => {
  const blank = (group: KeyGroup | 'total', label: string): QuarterSummaryRow => ({
    group,
    label,
    persons: 0,
    followupsDue: 0,
    followupsDone: 0,
    followupsMissed: 0,
    followupRecords: 0,
    guidance: 0,
    referral: 0,
    training: 0,
    employedInQuarter: 0,
    policiesEnjoyed: 0,
  })
  const byGroup = new Map(REPORT_GROUPS.map((g) => [g, blank(g, KEY_GROUPS[g])]))
  for (const r of rows) {
    for (const g of r.groups) {
      const s = byGroup.get(g)!
      s.persons++
      s.followupsDue += r.followupsDue
      s.followupsDone += r.followupsDone
      s.followupsMissed += r.followupsMissed
      s.followupRecords += r.followupRecords
      s.guidance += r.guidance
      s.referral += r.referral
      s.training += r.training
      s.employedInQuarter += r.employedInQuarter ? 1 : 0
      s.policiesEnjoyed += r.policiesEnjoyed.length
    }
  }
  const groups = [...byGroup.values()]
  const total = blank('total', '合计')
  for (const s of groups) for (const c of SUMMARY_COLUMNS) total[c.key] += s[c.key]
  return [...groups, total]
}

/** Registered urban unemployment rate of a street/town for a month. */
export interface UnemploymentRate {
  region: string
  regionName: string | null
  month: string
  /** Registered unemployed ÷ (registered unemployed + employed labour force); null without a denominator. */
  rate: number | null
  registeredUnemployed: number
  /** The employed labour force entered by the town (or imported), for this month or carried from an earlier one. */
  labourForce: number | null
  labourForceMonth: string | null
  threshold: number
  above: boolean
  /** A county's rate counts the towns that entered their labour force; these have not. */
  missingTowns: string[]
  computedAt: string
}

export const labourForceSchema = z
  .object({
    region: regionCodeSchema,
    entries: z
      .array(
        z
          .object({
            month: monthSchema,
            employed: z
              .number({ error: '城镇从业人员数应为整数' })
              .int('城镇从业人员数应为整数')
              .min(1, '城镇从业人员数应大于 0')
              .max(10_000_000, '城镇从业人员数过大，请核对'),
          })
          .strict(),
      )
      .min(1, '请至少填写一个月份')
      .max(120, '一次最多导入 120 个月'),
  })
  .strict()
export type LabourForceInput = z.infer<typeof labourForceSchema>

/** A county's report parameters: the rate threshold, the annual base score, the star criteria. */
export interface RatingCriteria {
  /** 登记失业人员和持证人员实现就业的比例 (seed: 90% 以上). */
  reemploymentRate: number
  /** Open zero-employment households allowed (seed: 基本消除 → 0). */
  zeroHouseholds: number
  /** Share of difficulty persons assisted this year (援助协议、131 服务或已就业). */
  difficultyAssisted: number
  /** Share of the unemployed willing to work in active preparation (a 131 service this year). */
  preparation: number
}
export const STAR_LEVELS = [3, 4, 5] as const
export type StarLevel = (typeof STAR_LEVELS)[number]
export const STAR_LABELS: Record<StarLevel | 0, string> = {
  0: '未达标',
  3: '三星（县级）',
  4: '四星（市级）',
  5: '五星（省级）',
}

export interface ReportSettings {
  unemploymentThreshold: number
  scoreBase: number
  rating: Record<`${StarLevel}`, RatingCriteria>
}

/** 3★ is the seed's floor (90%, zero households eliminated); 4★ and 5★ ask more, as counties refine. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  unemploymentThreshold: 0.03,
  scoreBase: 100,
  rating: {
    '3': { reemploymentRate: 0.9, zeroHouseholds: 0, difficultyAssisted: 0.9, preparation: 0.9 },
    '4': { reemploymentRate: 0.93, zeroHouseholds: 0, difficultyAssisted: 0.95, preparation: 0.95 },
    '5': { reemploymentRate: 0.95, zeroHouseholds: 0, difficultyAssisted: 1, preparation: 1 },
  },
}

const share = (label: string) =>
  z
    .number({ error: `${label}应为 0 到 1 之间的小数` })
    .min(0, `${label}不能小于 0`)
    .max(1, `${label}不能大于 1`)

const criteriaSchema = z
  .object({
    reemploymentRate: share('再就业比例'),
    zeroHouseholds: z.number().int('零就业家庭户数应为整数').min(0).max(1000),
    difficultyAssisted: share('困难人员援助比例'),
    preparation: share('就业准备比例'),
  })
  .strict()

export const reportSettingsSchema = z
  .object({
    unemploymentThreshold: z
      .number({ error: '失业率控制线应为小数，如 0.03' })
      .gt(0, '失业率控制线应大于 0')
      .max(0.2, '失业率控制线不能超过 20%')
      .refine((v) => Math.abs(v * 10_000 - Math.round(v * 10_000)) < 1e-6, '失业率控制线最多精确到 0.01%'),
    scoreBase: z.number().int('考核基础分应为整数').min(1, '考核基础分至少 1 分').max(1000),
    rating: z.object({ '3': criteriaSchema, '4': criteriaSchema, '5': criteriaSchema }).strict(),
  })
  .strict()

export const CRITERIA_LABELS: Record<keyof RatingCriteria, string> = {
  reemploymentRate: '登记失业人员和持证人员实现就业比例',
  zeroHouseholds: '零就业家庭（未安置户数）',
  difficultyAssisted: '就业困难人员得到有效援助比例',
  preparation: '有就业愿望的失业人员参加就业准备活动比例',
}

export const ratingDecisionSchema = z
  .object({
    community: regionCodeSchema,
    year: z.number().int().min(2000).max(2100),
    level: z.union([z.literal(0), z.literal(3), z.literal(4), z.literal(5)], {
      error: '评定等级只能是 0（未达标）、3、4 或 5 星',
    }),
    note: plainText('评定意见', { min: 2, max: 300 }),
  })
  .strict()
export type RatingDecisionInput = z.infer<typeof ratingDecisionSchema>

export const ROSTER_KINDS = {
  registered_unemployed: '登记失业人员花名册',
  assistance_targets: '就业援助对象花名册',
} as const
export type RosterKind = keyof typeof ROSTER_KINDS

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
