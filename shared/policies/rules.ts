import type { ApplicationType } from '../applications/application-types'
import {
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  HUKOU_TYPES,
  type Hukou,
  KEY_GROUPS,
  type KeyGroup,
} from '../people/person'
import { ageOnDate } from '../people/working-age'
import { z } from '../validation'

export { ageOnDate }

/**
 * Eligibility rules as data (应知尽知、应享尽享): a small declarative language that county staff
 * write and the system evaluates the same way everywhere — on the server for every resident, in
 * the app to explain a verdict, in the benchmark for 100,000 people.
 *
 *   Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition
 *   Condition = { fact: 'keyGroup', in: ['difficulty'] }
 *             | { fact: 'age', min: { male: 50, female: 40 } } | …   (see CONDITION_SCHEMAS)
 *
 * Evaluation is three-valued: a fact the registry does not hold yet (hukou not filled in, a key
 * group declared but not confirmed) is "unknown", so the verdict is 需补充信息, never 不符合.
 * Every condition explains itself in plain Chinese, stating the person's own fact.
 */

export { HUKOU_TYPES, type Hukou }

type AgeBound = number | { male: number; female: number }

export type Condition =
  | { fact: 'keyGroup'; in: KeyGroup[] }
  | { fact: 'employmentStatus'; in: EmploymentStatus[]; minMonths?: number }
  | { fact: 'unemployedMonths'; min?: number; max?: number }
  | { fact: 'age'; min?: AgeBound; max?: AgeBound }
  | { fact: 'gender'; is: 'male' | 'female' }
  | { fact: 'hukou'; in: Hukou[] }
  | { fact: 'zeroEmploymentHousehold'; is: boolean }
  | { fact: 'registration'; is: boolean }
  | { fact: 'assistanceCard'; is: boolean }
  | { fact: 'enjoying'; policy: string; is: boolean }
  | { fact: 'publicWelfarePost'; is: boolean }
  | { fact: 'region'; in: string[] }
  | { fact: 'trainingWish'; is: boolean }

export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition
export type FactName = Condition['fact']

/** The facts of one person on one day, as the registry holds them. */
export interface Facts {
  /** The evaluation date, YYYY-MM-DD in Asia/Shanghai. */
  today: string
  gender: 'male' | 'female'
  birthDate: string
  community: string
  /** Confirmed key groups. */
  keyGroups: KeyGroup[]
  /** Declared by the resident, waiting for the coordinator's confirmation. */
  pendingGroups: KeyGroup[]
  /** Confirmed by staff (a follow-up) or first reported at registration. */
  employmentStatus: EmploymentStatus
  employmentSince: string | null
  /** What the resident reported since, if it differs and is not confirmed yet. */
  reportedStatus: EmploymentStatus | null
  hukou: Hukou | null
  zeroEmploymentHousehold: boolean
  registration: boolean
  assistanceCard: boolean
  /** Benefits being enjoyed today: by policy and by the application type that granted them. */
  enjoying: { policyId: string | null; applicationType: ApplicationType | null }[]
  publicWelfarePost: boolean
  trainingWish: boolean | null
}

/** Profile fields a resident (or coordinator) can fill in to turn "unknown" into an answer. */
export type MissingField = 'hukou' | 'employmentSince' | 'trainingWish' | 'keyGroups' | 'employmentStatus'

export interface Reason {
  text: string
  met: boolean | null
  /** What to fill in when `met` is null. */
  field?: MissingField
  /** Nesting under an "any of" group, for display. */
  indent?: number
}

export interface Evaluation {
  value: boolean | null
  reasons: Reason[]
}

/** What evaluation needs to know about other policies and places (names for the reasons). */
export interface RuleContext {
  policy(id: string): { title: string; applicationType: ApplicationType | null } | undefined
  regionName(code: string): string | null
}

// ---------------------------------------------------------------------------------------------
// Schema: each condition is checked by its own strict zod object, combinators by hand, so an
// error names its exact path inside the rule ("rules.all.1.in.0").

const MAX_DEPTH = 8
const MAX_NODES = 100

const enumOf = <T extends string>(values: Record<T, string>, label: string) =>
  z.enum(Object.keys(values) as [T, ...T[]], {
    error: `${label}只能是：${Object.keys(values).join('、')}`,
  })

