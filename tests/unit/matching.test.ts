import {
  categoriesOf,
  MATCH_THRESHOLD,
  matchVacancy,
  prepareSeeker,
  reasonText,
  reasonTextForStaff,
  scoreVacancy,
} from '../../shared/jobs/matching'

/** Matching a seeker with a vacancy: the score, and the reasons the seeker reads. */
const seeker = (over: Partial<Parameters<typeof prepareSeeker>[0]> = {}) =>
  prepareSeeker({
    community: '320621100001',
    occupations: ['仓管'],
    places: ['海安镇'],
    expectedPay: 5000,
    skills: ['叉车'],
    welfareEligible: false,
    ...over,
  })

const vacancy = (over: Partial<Parameters<typeof matchVacancy>[1]> = {}) => ({
  category: 'logistics' as const,
  title: '仓管员',
  text: '负责收发货，会开叉车优先',
  region: '320621100001',
  placeNames: '海安镇·城东社区',
  salaryMin: 5500,
  salaryMax: 7000,
  publicWelfare: false,
  ...over,
})

describe('matchVacancy', () => {
  it('explains a close match in the seeker’s words', () => {
    expect(matchVacancy(seeker(), vacancy())).toEqual({
      score: 100,
      reasons: ['意向岗位相符', '用得上您的技能“叉车”', '就在您所在社区', '月薪高于期望'],
    })
  })

  it('counts the trade when the title differs, the town when the community does', () => {
    const m = matchVacancy(seeker({ skills: [] }), vacancy({ title: '快递分拣员', region: '320621100' }))
    expect(m?.reasons).toEqual(['意向行业相符（物流运输）', '在您所在镇（街道）', '月薪高于期望'])
    expect(m?.score).toBe(65)
  })

  it('ranks pay below the expectation down, and a post elsewhere in the county lower still', () => {
    const near = scoreVacancy(seeker(), vacancy({ salaryMin: 3000, salaryMax: 4000 }))
    const far = scoreVacancy(
      seeker({ places: [] }),
      vacancy({ region: '320621102', placeNames: '墩头镇', salaryMin: 3000, salaryMax: 4000 }),
    )
    expect(near).toBeLessThan(scoreVacancy(seeker(), vacancy()))
    expect(far).toBeLessThan(near)
  })

  it('finds a wished place by the name the seeker wrote', () => {
    const m = matchVacancy(
      seeker({ community: '320621102001' }),
      vacancy({ region: '320621100', placeNames: '海安镇' }),
    )
    expect(m?.reasons).toContain('在您的意向地点')
  })

  it('shows public-welfare posts only to those the priority rules allow', () => {
    expect(matchVacancy(seeker(), vacancy({ publicWelfare: true }))).toBeNull()
    expect(scoreVacancy(seeker(), vacancy({ publicWelfare: true }))).toBe(-1)
    expect(
      matchVacancy(seeker({ welfareEligible: true }), vacancy({ publicWelfare: true }))?.reasons,
    ).toContain('公益性岗位，按政策优先安排')
  })

  it('keeps an unrelated post under the threshold', () => {
    expect(
      scoreVacancy(
        seeker(),
        vacancy({
          category: 'healthcare',
          title: '护士',
          text: '持证上岗',
          region: '320621102',
          placeNames: '墩头镇',
        }),
      ),
    ).toBeLessThan(MATCH_THRESHOLD)
  })
})

describe('categoriesOf', () => {
  it('reads trades from the words residents use', () => {
    expect(categoriesOf(['开叉车'])).toEqual(expect.arrayContaining(['manufacturing']))
    expect(categoriesOf(['挡车工'])).toContain('textile')
    expect(categoriesOf(['物流运输'])).toContain('logistics')
    expect(categoriesOf(['  '])).toEqual([])
  })
})

it('words every reason code', () => {
  expect(reasonText('trade:textile')).toBe('意向行业相符（纺织服装）')
  expect(reasonText('skill:电焊')).toBe('用得上您的技能“电焊”')
  expect(reasonText('pay_reach')).toBe('月薪可达期望')
})

it('words them for staff about the seeker, never as 您', () => {
  for (const code of [
    'occupation',
    'community',
    'town',
    'place',
    'county',
    'pay_above',
    'pay_reach',
    'welfare',
    'trade:textile',
    'skill:电焊',
    'skill_trade:logistics',
  ])
    expect(reasonTextForStaff(code)).not.toContain('您')
  expect(reasonTextForStaff('skill:电焊')).toBe('用得上其技能“电焊”')
  expect(reasonTextForStaff('town')).toBe('在其所在镇（街道）')
  expect(reasonTextForStaff('pay_above')).toBe('月薪高于其期望')
})
