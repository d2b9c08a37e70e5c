import { catalogueEntries } from '../../functions/contexts/policies/seed-catalogue'
import { benefitSpan, policyInputSchema, spansOverlap } from '../../shared/policies/policy'
import {
  ageOnDate,
  checkRule,
  describeRule,
  evaluateRule,
  type Facts,
  monthsBetween,
  type Rule,
  type RuleContext,
  ruleValue,
} from '../../shared/policies/rules'

/** Eligibility rules at their edges: birthdays, month counts, unknown facts, paths of errors. */
const ctx: RuleContext = {
  policy: (id) =>
    id === 'pol_post_subsidy' ? { title: '公益性岗位补贴', applicationType: 'post_subsidy' } : undefined,
  regionName: (code) => ({ '320621': '海安市', '320621100': '海安镇' })[code] ?? null,
}

const facts = (over: Partial<Facts> = {}): Facts => ({
  today: '2026-11-30',
  gender: 'male',
  birthDate: '1976-11-30',
  community: '320621100001',
  keyGroups: [],
  pendingGroups: [],
  employmentStatus: 'unemployed',
  employmentSince: '2026-01-15',
  reportedStatus: null,
  hukou: 'local_urban',
  zeroEmploymentHousehold: false,
  registration: false,
  assistanceCard: false,
  enjoying: [],
  publicWelfarePost: false,
  trainingWish: null,
  ...over,
})

const run = (rule: Rule, f: Partial<Facts> = {}) => evaluateRule(rule, facts(f), ctx)
const FOUR_FIFTY: Rule = { fact: 'age', min: { male: 50, female: 40 } }

describe('age by gender, on the birthday', () => {
  it('counts whole years and turns a year older on the birthday itself', () => {
    expect(ageOnDate('1976-11-30', '2026-11-29')).toBe(49)
    expect(ageOnDate('1976-11-30', '2026-11-30')).toBe(50)
  })

  it('a man becomes a "4050" person on his fiftieth birthday, not the day before', () => {
    expect(run(FOUR_FIFTY, { today: '2026-11-29' }).value).toBe(false)
    expect(run(FOUR_FIFTY, { today: '2026-11-30' }).value).toBe(true)
  })

  it('a woman of 40 meets the same rule and a man of 40 does not', () => {
    expect(run(FOUR_FIFTY, { gender: 'female', birthDate: '1986-11-30' }).value).toBe(true)
    expect(run(FOUR_FIFTY, { gender: 'male', birthDate: '1986-11-30' }).value).toBe(false)
  })

  it('says the age and the bound it missed', () => {
    const r = run(FOUR_FIFTY, { today: '2026-11-29' })
    expect(r.reasons).toEqual([{ text: '49 周岁，需年满 50 周岁', met: false }])
    // A woman reads her own threshold.
    const her = run(FOUR_FIFTY, { gender: 'female', birthDate: '1987-01-01' })
    expect(her.reasons).toEqual([{ text: '39 周岁，需年满 40 周岁', met: false }])
  })

  it('reads an upper bound inclusively: 59 meets "不超过 59", 60 does not', () => {
    const rule: Rule = { fact: 'age', max: { male: 59, female: 54 } }
    expect(run(rule, { birthDate: '1966-12-01' }).value).toBe(true)
    expect(run(rule, { birthDate: '1966-11-30' }).value).toBe(false)
  })
})

describe('"since" dates', () => {
  it('counts whole months, completed on the same day of the month', () => {
    expect(monthsBetween('2026-01-15', '2026-04-14')).toBe(2)
    expect(monthsBetween('2026-01-15', '2026-04-15')).toBe(3)
    expect(monthsBetween('2026-05-01', '2026-04-15')).toBe(0)
  })

  it('long-term unemployment is met after twelve full months', () => {
    const rule: Rule = { fact: 'unemployedMonths', min: 12 }
    expect(run(rule, { employmentSince: '2025-12-01', today: '2026-11-30' }).value).toBe(false)
    expect(run(rule, { employmentSince: '2025-11-30', today: '2026-11-30' }).value).toBe(true)
  })

  it('a status held for too short a time is not met, and says how long it has been', () => {
    const rule: Rule = { fact: 'employmentStatus', in: ['flexible'], minMonths: 6 }
    const r = run(rule, { employmentStatus: 'flexible', employmentSince: '2026-07-01' })
    expect(r.value).toBe(false)
    expect(r.reasons[0]!.text).toBe('灵活就业已 4 个月，需满 6 个月')
  })

  it('someone not unemployed has zero months of unemployment', () => {
    const r = run({ fact: 'unemployedMonths', min: 1 }, { employmentStatus: 'stable' })
    expect(r.value).toBe(false)
    expect(r.reasons[0]!.text).toMatch(/当前不处于失业状态/)
  })
})