const keyGroupEnum = enumOf(KEY_GROUPS, '重点群体')
const statusEnum = enumOf(EMPLOYMENT_STATUSES, '就业状态')
const hukouEnum = enumOf(HUKOU_TYPES, '户籍类型')
const years = z.number({ error: '年龄应为整数' }).int('年龄应为整数').min(0).max(120)
const ageBound = z.union([years, z.object({ male: years, female: years }).strict()], {
  error: '年龄应为整数，或 {"male": 男性, "female": 女性}',
})
const months = z.number({ error: '月数应为整数' }).int('月数应为整数').min(0).max(600)
const flag = z.boolean({ error: 'is 应为 true 或 false' })
const atLeastOne = <T extends z.ZodType>(item: T) => z.array(item).min(1, '至少选择一项').max(30)

export const CONDITION_SCHEMAS = {
  keyGroup: z.object({ fact: z.literal('keyGroup'), in: atLeastOne(keyGroupEnum) }).strict(),
  employmentStatus: z
    .object({ fact: z.literal('employmentStatus'), in: atLeastOne(statusEnum), minMonths: months.optional() })
    .strict(),
  unemployedMonths: z
    .object({ fact: z.literal('unemployedMonths'), min: months.optional(), max: months.optional() })
    .strict()
    .refine((c) => c.min !== undefined || c.max !== undefined, '请给出 min 或 max'),
  age: z
    .object({ fact: z.literal('age'), min: ageBound.optional(), max: ageBound.optional() })
    .strict()
    .refine((c) => c.min !== undefined || c.max !== undefined, '请给出 min 或 max')
    .refine(
      (c) =>
        c.min === undefined ||
        c.max === undefined ||
        (['male', 'female'] as const).every((g) => boundFor(c.min!, g) <= boundFor(c.max!, g)),
      { path: ['max'], message: '最大年龄不能小于最小年龄，否则没有人能符合' },
    ),
  gender: z
    .object({
      fact: z.literal('gender'),
      is: z.enum(['male', 'female'], { error: '性别只能是 male 或 female' }),
    })
    .strict(),
  hukou: z.object({ fact: z.literal('hukou'), in: atLeastOne(hukouEnum) }).strict(),
  zeroEmploymentHousehold: z.object({ fact: z.literal('zeroEmploymentHousehold'), is: flag }).strict(),
  registration: z.object({ fact: z.literal('registration'), is: flag }).strict(),
  assistanceCard: z.object({ fact: z.literal('assistanceCard'), is: flag }).strict(),
  enjoying: z
    .object({
      fact: z.literal('enjoying'),
      policy: z.string().regex(/^pol_[a-z0-9_]{1,60}$/, '政策编号格式不正确'),
      is: flag,
    })
    .strict(),
  publicWelfarePost: z.object({ fact: z.literal('publicWelfarePost'), is: flag }).strict(),
  region: z
    .object({
      fact: z.literal('region'),
      in: atLeastOne(z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为 6、9 或 12 位数字')),
    })
    .strict(),
  trainingWish: z.object({ fact: z.literal('trainingWish'), is: flag }).strict(),
} as const satisfies Record<FactName, z.ZodType>

export const FACT_LABELS: Record<FactName, string> = {
  keyGroup: '重点群体',
  employmentStatus: '就业状态',
  unemployedMonths: '连续失业月数',
  age: '年龄',
  gender: '性别',
  hukou: '户籍',
  zeroEmploymentHousehold: '零就业家庭',
  registration: '失业登记',
  assistanceCard: '就业援助卡',
  enjoying: '已享受政策',
  publicWelfarePost: '公益性岗位',
  region: '地区',
  trainingWish: '培训意愿',
}

export interface RuleIssue {
  path: (string | number)[]
  message: string
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Check a rule tree; returns the problems with their paths (empty when the rule is valid). */
export const checkRule = (input: unknown): RuleIssue[] => {
  const issues: RuleIssue[] = []
  let nodes = 0
  const walk = (node: unknown, path: (string | number)[], depth: number) => {
    if (++nodes > MAX_NODES) {
      if (nodes === MAX_NODES + 1) issues.push({ path, message: `条件过多（最多 ${MAX_NODES} 个）` })
      return
    }
    if (depth > MAX_DEPTH) {
      issues.push({ path, message: `条件嵌套过深（最多 ${MAX_DEPTH} 层）` })
      return
    }
    if (!isObject(node)) {
      issues.push({ path, message: '条件应为对象：{"all": […]}、{"any": […]}、{"not": …} 或 {"fact": …}' })
      return
    }
    const keys = Object.keys(node)
    const combinator = keys.find((k) => k === 'all' || k === 'any' || k === 'not')
    if (combinator) {
      if (keys.length > 1) {
        issues.push({
          path,
          message: `${combinator} 不能与其他键（${keys.filter((k) => k !== combinator).join('、')}）同时出现`,
        })
        return
      }
      const value = node[combinator]
      if (combinator === 'not') {
        walk(value, [...path, 'not'], depth + 1)
        return
      }
      if (!Array.isArray(value) || value.length === 0 || value.length > 30) {
        issues.push({ path: [...path, combinator], message: `${combinator} 应为 1 到 30 个条件的数组` })
        return
      }
      value.forEach((child, i) => {
        walk(child, [...path, combinator, i], depth + 1)
      })
      return
    }
    if (!('fact' in node)) {
      issues.push({ path, message: '条件应包含 all、any、not 或 fact 之一' })
      return
    }
    const schema = CONDITION_SCHEMAS[node.fact as FactName]
    if (typeof node.fact !== 'string' || !schema) {
      issues.push({
        path: [...path, 'fact'],
        message: `未知的条件 ${String(node.fact)}；可用：${Object.keys(CONDITION_SCHEMAS).join('、')}`,
      })
      return
    }
    const result = schema.safeParse(node)
    if (!result.success) {
      for (const i of result.error.issues) {
        const at = [...path, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))]
        if (i.code === 'unrecognized_keys') {
          for (const k of (i as { keys: string[] }).keys)
            issues.push({ path: [...at, k], message: `不支持的键 ${k}` })
        } else issues.push({ path: at, message: i.message })
      }
    }
  }
  walk(input, [], 1)
  return issues
}

