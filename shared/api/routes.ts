/**
 * Every HTTP route of the system and the function that serves it.
 *
 * This is the contract between the mini-program and the functions: the app's API client calls
 * `fn` as a CloudBase function (weapp) or `method path` over HTTP (H5), and the function
 * manifest serves exactly these. Path parameters are written `{name}` as API gateways do.
 */
export const API_ROUTES = {
  health: { fn: 'health', method: 'GET', path: '/api/health' },
  devLogin: { fn: 'auth', method: 'POST', path: '/api/auth/dev-login' },
  wechatLogin: { fn: 'auth', method: 'POST', path: '/api/auth/wechat-login' },
  session: { fn: 'auth', method: 'GET', path: '/api/auth/session' },
  requestStaffRole: { fn: 'auth', method: 'POST', path: '/api/me/staff-request' },
  myStaffRequest: { fn: 'auth', method: 'GET', path: '/api/me/staff-request' },
  listStaff: { fn: 'auth', method: 'GET', path: '/api/staff' },
  grantStaffRole: { fn: 'auth', method: 'POST', path: '/api/staff/{accountId}/role' },
  revokeStaffRole: { fn: 'auth', method: 'POST', path: '/api/staff/{accountId}/revoke' },
  refuseStaffRequest: { fn: 'auth', method: 'POST', path: '/api/staff/{accountId}/refusal' },
  listJobs: { fn: 'jobs', method: 'GET', path: '/api/jobs' },
  getJob: { fn: 'jobs', method: 'GET', path: '/api/jobs/{id}' },
  listJobCategories: { fn: 'jobs', method: 'GET', path: '/api/job-categories' },
  listRegions: { fn: 'regions', method: 'GET', path: '/api/regions' },
  getCountySettings: { fn: 'regions', method: 'GET', path: '/api/county-settings' },
  setCountySettings: { fn: 'regions', method: 'PUT', path: '/api/county-settings' },
  getMe: { fn: 'people', method: 'GET', path: '/api/me' },
  updateMe: { fn: 'people', method: 'PUT', path: '/api/me' },
  requestBindConfirmation: { fn: 'people', method: 'POST', path: '/api/me/bind-request' },
  myBindRequest: { fn: 'people', method: 'GET', path: '/api/me/bind-request' },
  listBindRequests: { fn: 'people', method: 'GET', path: '/api/bind-requests' },
  decideBindRequest: { fn: 'people', method: 'POST', path: '/api/bind-requests/{id}/decision' },
  revealBindRequest: { fn: 'people', method: 'POST', path: '/api/bind-requests/{id}/reveal' },
  correctIdentity: { fn: 'people', method: 'POST', path: '/api/people/{id}/identity' },
  getPerson: { fn: 'people', method: 'GET', path: '/api/people/{id}' },
  registerPerson: { fn: 'people', method: 'POST', path: '/api/people' },
  searchPeople: { fn: 'people', method: 'GET', path: '/api/people' },
  recordEmploymentRegistration: {
    fn: 'people',
    method: 'POST',
    path: '/api/people/{id}/employment-registration',
  },
  exitPerson: { fn: 'people', method: 'POST', path: '/api/people/{id}/exit' },
  getAgreement: { fn: 'people', method: 'GET', path: '/api/people/{id}/agreement' },
  saveAgreement: { fn: 'people', method: 'PUT', path: '/api/people/{id}/agreement' },
  signAgreement: { fn: 'people', method: 'POST', path: '/api/people/{id}/agreement/sign' },
  linkHousehold: { fn: 'people', method: 'POST', path: '/api/households' },
  getHousehold: { fn: 'people', method: 'GET', path: '/api/households/{id}' },
  listApplicationTypes: { fn: 'applications', method: 'GET', path: '/api/application-types' },
  submitApplication: { fn: 'applications', method: 'POST', path: '/api/applications' },
  listMyApplications: { fn: 'applications', method: 'GET', path: '/api/applications' },
  getApplication: { fn: 'applications', method: 'GET', path: '/api/applications/{id}' },
  withdrawApplication: { fn: 'applications', method: 'POST', path: '/api/applications/{id}/withdraw' },
  listReviews: { fn: 'applications', method: 'GET', path: '/api/reviews' },
  review: { fn: 'applications', method: 'POST', path: '/api/reviews/{id}' },
  listPublicNotices: { fn: 'applications', method: 'GET', path: '/api/public-notices' },
  objectToNotice: { fn: 'applications', method: 'POST', path: '/api/public-notices/{id}/objections' },
  uploadFile: { fn: 'files', method: 'POST', path: '/api/files' },
  downloadFile: { fn: 'files', method: 'GET', path: '/api/files/{id}' },
  cloudUploadSlot: { fn: 'files', method: 'POST', path: '/api/files/cloud-slots' },
  importCloudFile: { fn: 'files', method: 'POST', path: '/api/files/cloud-imports' },
  listCards: { fn: 'cards', method: 'GET', path: '/api/cards' },
  changeCardStatus: { fn: 'cards', method: 'POST', path: '/api/cards/{id}/status' },
  inspectCard: { fn: 'cards', method: 'POST', path: '/api/cards/{id}/inspections' },
  listFollowupTasks: { fn: 'followups', method: 'GET', path: '/api/followups/tasks' },
  recordFollowup: { fn: 'followups', method: 'POST', path: '/api/followups/tasks/{id}/records' },
  recordPersonFollowup: { fn: 'followups', method: 'POST', path: '/api/people/{id}/followups' },
  recordService: { fn: 'followups', method: 'POST', path: '/api/people/{id}/services' },
  personHistory: { fn: 'followups', method: 'GET', path: '/api/people/{id}/history' },
  listShortOf131: { fn: 'followups', method: 'GET', path: '/api/followups/short-of-131' },
  deductionReport: { fn: 'followups', method: 'GET', path: '/api/followups/deductions' },
  cancelDeduction: { fn: 'followups', method: 'POST', path: '/api/followups/deductions/{id}/cancel' },
  recordDeduction: { fn: 'followups', method: 'POST', path: '/api/followups/deductions' },
  listPlacementCases: { fn: 'placement', method: 'GET', path: '/api/placement-cases' },
  commitImmediateEmployment: {
    fn: 'placement',
    method: 'POST',
    path: '/api/people/{id}/immediate-commitment',
  },
  recordPlacement: { fn: 'placement', method: 'POST', path: '/api/placement-cases/{id}/placement' },
  addKeyGroup: { fn: 'people', method: 'POST', path: '/api/people/{id}/key-groups' },
  endKeyGroup: { fn: 'people', method: 'POST', path: '/api/people/{id}/key-groups/{group}/end' },
  decideKeyGroupClaim: { fn: 'people', method: 'POST', path: '/api/people/{id}/key-groups/{group}/decision' },
  declareKeyGroup: { fn: 'people', method: 'POST', path: '/api/me/key-groups' },
  listKeyGroupClaims: { fn: 'people', method: 'GET', path: '/api/key-group-claims' },
  recordEnjoyment: { fn: 'policies', method: 'POST', path: '/api/people/{id}/enjoyments' },
  listPolicies: { fn: 'policies', method: 'GET', path: '/api/policies' },
  getPolicy: { fn: 'policies', method: 'GET', path: '/api/policies/{id}' },
  createPolicy: { fn: 'policies', method: 'POST', path: '/api/policies' },
  updatePolicy: { fn: 'policies', method: 'PUT', path: '/api/policies/{id}' },
  publishPolicy: { fn: 'policies', method: 'POST', path: '/api/policies/{id}/publish' },
  withdrawPolicy: { fn: 'policies', method: 'POST', path: '/api/policies/{id}/withdraw' },
  listPolicyVersions: { fn: 'policies', method: 'GET', path: '/api/policies/{id}/versions' },
  myEligibility: { fn: 'policies', method: 'GET', path: '/api/me/eligibility' },
  listPolicyNotices: { fn: 'policies', method: 'GET', path: '/api/policy-notices' },
  getPolicyNotice: { fn: 'policies', method: 'GET', path: '/api/policy-notices/{id}' },
  createPolicyNotice: { fn: 'policies', method: 'POST', path: '/api/policy-notices' },
  publishPolicyNotice: { fn: 'policies', method: 'POST', path: '/api/policy-notices/{id}/publish' },
  withdrawPolicyNotice: { fn: 'policies', method: 'POST', path: '/api/policy-notices/{id}/withdraw' },
  policyReach: { fn: 'policies', method: 'GET', path: '/api/policy-reach' },
  listUnenjoyed: { fn: 'policies', method: 'GET', path: '/api/policy-reach/unenjoyed' },
  recordExplained: { fn: 'policies', method: 'POST', path: '/api/policy-reach/{id}/explained' },
  listDeductionCandidates: { fn: 'policies', method: 'GET', path: '/api/policy-deductions' },
  decideDeductionCandidate: { fn: 'policies', method: 'POST', path: '/api/policy-deductions/{id}' },
  registerEmployer: { fn: 'employers', method: 'POST', path: '/api/employers' },
  listEmployers: { fn: 'employers', method: 'GET', path: '/api/employers' },
  getEmployer: { fn: 'employers', method: 'GET', path: '/api/employers/{id}' },
  verifyEmployer: { fn: 'employers', method: 'POST', path: '/api/employers/{id}/verify' },
  myEmployer: { fn: 'employers', method: 'GET', path: '/api/me/employer' },
  createVacancy: { fn: 'employers', method: 'POST', path: '/api/vacancies' },
  listVacancies: { fn: 'employers', method: 'GET', path: '/api/vacancies' },
  getVacancy: { fn: 'employers', method: 'GET', path: '/api/vacancies/{id}' },
  updateVacancy: { fn: 'employers', method: 'PUT', path: '/api/vacancies/{id}' },
  reviewVacancy: { fn: 'employers', method: 'POST', path: '/api/vacancies/{id}/review' },
  changeVacancyStatus: { fn: 'employers', method: 'POST', path: '/api/vacancies/{id}/status' },
  expressInterest: { fn: 'seekers', method: 'POST', path: '/api/jobs/{id}/interest' },
  listMyInterests: { fn: 'seekers', method: 'GET', path: '/api/me/interests' },
  myRecommendations: { fn: 'seekers', method: 'GET', path: '/api/me/recommendations' },
  myJob: { fn: 'seekers', method: 'GET', path: '/api/me/jobs/{id}' },
  registerReturnee: { fn: 'seekers', method: 'PUT', path: '/api/me/returnee' },
  registerReturneeOnVisit: { fn: 'seekers', method: 'PUT', path: '/api/people/{id}/returnee' },
  setJobPush: { fn: 'seekers', method: 'PUT', path: '/api/me/job-push' },
  listVacancyInterests: { fn: 'seekers', method: 'GET', path: '/api/vacancies/{id}/interests' },
  listInterests: { fn: 'seekers', method: 'GET', path: '/api/interests' },
  getInterest: { fn: 'seekers', method: 'GET', path: '/api/interests/{id}' },
  recordInterestOutcome: { fn: 'seekers', method: 'POST', path: '/api/interests/{id}/outcome' },
  listJobPushes: { fn: 'seekers', method: 'GET', path: '/api/job-pushes' },
  listWelfarePosts: { fn: 'seekers', method: 'GET', path: '/api/welfare-posts' },
  createWelfarePost: { fn: 'seekers', method: 'POST', path: '/api/welfare-posts' },
  getWelfarePost: { fn: 'seekers', method: 'GET', path: '/api/welfare-posts/{id}' },
  listWelfareCandidates: { fn: 'seekers', method: 'GET', path: '/api/welfare-posts/{id}/candidates' },
  allocateWelfarePost: { fn: 'seekers', method: 'POST', path: '/api/welfare-posts/{id}/allocations' },
  listSessions: { fn: 'sessions', method: 'GET', path: '/api/sessions' },
  createSession: { fn: 'sessions', method: 'POST', path: '/api/sessions' },
  getSession: { fn: 'sessions', method: 'GET', path: '/api/sessions/{id}' },
  changeSessionCapacity: { fn: 'sessions', method: 'POST', path: '/api/sessions/{id}/capacity' },
  cancelSession: { fn: 'sessions', method: 'POST', path: '/api/sessions/{id}/cancel' },
  bookSession: { fn: 'sessions', method: 'POST', path: '/api/sessions/{id}/bookings' },
  listSessionBookings: { fn: 'sessions', method: 'GET', path: '/api/sessions/{id}/bookings' },
  checkIn: { fn: 'sessions', method: 'POST', path: '/api/sessions/{id}/attendance' },
  cancelBooking: { fn: 'sessions', method: 'POST', path: '/api/bookings/{id}/cancel' },
  listMyBookings: { fn: 'sessions', method: 'GET', path: '/api/me/bookings' },
  listRegionBookings: { fn: 'sessions', method: 'GET', path: '/api/bookings' },
  sessionStats: { fn: 'sessions', method: 'GET', path: '/api/session-stats' },
  myServices: { fn: 'sessions', method: 'GET', path: '/api/me/services' },
  quarterlyReport: { fn: 'reports', method: 'GET', path: '/api/reports/quarterly' },
  unemploymentRate: { fn: 'reports', method: 'GET', path: '/api/reports/unemployment-rate' },
  setLabourForce: { fn: 'reports', method: 'PUT', path: '/api/reports/labour-force' },
  communityRating: { fn: 'reports', method: 'GET', path: '/api/reports/community-rating' },
  decideCommunityRating: { fn: 'reports', method: 'PUT', path: '/api/reports/community-rating' },
  dispatchReport: { fn: 'reports', method: 'GET', path: '/api/reports/dispatch' },
  annualScore: { fn: 'reports', method: 'GET', path: '/api/reports/annual-score' },
  roster: { fn: 'reports', method: 'GET', path: '/api/reports/roster' },
  reportTrends: { fn: 'reports', method: 'GET', path: '/api/reports/trends' },
  getReportSettings: { fn: 'reports', method: 'GET', path: '/api/reports/settings' },
  setReportSettings: { fn: 'reports', method: 'PUT', path: '/api/reports/settings' },
  returneeCampaign: { fn: 'seekers', method: 'GET', path: '/api/returnee-campaign' },
  listInbox: { fn: 'inbox', method: 'GET', path: '/api/inbox' },
  readInboxMessage: { fn: 'inbox', method: 'POST', path: '/api/inbox/{id}/read' },
  listSubscriptions: { fn: 'inbox', method: 'GET', path: '/api/subscriptions' },
  addSubscription: { fn: 'inbox', method: 'POST', path: '/api/subscriptions/{template}' },
} as const satisfies Record<string, ApiRoute>