describe('missing facts give 需补充信息, not 不符合', () => {
  it('an unknown hukou is unknown, and names the field to fill in', () => {
    const r = run({ fact: 'hukou', in: ['local_urban'] }, { hukou: null })
    expect(r.value).toBeNull()
    expect(r.reasons).toEqual([{ text: '请补充户籍类型', met: null, field: 'hukou' }])
  })

  it('a missing "since" date is unknown when the rule needs it', () => {
    const r = run({ fact: 'unemployedMonths', min: 12 }, { employmentSince: null })
    expect(r.value).toBeNull()
    expect(r.reasons[0]!.field).toBe('employmentSince')
  })

  it('a declared key group waiting for the coordinator is unknown, not false', () => {
    const r = run({ fact: 'keyGroup', in: ['graduate'] }, { pendingGroups: ['graduate'] })
    expect(r.value).toBeNull()
    expect(r.reasons[0]!.text).toBe('已申报高校毕业生，待社区劳动保障协理员确认')
  })

  it('a self-reported status the coordinator has not confirmed is unknown when it would decide', () => {
    const rule: Rule = { fact: 'employmentStatus', in: ['flexible'] }
    expect(run(rule, { reportedStatus: 'flexible' }).value).toBeNull()
    // It does not decide here: both the confirmed and the reported status are employed.
    const employed: Rule = { fact: 'employmentStatus', in: ['flexible', 'stable'] }
    expect(run(employed, { employmentStatus: 'stable', reportedStatus: 'flexible' }).value).toBe(true)
  })

  it('all: false wins over unknown; any: true wins over unknown', () => {
    const unknown: Rule = { fact: 'hukou', in: ['local_urban'] }
    const no: Rule = { fact: 'registration', is: true }
    const yes: Rule = { fact: 'registration', is: false }
    expect(run({ all: [unknown, no] }, { hukou: null }).value).toBe(false)
    expect(run({ all: [unknown, yes] }, { hukou: null }).value).toBeNull()
    expect(run({ any: [unknown, yes] }, { hukou: null }).value).toBe(true)
    expect(run({ any: [unknown, no] }, { hukou: null }).value).toBeNull()
  })
})

describe('reasons in plain Chinese', () => {
  const SI: Rule = {
    all: [
      { fact: 'keyGroup', in: ['difficulty'] },
      { fact: 'employmentStatus', in: ['flexible', 'stable'] },
    ],
  }

  it("one reason per condition, each stating the person's own fact", () => {
    const r = run(SI, { keyGroups: ['difficulty'], employmentStatus: 'flexible' })
    expect(r.value).toBe(true)
    expect(r.reasons).toEqual([
      { text: '已认定为就业困难人员', met: true },
      { text: '当前为灵活就业', met: true },
    ])
  })

  it('not: the reason still states the fact, never the requirement it negates', () => {
    const notMale: Rule = { not: { fact: 'gender', is: 'male' } }
    expect(run(notMale, { gender: 'female' }).reasons).toEqual([{ text: '性别为女性', met: true }])
    expect(run(notMale, { gender: 'male' }).reasons).toEqual([{ text: '性别为男性', met: false }])
    const notUnemployed: Rule = { not: { fact: 'employmentStatus', in: ['unemployed'] } }
    expect(run(notUnemployed, { employmentStatus: 'flexible' }).reasons).toEqual([
      { text: '当前为灵活就业', met: true },
    ])
  })

  it('not: negates the verdict, keeps the fact', () => {
    const r = run(
      { not: { fact: 'enjoying', policy: 'pol_post_subsidy', is: true } },
      {
        enjoying: [{ policyId: null, applicationType: 'post_subsidy' }],
      },
    )
    expect(r.value).toBe(false)
    expect(r.reasons).toEqual([{ text: '正在享受「公益性岗位补贴」', met: false }])
  })

  it('any: shows the branch that is met, or every branch when none is', () => {
    const rule: Rule = {
      any: [
        { fact: 'keyGroup', in: ['difficulty'] },
        { fact: 'zeroEmploymentHousehold', is: true },
      ],
    }
    expect(run(rule, { zeroEmploymentHousehold: true }).reasons).toEqual([
      { text: '所在家庭为零就业家庭', met: true },
    ])
    expect(run(rule).reasons).toEqual([
      { text: '以下条件满足其一即可：', met: false },
      { text: '尚未认定为就业困难人员', met: false, indent: 1 },
      { text: '不是零就业家庭成员', met: false, indent: 1 },
    ])
  })

  it('describes a rule as an outline for the policy page', () => {
    expect(
      describeRule(
        {
          all: [
            FOUR_FIFTY,
            {
              any: [
                { fact: 'registration', is: true },
                { fact: 'region', in: ['320621100'] },
              ],
            },
          ],
        },
        ctx,
      ),
    ).toEqual([
      { text: '男性年满 50 周岁、女性年满 40 周岁', indent: 0 },
      { text: '满足其一：', indent: 0 },
      { text: '已办理失业登记（持《就业失业登记证》）', indent: 1 },
      { text: '所在地为海安镇', indent: 1 },
    ])
  })
})