/** zod schema for a rule: the issues carry their paths, so a reply names `rules.all.1.fact`. */
export const ruleSchema: z.ZodType<Rule> = z.unknown().superRefine((value, ctx) => {
  for (const issue of checkRule(value))
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
}) as unknown as z.ZodType<Rule>

/** The facts a rule asks about (so evaluation reads only what it needs). */
export const factsUsed = (rule: Rule, into: Set<FactName> = new Set()): Set<FactName> => {
  if ('all' in rule) for (const r of rule.all) factsUsed(r, into)
  else if ('any' in rule) for (const r of rule.any) factsUsed(r, into)
  else if ('not' in rule) factsUsed(rule.not, into)
  else into.add(rule.fact)
  return into
}

/** Every policy a rule refers to (`enjoying` conditions): they must exist when the rule is saved. */
export const referencedPolicies = (rule: Rule): string[] => {
  const out = new Set<string>()
  const walk = (r: Rule) => {
    if ('all' in r) r.all.forEach(walk)
    else if ('any' in r) r.any.forEach(walk)
    else if ('not' in r) walk(r.not)
    else if (r.fact === 'enjoying') out.add(r.policy)
  }
  walk(rule)
  return [...out]
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

const and3 = (values: (boolean | null)[]): boolean | null =>
  values.includes(false) ? false : values.includes(null) ? null : true
const or3 = (values: (boolean | null)[]): boolean | null =>
  values.includes(true) ? true : values.includes(null) ? null : false

/** Whole months from `since` to `today`: 2026-01-15 → 2026-04-14 is 2, → 2026-04-15 is 3. */
export const monthsBetween = (since: string, today: string): number => {
  if (today < since) return 0
  const m =
    (Number(today.slice(0, 4)) - Number(since.slice(0, 4))) * 12 +
    (Number(today.slice(5, 7)) - Number(since.slice(5, 7)))
  return today.slice(8) < since.slice(8) ? m - 1 : m
}

const boundFor = (b: AgeBound, gender: 'male' | 'female') => (typeof b === 'number' ? b : b[gender])
const GENDER = { male: '男性', female: '女性' } as const

const describeAge = (c: Extract<Condition, { fact: 'age' }>): string => {
  const part = (b: AgeBound | undefined, word: (n: number) => string) =>
    b === undefined
      ? null
      : typeof b === 'number'
        ? word(b)
        : `${GENDER.male}${word(b.male)}、${GENDER.female}${word(b.female)}`
  const min = part(c.min, (n) => `年满 ${n} 周岁`)
  const max = part(c.max, (n) => `不超过 ${n} 周岁`)
  return [min, max].filter(Boolean).join('，')
}

const or = (labels: string[]) => labels.join('或')

const enjoyingPolicy = (facts: Facts, id: string, ctx: RuleContext): boolean => {
  const type = ctx.policy(id)?.applicationType ?? null
  return facts.enjoying.some((e) => e.policyId === id || (type !== null && e.applicationType === type))
}

const policyName = (id: string, ctx: RuleContext) => `「${ctx.policy(id)?.title ?? id}」`

/** The boolean facts: what the person's state reads as when the fact is true and when false. */
const BOOLEAN_TEXT = {
  zeroEmploymentHousehold: [
    '所在家庭为零就业家庭',
    '不是零就业家庭成员',
    '零就业家庭成员',
    '非零就业家庭成员',
  ],
  registration: [
    '已办理失业登记',
    '尚未办理失业登记',
    '已办理失业登记（持《就业失业登记证》）',
    '未办理失业登记',
  ],
  assistanceCard: [
    '持有《就业援助卡》',
    '未持有《就业援助卡》',
    '持有《就业援助卡》',
    '未持有《就业援助卡》',
  ],
  publicWelfarePost: ['在公益性岗位就业', '未在公益性岗位就业', '在公益性岗位就业', '不在公益性岗位就业'],
  trainingWish: ['有参加技能培训的意愿', '暂无培训意愿', '有培训意愿', '无培训意愿'],
} as const

/** One condition in words, as the policy page lists it ("男性年满 50 周岁、女性年满 40 周岁"). */
export const describeCondition = (c: Condition, ctx: RuleContext): string => {
  switch (c.fact) {
    case 'keyGroup':
      return `属于${or(c.in.map((g) => KEY_GROUPS[g]))}`
    case 'employmentStatus':
      return `就业状态为${or(c.in.map((s) => EMPLOYMENT_STATUSES[s]))}${c.minMonths ? `且已满 ${c.minMonths} 个月` : ''}`
    case 'unemployedMonths':
      return [
        c.min !== undefined ? `连续失业满 ${c.min} 个月` : null,
        c.max !== undefined ? `连续失业不超过 ${c.max} 个月` : null,
      ]
        .filter(Boolean)
        .join('，')
    case 'age':
      return describeAge(c)
    case 'gender':
      return `限${GENDER[c.is]}`
    case 'hukou':
      return `户籍为${or(c.in.map((h) => HUKOU_TYPES[h]))}`
    case 'enjoying':
      return c.is ? `正在享受${policyName(c.policy, ctx)}` : `未享受${policyName(c.policy, ctx)}`
    case 'region':
      return `所在地为${or(c.in.map((r) => ctx.regionName(r) ?? r))}`
    default: {
      const t = BOOLEAN_TEXT[c.fact]
      return c.is ? t[2] : t[3]
    }
  }
}

/**
 * One condition with its reason. The reason states the person's own fact ("性别为女性",
 * "52 周岁"); when the condition is not met it adds what the policy needs ("需年满 50 周岁") —
 * except under a `not`, where the requirement is the opposite and only the fact is true.
 */
const evaluateCondition = (c: Condition, f: Facts, ctx: RuleContext, negated: boolean): Evaluation => {
  const one = (met: boolean | null, fact: string, need?: string, field?: MissingField): Evaluation => ({
    value: met,
    reasons: [
      {
        text: met === false && need && !negated ? `${fact}，${need}` : fact,
        met,
        ...(field ? { field } : {}),
      },
    ],
  })
  switch (c.fact) {
    case 'keyGroup': {
      const held = c.in.find((g) => f.keyGroups.includes(g))
      if (held) return one(true, `已认定为${KEY_GROUPS[held]}`)
      const pending = c.in.find((g) => f.pendingGroups.includes(g))
      if (pending)
        return one(null, `已申报${KEY_GROUPS[pending]}，待社区劳动保障协理员确认`, undefined, 'keyGroups')
      return one(false, `尚未认定为${or(c.in.map((g) => KEY_GROUPS[g]))}`)
    }
    case 'employmentStatus': {
      const want = or(c.in.map((s) => EMPLOYMENT_STATUSES[s]))
      const now = EMPLOYMENT_STATUSES[f.employmentStatus]
      const confirmed = c.in.includes(f.employmentStatus)
      if (f.reportedStatus && c.in.includes(f.reportedStatus) !== confirmed) {
        return one(
          null,
          `您报告的就业状态（${EMPLOYMENT_STATUSES[f.reportedStatus]}）待社区跟踪服务确认`,
          undefined,
          'employmentStatus',
        )
      }
      if (!confirmed) return one(false, `当前为${now}`, `需为${want}`)
      if (!c.minMonths) return one(true, `当前为${now}`)
      if (!f.employmentSince) return one(null, `请补充${now}的起始日期`, undefined, 'employmentSince')
      const n = monthsBetween(f.employmentSince, f.today)
      return one(n >= c.minMonths, `${now}已 ${n} 个月`, `需满 ${c.minMonths} 个月`)
    }
    case 'unemployedMonths': {
      let n = 0
      if (f.employmentStatus === 'unemployed') {
        if (!f.employmentSince) return one(null, '请补充失业起始日期', undefined, 'employmentSince')
        n = monthsBetween(f.employmentSince, f.today)
      }
      const ok = (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max)
      const now = f.employmentStatus === 'unemployed' ? `已连续失业 ${n} 个月` : '当前不处于失业状态'
      return one(ok, now, `需${describeCondition(c, ctx)}`)
    }
    case 'age': {
      const age = ageOnDate(f.birthDate, f.today)
      const min = c.min === undefined ? undefined : boundFor(c.min, f.gender)
      const max = c.max === undefined ? undefined : boundFor(c.max, f.gender)
      const ok = (min === undefined || age >= min) && (max === undefined || age <= max)
      // The bound for this person's gender only: a woman reads her own threshold, not a man's.
      const need = [
        min !== undefined ? `年满 ${min} 周岁` : null,
        max !== undefined ? `不超过 ${max} 周岁` : null,
      ]
        .filter(Boolean)
        .join('且')
      return one(ok, `${age} 周岁`, `需${need}`)
    }
    case 'gender':
      return one(f.gender === c.is, `性别为${GENDER[f.gender]}`, `本政策限${GENDER[c.is]}`)
    case 'hukou': {
      if (!f.hukou) return one(null, '请补充户籍类型', undefined, 'hukou')
      return one(
        c.in.includes(f.hukou),
        `户籍为${HUKOU_TYPES[f.hukou]}`,
        `需${or(c.in.map((h) => HUKOU_TYPES[h]))}`,
      )
    }
    case 'enjoying': {
      const has = enjoyingPolicy(f, c.policy, ctx)
      return one(
        has === c.is,
        has ? `正在享受${policyName(c.policy, ctx)}` : `未享受${policyName(c.policy, ctx)}`,
      )
    }
    case 'region': {
      const ok = c.in.some((r) => f.community.startsWith(r))
      const here = ctx.regionName(f.community)
      return one(
        ok,
        here ? `所在地为${here}` : ok ? '所在地符合' : '所在地不在适用范围',
        `本政策适用于${or(c.in.map((r) => ctx.regionName(r) ?? r))}`,
      )
    }
    case 'trainingWish':
      if (f.trainingWish === null) return one(null, '请补充培训意愿', undefined, 'trainingWish')
      return one(
        f.trainingWish === c.is,
        f.trainingWish ? BOOLEAN_TEXT.trainingWish[0] : BOOLEAN_TEXT.trainingWish[1],
      )
    default: {
      const actual = f[c.fact]
      const t = BOOLEAN_TEXT[c.fact]
      return one(actual === c.is, actual ? t[0] : t[1])
    }
  }
}

const indentBy = (reasons: Reason[], n: number) => reasons.map((r) => ({ ...r, indent: (r.indent ?? 0) + n }))

/** Evaluate a rule for a person's facts: true, false, or null (unknown), with the reasons. */
export const evaluateRule = (rule: Rule, facts: Facts, ctx: RuleContext, negated = false): Evaluation => {
  if ('all' in rule) {
    const parts = rule.all.map((r) => evaluateRule(r, facts, ctx, negated))
    return { value: and3(parts.map((p) => p.value)), reasons: parts.flatMap((p) => p.reasons) }
  }
  if ('any' in rule) {
    const parts = rule.any.map((r) => evaluateRule(r, facts, ctx, negated))
    const value = or3(parts.map((p) => p.value))
    // Satisfied: the branch that satisfies it is the reason. Otherwise show every branch.
    const winner = parts.find((p) => p.value === true)
    if (winner) return { value, reasons: winner.reasons }
    return {
      value,
      reasons: [
        { text: '以下条件满足其一即可：', met: value },
        ...indentBy(
          parts.flatMap((p) => p.reasons),
          1,
        ),
      ],
    }
  }
  if ('not' in rule) {
    const inner = evaluateRule(rule.not, facts, ctx, !negated)
    const flip = (v: boolean | null) => (v === null ? null : !v)
    return { value: flip(inner.value), reasons: inner.reasons.map((r) => ({ ...r, met: flip(r.met) })) }
  }
  return evaluateCondition(rule, facts, ctx, negated)
}

/**
 * The verdict alone, without the reasons: what policy-match needs for 100,000 residents, where
 * building the sentences would cost more than deciding. Must always agree with evaluateRule
 * (a unit test compares the two over generated rules and facts).
 */
const conditionValue = (c: Condition, f: Facts, ctx: RuleContext): boolean | null => {
  switch (c.fact) {
    case 'keyGroup':
      if (c.in.some((g) => f.keyGroups.includes(g))) return true
      return c.in.some((g) => f.pendingGroups.includes(g)) ? null : false
    case 'employmentStatus': {
      const confirmed = c.in.includes(f.employmentStatus)
      if (f.reportedStatus && c.in.includes(f.reportedStatus) !== confirmed) return null
      if (!confirmed) return false
      if (!c.minMonths) return true
      if (!f.employmentSince) return null
      return monthsBetween(f.employmentSince, f.today) >= c.minMonths
    }
    case 'unemployedMonths': {
      let n = 0
      if (f.employmentStatus === 'unemployed') {
        if (!f.employmentSince) return null
        n = monthsBetween(f.employmentSince, f.today)
      }
      return (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max)
    }
    case 'age': {
      const age = ageOnDate(f.birthDate, f.today)
      return (
        (c.min === undefined || age >= boundFor(c.min, f.gender)) &&
        (c.max === undefined || age <= boundFor(c.max, f.gender))
      )
    }
    case 'gender':
      return f.gender === c.is
    case 'hukou':
      return f.hukou ? c.in.includes(f.hukou) : null
    case 'enjoying':
      return enjoyingPolicy(f, c.policy, ctx) === c.is
    case 'region':
      return c.in.some((r) => f.community.startsWith(r))
    case 'trainingWish':
      return f.trainingWish === null ? null : f.trainingWish === c.is
    default:
      return f[c.fact] === c.is
  }
}

export const ruleValue = (rule: Rule, facts: Facts, ctx: RuleContext): boolean | null => {
  if ('all' in rule) {
    let unknown = false
    for (const r of rule.all) {
      const v = ruleValue(r, facts, ctx)
      if (v === false) return false
      if (v === null) unknown = true
    }
    return unknown ? null : true
  }
  if ('any' in rule) {
    let unknown = false
    for (const r of rule.any) {
      const v = ruleValue(r, facts, ctx)
      if (v === true) return true
      if (v === null) unknown = true
    }
    return unknown ? null : false
  }
  if ('not' in rule) {
    const v = ruleValue(rule.not, facts, ctx)
    return v === null ? null : !v
  }
  return conditionValue(rule, facts, ctx)
}

/** A rule as an indented outline, for the policy page ("同时满足：…", "满足其一：…"). */
export interface RuleLine {
  text: string
  indent: number
}

export const describeRule = (rule: Rule, ctx: RuleContext, indent = 0): RuleLine[] => {
  if ('all' in rule) {
    if (indent === 0) return rule.all.flatMap((r) => describeRule(r, ctx, 0))
    return [{ text: '同时满足：', indent }, ...rule.all.flatMap((r) => describeRule(r, ctx, indent + 1))]
  }
  if ('any' in rule)
    return [{ text: '满足其一：', indent }, ...rule.any.flatMap((r) => describeRule(r, ctx, indent + 1))]
  if ('not' in rule) return [{ text: '不属于以下情形：', indent }, ...describeRule(rule.not, ctx, indent + 1)]
  return [{ text: describeCondition(rule, ctx), indent }]
}
