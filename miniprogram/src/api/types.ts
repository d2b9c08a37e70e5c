import type {
  ApplicationType,
  ApplicationView,
  Material,
  PublicNoticeItem,
  Stage,
} from '@shared/applications/application-types'
import type { CardView } from '@shared/applications/cards'
import type { SessionInfo } from '@shared/auth/identity'
import type { StaffAccountView, StaffRequestView } from '@shared/auth/staff-roles'
import type { EmployerView, VacancyView } from '@shared/employers/employer'
import type { Channel, FollowupTaskView, ServiceKind } from '@shared/followups/followup'
import type { CampaignReport } from '@shared/jobs/campaign'
import type { Job, JobSummary, Paged } from '@shared/jobs/job'
import type { InterestView, JobPushView, MyJobView, RecommendationItem } from '@shared/jobs/seeker'
import type { WelfareCandidate, WelfarePostView } from '@shared/jobs/welfare'
import type { AgreementView } from '@shared/people/agreement'
import type {
  BindRequestView,
  EmploymentStatus,
  HouseholdView,
  PersonSummary,
  PersonView,
  PhoneStep,
} from '@shared/people/person'
import type { CountySettingsView } from '@shared/people/working-age'
import type {
  DeductionCandidateView,
  EligibilityItem,
  KeyGroupClaimItem,
  PolicyNoticeView,
  PolicySummary,
  PolicyVersionItem,
  PolicyView,
  ReachReply,
  UnenjoyedItem,
} from '@shared/policies/policy'
import type { Region } from '@shared/regions/region-code'
import type { QuarterlyReport, ReportSettings, UnemploymentRate } from '@shared/reports/report'
import type { BookingStatus, BookingView, SessionKind, SessionView } from '@shared/sessions/session'

export interface HealthReply {
  ok: boolean
  store: 'pglite' | 'postgres' | 'cloudbase'
  devLogin: boolean
}

export interface TokenReply {
  token: string
}

export interface ItemsReply<T> {
  items: T[]
}

export interface OkReply {
  ok: true
}

/** One service a resident can apply for, as GET /api/application-types lists it. */
export interface ApplicationTypeInfo {
  type: ApplicationType
  label: string
  summary: string
  materials: Material[]
  chain: { stage: Stage; label: string }[]
  needsRegistration: boolean
}

export interface InboxMessage {
  id: string
  title: string
  body: string
  at: string
  read: boolean
  applicationId?: string
  /** A policy, a policy notice, or the jobs pushed (送岗位) the message is about. */
  link?: {
    kind:
      | 'policy'
      | 'policies'
      | 'notice'
      | 'job'
      | 'jobs'
      | 'interests'
      | 'bookings'
      | 'agreement'
      | 'reports'
    id: string
    policyIds?: string[]
    jobIds?: string[]
    jobTitles?: string[]
  } | null
}

export interface InboxReply extends Paged<InboxMessage> {
  unread: number
}

/** A person's "131" services this year: what was given, what is required, what is still short. */
export interface ServiceTally {
  year: number
  counts: Record<ServiceKind, number>
  required: Record<ServiceKind, number>
  /** Ready-made sentences, e.g. "职业介绍差 2 次". */
  short: string[]
}

/** One recorded follow-up, as the person card's history lists it (newest first). */
export interface FollowupRecordView {
  id: string
  at: string
  actor: string
  channel: Channel
  outcome: string
  employmentStatus: EmploymentStatus
  employmentSince: string | null
  nextStep: string | null
  note: string | null
}

export interface PersonHistoryReply {
  followups: FollowupRecordView[]
  services131: ServiceTally
  /** Their bookings, latest first: attended job fairs and missed sessions to follow up. */
  bookings: BookingView[]
}

export interface RecordFollowupReply {
  task: FollowupTaskView
  recordId: string
}

/** An unemployed person of the region still short of this year's 131 services. */
export interface ShortOf131Item extends ServiceTally {
  personId: string
  name: string
  community: string
  communityName: string | null
}

export interface DeductionRow {
  code: string
  name: string | null
  points: number
}

export interface DeductionReport {
  year: number
  /** This year only: open tasks the workbench shows, deducted if still open when their month closes. */
  atRisk: { overdue: number; thisMonth: number } | null
  towns: DeductionRow[]
  communities: DeductionRow[]
  /** Each deduction with its rule and person, latest first. */
  items: {
    id: string
    communityName: string | null
    points: number
    reason: string
    rule: string | null
    personId: string | null
    at: string
    cancelled: { reason: string; by: string; at: string } | null
  }[]
}