describe('rule data is checked when saved, naming the path', () => {
  it('accepts a well-formed rule', () => {
    expect(checkRule({ all: [FOUR_FIFTY, { not: { fact: 'assistanceCard', is: true } }] })).toEqual([])
  })

  it('names an unknown fact at its path', () => {
    const issues = checkRule({ all: [FOUR_FIFTY, { fact: 'salary', min: 3 }] })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.path).toEqual(['all', 1, 'fact'])
    expect(issues[0]!.message).toMatch(/未知的条件 salary/)
  })

  it('names a bad value deep inside', () => {
    const issues = checkRule({ any: [{ all: [{ fact: 'keyGroup', in: ['students'] }] }] })
    expect(issues.map((i) => i.path.join('.'))).toEqual(['any.0.all.0.in.0'])
  })

  it('refuses unknown keys, empty groups, mixed combinators and non-objects', () => {
    expect(checkRule({ fact: 'gender', is: 'male', extra: 1 })[0]!.path).toEqual(['extra'])
    expect(checkRule({ all: [] })[0]!.path).toEqual(['all'])
    expect(checkRule({ all: [FOUR_FIFTY], fact: 'age' })[0]!.message).toMatch(/不能与其他键/)
    expect(checkRule('everyone')[0]!.path).toEqual([])
    expect(checkRule({ fact: 'age' })[0]!.message).toBe('请给出 min 或 max')
  })

  it('refuses a rule nested too deep', () => {
    let rule: unknown = FOUR_FIFTY
    for (let i = 0; i < 10; i++) rule = { not: rule }
    expect(checkRule(rule)[0]!.message).toMatch(/嵌套过深/)
  })

  it('the zod schema carries the paths into the request error', () => {
    const result = policyInputSchema.safeParse({
      title: '测试政策',
      summary: '这是一条用于测试的政策摘要。',
      effectiveFrom: '2026-01-01',
      rules: { all: [{ fact: 'keyGroup', in: [] }] },
    })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['rules.all.0.in'])
  })
})

describe('the seeded catalogue', () => {
  it("validates with the editor's own schema", () => {
    const entries = catalogueEntries()
    expect(entries.length).toBeGreaterThanOrEqual(10)
    for (const e of entries) expect(checkRule(e.input.rules)).toEqual([])
  })

  it('only names policies that exist in it', () => {
    const ids = new Set(catalogueEntries().map((e) => e.id))
    for (const { input } of catalogueEntries()) for (const x of input.excludes) expect(ids).toContain(x)
  })
})

