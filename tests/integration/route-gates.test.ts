import { API_ROUTES, fillPath } from '../../shared/api/routes'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * Who gets past the gate of every route in the manifest. `public`: anyone, logged in or not;
 * `user`: any logged-in caller; otherwise the roles admitted — R resident, E employer,
 * C coordinator, S street office, K county. Anyone else gets 401 (no login) or 403 (a role the
 * route is not for), before their input is even read. Scoping inside a role (another
 * community's record is a 404) is tests/integration/authorization-matrix.test.ts.
 *
 * A route added to shared/api/routes.ts without a row here fails the first test: deciding who
 * may call it is part of adding it.
 */
type Gate = 'public' | 'user' | string
const GATES: Record<keyof typeof API_ROUTES, Gate> = {
  devLogin: 'public',
  wechatLogin: 'public',
  health: 'public',
  session: 'user',
  requestStaffRole: 'user',
  myStaffRequest: 'user',
  listStaff: 'K',
  grantStaffRole: 'K',
  revokeStaffRole: 'K',
  refuseStaffRequest: 'K',
  listJobs: 'public',
  getJob: 'public',
  listJobCategories: 'public',
  listRegions: 'public',
  getCountySettings: 'CSK',
  setCountySettings: 'K',
  getMe: 'user',
  updateMe: 'user',
  requestBindConfirmation: 'user',
  myBindRequest: 'user',
  listBindRequests: 'CS',
  decideBindRequest: 'CS',
  revealBindRequest: 'CS',
  correctIdentity: 'CS',
  getPerson: 'user',
  registerPerson: 'CS',
  searchPeople: 'CSK',
  recordEmploymentRegistration: 'CSK',
  exitPerson: 'CSK',
  getAgreement: 'user',
  saveAgreement: 'CS',
  signAgreement: 'user',
  linkHousehold: 'CS',
  getHousehold: 'user',
  listApplicationTypes: 'public',
  submitApplication: 'user',
  listMyApplications: 'user',
  getApplication: 'user',
  withdrawApplication: 'user',
  listReviews: 'CSK',
  review: 'CSK',
  listPublicNotices: 'public',
  objectToNotice: 'user',
  uploadFile: 'user',
  downloadFile: 'user',
  cloudUploadSlot: 'user',
  importCloudFile: 'user',
  listCards: 'user',
  changeCardStatus: 'CSK',
  inspectCard: 'CS',
  listFollowupTasks: 'CSK',
  recordFollowup: 'CSK',
  recordPersonFollowup: 'CSK',
  recordService: 'CSK',
  personHistory: 'CSK',
  listShortOf131: 'CSK',
  deductionReport: 'CSK',
  cancelDeduction: 'K',
  recordDeduction: 'K',
  listPlacementCases: 'CSK',
  commitImmediateEmployment: 'CSK',
  recordPlacement: 'CSK',
  addKeyGroup: 'CSK',
  endKeyGroup: 'CSK',
  decideKeyGroupClaim: 'CSK',
  declareKeyGroup: 'user',
  listKeyGroupClaims: 'CSK',
  recordEnjoyment: 'CSK',
  listPolicies: 'public',
  getPolicy: 'public',
  createPolicy: 'K',
  updatePolicy: 'K',
  publishPolicy: 'K',
  withdrawPolicy: 'K',
  listPolicyVersions: 'SK',
  myEligibility: 'user',
  listPolicyNotices: 'public',
  getPolicyNotice: 'public',
  createPolicyNotice: 'K',
  publishPolicyNotice: 'K',
  withdrawPolicyNotice: 'K',
  policyReach: 'CSK',
  listUnenjoyed: 'CSK',
  recordExplained: 'CSK',
  listDeductionCandidates: 'SK',
  decideDeductionCandidate: 'K',
  registerEmployer: 'ECSK',
  listEmployers: 'ECSK',
  getEmployer: 'ECSK',
  verifyEmployer: 'SK',
  myEmployer: 'E',
  createVacancy: 'ECSK',
  listVacancies: 'ECSK',
  getVacancy: 'ECSK',
  updateVacancy: 'ECSK',
  reviewVacancy: 'SK',
  changeVacancyStatus: 'ECSK',
  expressInterest: 'R',
  listMyInterests: 'user',
  myRecommendations: 'user',
  myJob: 'R',
  registerReturnee: 'R',
  registerReturneeOnVisit: 'CSK',
  setJobPush: 'user',
  listVacancyInterests: 'ECSK',
  listInterests: 'CSK',
  getInterest: 'user',
  recordInterestOutcome: 'ECSK',
  listJobPushes: 'CSK',
  listWelfarePosts: 'CSK',
  createWelfarePost: 'K',
  getWelfarePost: 'CSK',
  listWelfareCandidates: 'CSK',
  allocateWelfarePost: 'SK',
  listSessions: 'user',
  createSession: 'SK',
  getSession: 'user',
  changeSessionCapacity: 'SK',
  cancelSession: 'SK',
  bookSession: 'RCSK',
  listSessionBookings: 'CSK',
  checkIn: 'SK',
  cancelBooking: 'RCSK',
  listMyBookings: 'user',
  listRegionBookings: 'CSK',
  sessionStats: 'SK',
  myServices: 'user',
  quarterlyReport: 'CSK',
  unemploymentRate: 'CSK',
  setLabourForce: 'CSK',
  communityRating: 'CSK',
  decideCommunityRating: 'CSK',
  dispatchReport: 'CSK',
  annualScore: 'CSK',
  roster: 'CSK',
  reportTrends: 'CSK',
  getReportSettings: 'CSK',
  setReportSettings: 'K',
  returneeCampaign: 'CSK',
  listInbox: 'user',
  readInboxMessage: 'user',
  listSubscriptions: 'user',
  addSubscription: 'user',
}

const ROLE_OF = { R: 'resident', E: 'employer', C: 'coordinator', S: 'street', K: 'county' } as const
const CALLERS = ['anonymous', ...Object.values(ROLE_OF)] as const

let app: TestApp
const tokens: Record<string, string | undefined> = { anonymous: undefined }
beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z') })
  tokens.resident = await devLogin(app, { openid: 'gate-r', role: 'resident' })
  tokens.employer = await devLogin(app, { openid: 'gate-e', role: 'employer' })
  tokens.coordinator = await devLogin(app, { openid: 'gate-c', role: 'coordinator', region: '320621100001' })
  tokens.street = await devLogin(app, { openid: 'gate-s', role: 'street', region: '320621100' })
  tokens.county = await devLogin(app, { openid: 'gate-k', role: 'county', region: '320621' })
})
afterAll(() => app.close())