/** What each route answers with when it succeeds. */
export interface RouteReplies {
  health: HealthReply
  devLogin: TokenReply
  wechatLogin: TokenReply
  session: SessionInfo
  cloudUploadSlot: { cloudPath: string; expiresInSeconds: number }
  importCloudFile: UploadedFileReply
  requestStaffRole: StaffRequestView
  myStaffRequest: StaffRequestView | null
  listStaff: { requests: StaffRequestView[]; staff: StaffAccountView[] }
  grantStaffRole: StaffAccountView
  revokeStaffRole: { ok: true }
  refuseStaffRequest: StaffRequestView
  listJobs: Paged<JobSummary>
  getJob: Job
  listJobCategories: ItemsReply<{ code: string; label: string }>
  listRegions: ItemsReply<Region>
  getMe: PersonView
  updateMe: PersonView | PhoneStep
  requestBindConfirmation: BindRequestView
  myBindRequest: BindRequestView
  listBindRequests: Paged<BindRequestItem>
  decideBindRequest: { id: string; status: string }
  revealBindRequest: { idNumber: string; phone: string }
  correctIdentity: PersonView
  getPerson: PersonView
  listApplicationTypes: ItemsReply<ApplicationTypeInfo>
  submitApplication: ApplicationView
  listMyApplications: Paged<ApplicationView>
  getApplication: ApplicationView
  withdrawApplication: ApplicationView
  listReviews: Paged<ApplicationView>
  review: ApplicationView
  listPublicNotices: ItemsReply<PublicNoticeItem>
  objectToNotice: OkReply
  listInbox: InboxReply
  readInboxMessage: OkReply
  listSubscriptions: {
    items: { template: 'digest' | 'status' | 'policy' | 'job'; credits: number }[]
    wechatEnabled: boolean
  }
  addSubscription: { template: 'digest' | 'status' | 'policy' | 'job'; credits: number | null }
  listFollowupTasks: Paged<FollowupTaskView>
  recordFollowup: RecordFollowupReply
  personHistory: PersonHistoryReply
  recordPersonFollowup: { recordId: string; completedTasks: number }
  exitPerson: PersonView
  registerPerson: PersonView
  getAgreement: { agreement: AgreementView | null }
  saveAgreement: { agreement: AgreementView }
  signAgreement: { agreement: AgreementView }
  searchPeople: Paged<PersonSummary>
  recordEmploymentRegistration: PersonView
  linkHousehold: HouseholdView
  getHousehold: HouseholdView
  getCountySettings: CountySettingsView
  setCountySettings: CountySettingsView
  cancelDeduction: { id: string }
  recordDeduction: { id: string }
  listPlacementCases: Paged<PlacementCaseItem>
  recordPlacement: PlacementCaseItem
  commitImmediateEmployment: PlacementCaseItem
  recordService: ServiceTally
  listShortOf131: Paged<ShortOf131Item>
  deductionReport: DeductionReport
  quarterlyReport: QuarterlyReport
  unemploymentRate: UnemploymentRateReply
  setLabourForce: UnemploymentRateReply
  communityRating: CommunityRatingReply
  decideCommunityRating: CommunityRatingReply
  dispatchReport: DispatchReply
  annualScore: AnnualScoreReply
  roster: { title: string; regionName: string | null; rows: unknown[] }
  reportTrends: TrendsReply
  getReportSettings: ReportSettings & { isDefault: boolean; updatedAt: string | null }
  setReportSettings: ReportSettings & { isDefault: boolean; updatedAt: string | null }
  listCards: Paged<CardView>
  inspectCard: CardView
  changeCardStatus: CardView
  addKeyGroup: PersonView
  endKeyGroup: PersonView
  decideKeyGroupClaim: PersonView
  declareKeyGroup: PersonView
  listKeyGroupClaims: Paged<KeyGroupClaimItem>
  recordEnjoyment: PersonView
  listPolicies: Paged<PolicySummary>
  getPolicy: PolicyView
  createPolicy: PolicyView
  updatePolicy: PolicyView
  publishPolicy: PolicyView
  withdrawPolicy: PolicyView
  listPolicyVersions: ItemsReply<PolicyVersionItem>
  myEligibility: ItemsReply<EligibilityItem>
  listPolicyNotices: Paged<PolicyNoticeView>
  getPolicyNotice: PolicyNoticeView
  createPolicyNotice: PolicyNoticeView
  publishPolicyNotice: PolicyNoticeView
  withdrawPolicyNotice: PolicyNoticeView
  policyReach: ReachReply
  listUnenjoyed: Paged<UnenjoyedItem>
  recordExplained: UnenjoyedItem
  listDeductionCandidates: Paged<DeductionCandidateView>
  decideDeductionCandidate: DeductionCandidateView
  registerEmployer: EmployerView
  listEmployers: Paged<EmployerView>
  getEmployer: EmployerView
  verifyEmployer: EmployerView
  myEmployer: EmployerView
  createVacancy: VacancyView
  listVacancies: Paged<VacancyView>
  getVacancy: VacancyView
  updateVacancy: VacancyView
  reviewVacancy: VacancyView
  changeVacancyStatus: VacancyView
  expressInterest: InterestView
  listMyInterests: Paged<InterestView>
  myRecommendations: ItemsReply<RecommendationItem>
  myJob: MyJobView
  registerReturnee: PersonView
  registerReturneeOnVisit: PersonView
  setJobPush: PersonView
  listVacancyInterests: Paged<InterestView>
  listInterests: Paged<InterestView>
  getInterest: InterestView
  recordInterestOutcome: InterestView
  listJobPushes: Paged<JobPushView>
  listWelfarePosts: Paged<WelfarePostView>
  createWelfarePost: WelfarePostView
  getWelfarePost: WelfarePostView
  listWelfareCandidates: ItemsReply<WelfareCandidate>
  allocateWelfarePost: WelfarePostView
  returneeCampaign: CampaignReport
  listSessions: ItemsReply<SessionView>
  createSession: SessionView
  getSession: SessionView
  changeSessionCapacity: SessionView
  cancelSession: SessionView
  bookSession: BookingView
  listSessionBookings: { items: BookingView[]; counts: Record<BookingStatus, number> }
  checkIn: BookingView
  cancelBooking: BookingView
  listMyBookings: ItemsReply<BookingView>
  listRegionBookings: Paged<BookingView>
  sessionStats: SessionStatsReply
  myServices: MyServicesReply
}