describe('months a benefit covers', () => {
  it('dates a social insurance subsidy from its first insured month', () => {
    expect(
      benefitSpan('social_insurance_subsidy', { insuredFrom: '2026-07', months: 6 }, '2026-11-30'),
    ).toEqual({
      from: '2026-07',
      to: '2026-12',
    })
  })

  it("a post subsidy runs for the policy's term; unemployment benefit by years insured", () => {
    expect(
      benefitSpan('post_subsidy', { startedOn: '2026-10-08' }, '2026-11-30', { postTermMonths: 12 }),
    ).toEqual({
      from: '2026-10',
      to: '2027-09',
    })
    expect(
      benefitSpan('unemployment_insurance', { separationDate: '2026-08-01', insuredYears: 6 }, '2026-11-30'),
    ).toEqual({ from: '2026-09', to: '2028-02' })
  })

  it('overlap is by month, and an open-ended (once-only) benefit overlaps everything after it', () => {
    expect(spansOverlap({ from: '2026-01', to: '2026-06' }, { from: '2026-06', to: '2026-12' })).toBe(true)
    expect(spansOverlap({ from: '2026-01', to: '2026-05' }, { from: '2026-06', to: '2026-12' })).toBe(false)
    expect(spansOverlap({ from: '2026-05', to: null }, { from: '2030-01', to: '2030-01' })).toBe(true)
  })
})

describe('the verdict-only evaluator used for the whole registry', () => {
  // A small deterministic generator: the same cases on every run, thousands of them.
  let seed = 20261130
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!
  const GROUPS = [
    'registered_unemployed',
    'difficulty',
    'graduate',
    'relatively_poor',
    'veteran',
    'returning_migrant',
  ] as const
  const STATUSES = ['unemployed', 'flexible', 'stable', 'no_wish'] as const
  const condition = (): Rule =>
    pick([
      () => ({ fact: 'keyGroup', in: [pick(GROUPS), pick(GROUPS)] }),
      () => ({ fact: 'employmentStatus', in: [pick(STATUSES)], ...(rand(2) ? { minMonths: rand(24) } : {}) }),
      () => ({ fact: 'unemployedMonths', min: rand(24) }),
      () => ({
        fact: 'age',
        min: { male: 30 + rand(30), female: 30 + rand(20) },
        ...(rand(2) ? { max: 40 + rand(25) } : {}),
      }),
      () => ({ fact: 'gender', is: pick(['male', 'female'] as const) }),
      () => ({ fact: 'hukou', in: [pick(['local_urban', 'local_rural', 'other'] as const)] }),
      () => ({
        fact: pick([
          'zeroEmploymentHousehold',
          'registration',
          'assistanceCard',
          'publicWelfarePost',
          'trainingWish',
        ] as const),
        is: rand(2) === 1,
      }),
      () => ({ fact: 'enjoying', policy: 'pol_post_subsidy', is: rand(2) === 1 }),
      () => ({ fact: 'region', in: [pick(['320621', '320621100', '320621102'])] }),
    ] as (() => Rule)[])()
  const rule = (depth: number): Rule => {
    if (depth > 2 || rand(3) === 0) return condition()
    const kids = Array.from({ length: 1 + rand(3) }, () => rule(depth + 1))
    return pick([{ all: kids }, { any: kids }, { not: kids[0]! }])
  }
  const someFacts = (): Facts =>
    facts({
      today: `2026-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`,
      gender: pick(['male', 'female'] as const),
      birthDate: `${1960 + rand(45)}-0${1 + rand(9)}-1${rand(9)}`,
      community: pick(['320621100001', '320621102001', '320621103005']),
      keyGroups: GROUPS.filter(() => rand(4) === 0),
      pendingGroups: GROUPS.filter(() => rand(6) === 0),
      employmentStatus: pick(STATUSES),
      employmentSince: rand(4) ? `2025-0${1 + rand(9)}-15` : null,
      reportedStatus: rand(4) ? null : pick(STATUSES),
      hukou: rand(3) ? pick(['local_urban', 'local_rural', 'other'] as const) : null,
      zeroEmploymentHousehold: rand(5) === 0,
      registration: rand(2) === 0,
      assistanceCard: rand(4) === 0,
      enjoying: rand(3) ? [] : [{ policyId: null, applicationType: 'post_subsidy' }],
      publicWelfarePost: rand(5) === 0,
      trainingWish: rand(3) === 0 ? null : rand(2) === 0,
    })

  it('always agrees with the evaluation that gives reasons', () => {
    for (let i = 0; i < 5000; i++) {
      const r = rule(0)
      const f = someFacts()
      expect([i, ruleValue(r, f, ctx)]).toEqual([i, evaluateRule(r, f, ctx).value])
    }
  })
})