it('has a row for every route of the manifest, and no other', () => {
  expect(Object.keys(GATES).sort()).toEqual(Object.keys(API_ROUTES).sort())
})

const admitted = (gate: Gate, caller: (typeof CALLERS)[number]): boolean => {
  if (gate === 'public') return true
  if (caller === 'anonymous') return false
  if (gate === 'user') return true
  return [...gate].some((c) => ROLE_OF[c as keyof typeof ROLE_OF] === caller)
}

// The logins themselves are exercised in auth-api and the rate-limit tests.
const routes = Object.entries(API_ROUTES).filter(([name]) => name !== 'devLogin' && name !== 'wechatLogin')

describe.each(routes)('%s', (name, route) => {
  const gate = GATES[name as keyof typeof API_ROUTES]
  const params = Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, 'x_none']))
  it.each(CALLERS.map((c) => [c, admitted(gate, c)] as const))('%s admitted: %s', async (caller, pass) => {
    const res = await call(app, route.method, fillPath(route.path, params), {
      token: tokens[caller],
      body: route.method === 'GET' ? undefined : {},
    })
    expect(res.status).toBeLessThan(500)
    if (pass) expect([401, 403]).not.toContain(res.status)
    else expect(res.status).toBe(caller === 'anonymous' ? 401 : 403)
  })
})
