import type { ApplicationType } from '../../shared/applications/application-types'
import type { Identity } from '../../shared/auth/identity'
import { idCheckChar } from '../../shared/people/identity-numbers'
import type { EmploymentStatus } from '../../shared/people/person'
import { getApplication, withdrawApplication } from '../contexts/applications/my-applications'
import { closeEndedNotices, objectToNotice } from '../contexts/applications/public-notices'
import { decide } from '../contexts/applications/review-application'
import { submitApplication } from '../contexts/applications/submit-application'
import { bindProven } from '../contexts/people/me'
import type { Logger } from '../platform/logger'
import type { Deps } from '../runtime/deps'
import { applications, meta, persons } from '../store/collections'

/**
 * Demo residents and applications at every stage of every chain, so each page and queue of
 * `npm start` has something real to show. Everything goes through the use cases — the same
 * validation, numbering, notices and audit as real use. Names and ID numbers are invented
 * (ID numbers are generated with a valid check character; no real person's number is used).
 *
 * Log in with the dev switcher as 社区协理员 of 海安镇·中坝社区 (320621100001), 街道/镇经办人员 of
 * 海安镇 (320621100) or 县级管理员 to find the queues filled; residents are `demo-resident-1`…
 */
const SEED_KEY = 'demo-seed-residents'

type Step = 'community' | 'notice' | 'objection' | 'street' | 'county' | 'approved' | 'rejected' | 'withdrawn'

interface DemoResident {
  name: string
  birth: string
  male: boolean
  community: string
  status: EmploymentStatus
  skills: string[]
  wishes: string[]
  /** Applications in order; each advanced to the given step. */
  applications: { type: ApplicationType; step: Step }[]
  household?: string
}

const REG = { unemployedSince: '2026-08-01', reason: 'contract_ended', hukou: 'local_urban' } as const
const FORMS: Record<ApplicationType, Record<string, unknown>> = {
  unemployment_registration: REG,
  difficulty_certification: {
    category: 'age_4050',
    statement: '年过五十，原企业关停后一直未能找到合适工作。',
  },
  assistance_card: { reason: 'policy_period_ended' },
  social_insurance_subsidy: { employmentType: 'flexible', insuredFrom: '2026-07', months: 6 },
  post_subsidy: { postName: '社区保洁员', employerName: '海安镇中坝社区居委会', startedOn: '2026-10-08' },
  startup_subsidy: {
    businessName: '海安市晓燕家政服务部',
    creditCode: '92320621MA1XYW1234',
    registeredOn: '2026-05-10',
    employees: 3,
  },
  loan_interest_subsidy: {
    bank: '江苏海安农村商业银行',
    loanAmount: 200000,
    loanStart: '2026-06-01',
    loanMonths: 24,
  },
  training_subsidy: {
    course: '电工（初级）',
    institution: '海安市职业技能培训中心',
    finishedOn: '2026-10-20',
  },
  unemployment_insurance: {
    lastEmployer: '海安恒丰纺织有限公司',
    separationDate: '2026-08-01',
    insuredYears: 6,
  },
}