export interface NoShowCell {
  booked: number
  attended: number
  noShows: number
  noShowRate: number | null
}
export interface SessionStatsReply {
  sessions: number
  rows: { kind: SessionKind | 'all'; kindLabel: string; self: NoShowCell; staff: NoShowCell }[]
}
export interface MyServicesReply {
  year: number
  counts: Record<ServiceKind, number>
  required: Record<ServiceKind, number>
  items: { kind: ServiceKind; kindLabel: string; at: string; note: string }[]
}

/** A placement case as staff list it (24-hour zero-employment household, 72-hour commitment). */
/** A resident's request that the community confirm their identity (staff queue). */
export interface BindRequestItem {
  id: string
  name: string
  idNumberMasked: string
  phoneMasked: string
  community: string
  communityName: string | null
  createdAt: string
  registry: { state: 'new' | 'visit' | 'bound'; note: string }
}

export interface PlacementCaseItem {
  id: string
  kind: 'zero_employment' | 'immediate_72h'
  status: 'open' | 'placed'
  community: string
  communityName?: string | null
  openedAt: string
  deadline: string
  level: 'community' | 'street' | 'county'
  overdue?: boolean
  members?: { personId: string; name: string; employmentStatus: EmploymentStatus }[]
  placement: {
    personId: string
    employer: string
    post: string
    startedOn: string
    note: string | null
  } | null
}

/** The registered urban unemployment rate of a month with the twelve months before it. */
export type UnemploymentRateReply = UnemploymentRate & {
  trend: {
    month: string
    registeredUnemployed: number
    labourForce: number | null
    labourForceMonth: string | null
    rate: number | null
    above: boolean
  }[]
}

export interface RatingEvidence {
  personId: string
  name: string
  idNumberMasked: string
  note: string
}
export interface CommunityRatingReply {
  community: string
  communityName: string | null
  year: number
  asOf: string
  computedAt: string
  criteria: {
    key: string
    label: string
    value: number
    levels: { level: 3 | 4 | 5; need: number; met: boolean }[]
    counts: { base: number; short: number }
    evidence: RatingEvidence[]
  }[]
  proposed: 0 | 3 | 4 | 5
  proposedLabel: string
  decision: {
    level: 0 | 3 | 4 | 5
    label: string
    note: string
    by: string
    at: string
    history: { level: 0 | 3 | 4 | 5; label: string; note: string; by: string; at: string }[]
  } | null
}

export interface DispatchRow {
  town: string
  townName: string | null
  opened: number
  placedInTime: number
  placedLate: number
  escalated: number
  openAtEnd: number
}
export interface DispatchReply {
  kind: 'zero_employment' | 'difficulty'
  /** Rows per street/town (a county) or per community (a street/town or a community). */
  unit: 'town' | 'community'
  title: string
  period: string
  regionName: string | null
  computedAt: string
  rows: DispatchRow[]
  total: DispatchRow
  difficulty:
    | {
        town: string
        townName: string | null
        persons: number
        unemployed: number
        employedNow: number
        employed: number
        noWish: number
        missed: number
        served: number
      }[]
    | null
}

export interface AnnualScoreReply {
  region: string
  regionName: string | null
  year: number
  base: number
  communityOnly: boolean
  computedAt: string
  towns: {
    town: string
    townName: string | null
    base: number
    deducted: number
    cancelled: number
    score: number
  }[]
  items: {
    id: string
    communityName: string | null
    points: number
    reason: string
    rule: string | null
    at: string
    cancelled: unknown
  }[]
}

export interface TrendMonth {
  month: string
  followupsDue: number
  followupsDone: number
  followupsMissed: number
  onTimeRate: number | null
  placements: number
  knowRate: number | null
  enjoyRate: number | null
  bookings: number
  attended: number
}
export interface TrendsReply {
  region: string
  regionName: string | null
  month: string
  computedAt: string
  months: TrendMonth[]
}

/** A material as the server keeps it (POST /api/files and the cloud import answer the same). */
export interface UploadedFileReply {
  id: string
  name: string
  contentType: string
  size: number
  createdAt: string
}