export interface ApiRoute {
  fn: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
}

export type RouteName = keyof typeof API_ROUTES

/** `GET /api/jobs/{id}` — the key API gateways call a route by. */
export const routeKey = (route: ApiRoute): string => `${route.method} ${route.path}`

/** Fill `{name}` placeholders; values are URI-encoded. */
export const fillPath = (path: string, params: Record<string, string> = {}): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name}`)
    return encodeURIComponent(value)
  })

type PathMatcher = (path: string) => Record<string, string> | null
const compiled = new Map<string, PathMatcher>()

/** A pattern taken apart once: its literal segments to compare, its `{name}` segments to capture. */
const compile = (pattern: string): PathMatcher => {
  const want = pattern.split('/').map((w) => {
    const param = /^\{(\w+)\}$/.exec(w)
    return param ? { param: param[1]! } : { literal: w }
  })
  return (path) => {
    const got = path.split('/')
    if (want.length !== got.length) return null
    const params: Record<string, string> = {}
    for (let i = 0; i < want.length; i++) {
      const w = want[i]!
      const g = got[i]!
      if (w.param === undefined) {
        if (w.literal !== g) return null
        continue
      }
      if (g === '') return null
      try {
        params[w.param] = decodeURIComponent(g)
      } catch {
        return null
      }
    }
    return params
  }
}

/**
 * Match a concrete path against a route pattern; returns the path parameters or null.
 * Used where no gateway has matched for us: the local host and CloudBase calls. Every request
 * tries every route, so each pattern is taken apart once and remembered.
 */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  let matcher = compiled.get(pattern)
  if (!matcher) {
    matcher = compile(pattern)
    compiled.set(pattern, matcher)
  }
  return matcher(path)
}