const RESIDENTS: DemoResident[] = [
  {
    name: '张建国',
    birth: '19730315',
    male: true,
    community: '320621100001',
    status: 'unemployed',
    skills: ['挡车工'],
    wishes: ['普工'],
    applications: [
      { type: 'unemployment_registration', step: 'approved' },
      { type: 'difficulty_certification', step: 'notice' },
    ],
    household: 'hh_zhongba_1',
  },
  {
    name: '李秀英',
    birth: '19750822',
    male: false,
    community: '320621100001',
    status: 'unemployed',
    skills: ['缝纫'],
    wishes: ['保洁'],
    applications: [
      { type: 'unemployment_registration', step: 'approved' },
      { type: 'difficulty_certification', step: 'approved' },
    ],
    household: 'hh_zhongba_1',
  },
  {
    name: '王海燕',
    birth: '19881104',
    male: false,
    community: '320621100001',
    status: 'unemployed',
    skills: ['收银'],
    wishes: ['营业员'],
    applications: [{ type: 'unemployment_registration', step: 'community' }],
  },
  {
    name: '陈志强',
    birth: '19920607',
    male: true,
    community: '320621100001',
    status: 'unemployed',
    skills: ['叉车'],
    wishes: ['仓管'],
    applications: [{ type: 'difficulty_certification', step: 'community' }],
  },
  {
    name: '刘桂兰',
    birth: '19700118',
    male: false,
    community: '320621100001',
    status: 'unemployed',
    skills: ['家政'],
    wishes: ['养老护理'],
    applications: [
      { type: 'unemployment_registration', step: 'approved' },
      { type: 'difficulty_certification', step: 'objection' },
    ],
  },
  {
    name: '赵明',
    birth: '19950930',
    male: true,
    community: '320621100002',
    status: 'unemployed',
    skills: ['电工'],
    wishes: ['电工'],
    applications: [
      { type: 'unemployment_registration', step: 'street' },
      { type: 'training_subsidy', step: 'community' },
    ],
  },
  {
    name: '孙丽华',
    birth: '19830412',
    male: false,
    community: '320621100002',
    status: 'flexible',
    skills: ['美容'],
    wishes: ['创业'],
    applications: [{ type: 'startup_subsidy', step: 'county' }],
  },
  {
    name: '周建华',
    birth: '19790226',
    male: true,
    community: '320621100003',
    status: 'unemployed',
    skills: ['驾驶'],
    wishes: ['司机'],
    applications: [
      { type: 'unemployment_registration', step: 'approved' },
      { type: 'unemployment_insurance', step: 'street' },
    ],
  },
  {
    name: '吴晓燕',
    birth: '19900711',
    male: false,
    community: '320621100003',
    status: 'flexible',
    skills: ['家政'],
    wishes: ['家政'],
    applications: [{ type: 'loan_interest_subsidy', step: 'notice' }],
  },
  {
    name: '郑国平',
    birth: '19680903',
    male: true,
    community: '320621100004',
    status: 'stable',
    skills: ['保安'],
    wishes: [],
    applications: [
      { type: 'unemployment_registration', step: 'approved' },
      { type: 'difficulty_certification', step: 'approved' },
      { type: 'post_subsidy', step: 'county' },
    ],
  },
  {
    name: '冯玉梅',
    birth: '19770505',
    male: false,
    community: '320621100004',
    status: 'unemployed',
    skills: ['包装'],
    wishes: ['普工'],
    applications: [{ type: 'unemployment_registration', step: 'rejected' }],
  },
  {
    name: '褚天宇',
    birth: '20000321',
    male: true,
    community: '320621100005',
    status: 'unemployed',
    skills: ['平面设计'],
    wishes: ['文员'],
    applications: [{ type: 'unemployment_registration', step: 'withdrawn' }],
  },
  {
    name: '蒋春花',
    birth: '19740816',
    male: false,
    community: '320621102001',
    status: 'unemployed',
    skills: ['种植'],
    wishes: ['保洁'],
    applications: [
      { type: 'unemployment_registration', step: 'approved' },
      { type: 'social_insurance_subsidy', step: 'community' },
    ],
  },
  {
    name: '沈卫东',
    birth: '19721209',
    male: true,
    community: '320621102001',
    status: 'unemployed',
    skills: ['焊工'],
    wishes: ['焊工'],
    applications: [{ type: 'unemployment_registration', step: 'community' }],
  },
]

const staffOf = (community: string) => ({
  coordinator: {
    openid: `demo-coordinator-${community}`,
    role: 'coordinator',
    region: community,
  } as Identity,
  street: {
    openid: `demo-street-${community.slice(0, 9)}`,
    role: 'street',
    region: community.slice(0, 9),
  } as Identity,
  county: { openid: 'demo-county', role: 'county', region: '320621' } as Identity,
})

const ORDER: Step[] = ['community', 'notice', 'street', 'county', 'approved']

const advance = async (
  deps: Deps,
  log: Logger,
  id: string,
  chain: string[],
  community: string,
  step: Step,
  resident: Identity,
) => {
  const staff = staffOf(community)
  if (step === 'withdrawn') return withdrawApplication(deps, resident, id)
  if (step === 'rejected')
    return decide(deps, staff.coordinator, id, {
      decision: 'reject',
      reason: '失业日期与社保缴费记录不符，请核对后重新申请',
    })
  const target = step === 'objection' ? 'notice' : step
  const want = ORDER.indexOf(target)
  // Walk the chain: each approval moves one stage; the notice stage waits (closed by its timer).
  let at = 0
  if (want > at) {
    await decide(deps, staff.coordinator, id, { decision: 'approve', reason: '材料齐全，情况属实' })
    at = chain.includes('public_notice') ? 1 : 2
  }
  if (chain.includes('public_notice') && at === 1 && want > 1) {
    // The demo does not wait five working days: the notice is dated a week back and ends now,
    // as its timer would end it (a notice shown ending before it began would puzzle anyone).
    const now = deps.clock.now().getTime()
    await deps.store.update(applications, id, {
      noticeStartedAt: new Date(now - 7 * 86_400_000).toISOString(),
      noticeEndsAt: new Date(now - 1000).toISOString(),
    })
    await closeEndedNotices(deps, deps.clock.now(), log)
    at = 2
  }
  if (want > 2 && at === 2) {
    await decide(deps, staff.street, id, { decision: 'approve', reason: '复核通过' })
    at = chain.includes('county_decision') ? 3 : 4
  }
  if (want > 3 && at === 3) await decide(deps, staff.county, id, { decision: 'approve', reason: '同意' })
  if (step === 'objection') {
    const neighbour: Identity = { openid: 'demo-neighbour', role: 'resident', region: null }
    await objectToNotice(deps, neighbour, id, '听说其已在外地打工，请核实')
  }
}

export const seedDemoResidents = async (deps: Deps, log: Logger): Promise<boolean> => {
  if (await deps.store.get(meta, SEED_KEY)) return false
  let i = 0
  for (const r of RESIDENTS) {
    i++
    const resident: Identity = { openid: `demo-resident-${i}`, role: 'resident', region: null }
    const first17 = `${r.community.slice(0, 6)}${r.birth}${String(100 + i * 2 + (r.male ? 1 : 0)).slice(-3)}`
    // Demo data is trusted: bound as if the phone had been proven.
    const me = await bindProven(deps, resident, {
      name: r.name,
      idNumber: first17 + idCheckChar(first17),
      phone: `139${String(52_000_000 + i * 7_919).padStart(8, '0')}`,
      community: r.community,
      employmentStatus: r.status,
      employmentSince: '2026-08-01',
      skills: r.skills,
      jobWishes: { occupations: r.wishes, places: ['海安镇'], expectedPay: null },
      family: { householdSize: r.household ? 2 : null, situation: null },
      hukou: 'local_urban',
    })
    if (r.household) await deps.store.update(persons, me.id, { householdId: r.household })
    // Whoever applies for the post subsidy in the demo holds the public-welfare post it is for.
    if (r.applications.some((a) => a.type === 'post_subsidy')) {
      const post = FORMS.post_subsidy as { postName: string; employerName: string; startedOn: string }
      await deps.store.update(persons, me.id, {
        publicWelfarePost: { post: post.postName, employer: post.employerName, since: post.startedOn },
      })
    }
    let k = 0
    for (const a of r.applications) {
      k++
      const { view } = await submitApplication(deps, resident, {
        type: a.type,
        data: FORMS[a.type],
        idempotencyKey: `demo-${i}-${k}-key`,
      })
      if ((await getApplication(deps, resident, view.id)).status === 'waiting_registration') continue
      await advance(deps, log, view.id, view.chain, r.community, a.step, resident)
    }
  }
  await deps.store.insert(meta, {
    id: SEED_KEY,
    value: `residents:${RESIDENTS.length}`,
    updatedAt: deps.clock.now().toISOString(),
  })
  log.info('demo residents seeded', { residents: RESIDENTS.length })
  return true
}
