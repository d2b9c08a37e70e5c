import type {
  ApplicationStatus,
  ApplicationType,
  ConsentMethod,
  Stage,
  TimelineEntry,
} from '../../shared/applications/application-types'
import type { Role, StaffRole } from '../../shared/auth/identity'
import type { StaffRequestStatus } from '../../shared/auth/staff-roles'
import type { EmployerStatus, VacancyTimelineEntry } from '../../shared/employers/employer'
import type { Job } from '../../shared/jobs/job'
import type { InterestSource, InterestStatus, ReturneeInput } from '../../shared/jobs/seeker'
import type { AgreementItemKind, AgreementStatus, SignMethod } from '../../shared/people/agreement'
import type {
  EmploymentKind,
  EmploymentStatus,
  ExitReason,
  Hukou,
  KeyGroup,
  KeyGroupAction,
} from '../../shared/people/person'
import type { PolicyParam, PolicyStatus, Verdict } from '../../shared/policies/policy'
import type { Rule } from '../../shared/policies/rules'
import type { QuarterDetailRow } from '../../shared/reports/report'
import type { BookingStatus, SessionKind } from '../../shared/sessions/session'
import { defineCollection } from './port'

/**
 * The collections, their queryable fields and their compound and unique indexes, declared once.
 * Each declared field is a generated, indexed column in Postgres (infra/migrations) and an
 * indexed field on CloudBase; infra/cloudbase/database.json is generated from here
 * (`npm run gen:deploy`, checked by tests/unit/deploy-config.test.ts), and the schema contract
 * checks the migrations have every declared index and no undeclared one.
 */

/** A job as stored: the public job plus what only the server needs. */
export type JobRecord = Job & {
  /** Lower-cased title, employer, category label and town for keyword search. */
  keywords: string
  /** The employer record it belongs to (null for vacancies gathered before employers existed). */
  employerId?: string | null
  hours?: string
  /** Every step of its life: submitted, published, rejected (with the reason), paused, filled… */
  timeline?: VacancyTimelineEntry[]
  createdBy?: string
  createdAt: string
  updatedAt: string
}

export const jobs = defineCollection<JobRecord>()({
  name: 'jobs',
  fields: {
    region: 'text',
    category: 'text',
    publicWelfare: 'bool',
    salaryMin: 'int',
    salaryMax: 'int',
    status: 'text',
    publishedAt: 'text',
    validUntil: 'text',
    keywords: 'text',
    employerId: 'text',
    updatedAt: 'text',
  },
  indexes: [
    { name: 'open_newest', keys: ['status', '-publishedAt', '-id'] },
    { name: 'region_newest', keys: ['status', 'region', '-publishedAt', '-id'] },
    { name: 'category_newest', keys: ['status', 'category', '-publishedAt', '-id'] },
    { name: 'welfare_newest', keys: ['status', 'publicWelfare', '-publishedAt', '-id'] },
    { name: 'open_salary', keys: ['status', 'salaryMax'] },
    { name: 'open_expiry', keys: ['status', 'validUntil', 'id'] },
    { name: 'employer_updated', keys: ['employerId', 'updatedAt', 'id'] },
    { name: 'review_queue', keys: ['status', 'region', 'updatedAt', 'id'] },
  ],
})

/** Who has logged in, and as what. Staff roles are granted here, never by the client. */
export interface AccountRecord {
  id: string
  openid: string
  role: Role
  region: string | null
  source: 'dev' | 'wechat' | 'cloudbase'
  /** For employer accounts: the unit they manage. */
  employerId?: string | null
  /** A county account that grants and revokes staff roles (系统管理员). */
  admin?: boolean
  /** For staff: the name and unit they gave when asking for the role. */
  name?: string | null
  unit?: string | null
  grantedAt?: string | null
  grantedBy?: string | null
  createdAt: string
  lastLoginAt: string
}

export const accounts = defineCollection<AccountRecord>()({
  name: 'accounts',
  fields: { role: 'text', region: 'text' },
  indexes: [
    { name: 'role_region', keys: ['role', 'region'] },
    { name: 'region_role', keys: ['region', 'role', 'id'] },
  ],
})

/** A person's request for a staff role, one per account (its id), decided by a county administrator. */
export interface StaffRequestRecord {
  id: string
  name: string
  role: StaffRole
  region: string
  unit: string
  status: StaffRequestStatus
  at: string
  updatedAt: string
  decidedBy: string | null
  decidedAt: string | null
  reason: string | null
}
export const staffRequests = defineCollection<StaffRequestRecord>()({
  name: 'staff_requests',
  fields: { status: 'text', region: 'text', updatedAt: 'text' },
  indexes: [{ name: 'queue', keys: ['status', 'updatedAt', 'id'] }],
})

/** Every write and every sensitive read leaves one of these: who, what, when, result. */
export interface AuditRecord {
  id: string
  at: string
  actor: string
  actorRole: string
  action: string
  subject: string
  result: 'ok' | 'refused'
  detail?: Record<string, string | number | boolean | null>
  /** False until the seal job chains it; then its place in the chain. */
  sealed?: boolean
  seal?: { seq: number; prevHash: string; hash: string }
}

export const auditLog = defineCollection<AuditRecord>()({
  name: 'audit_log',
  fields: { at: 'text', actor: 'text', action: 'text', subject: 'text', sealed: 'bool' },
  indexes: [
    { name: 'newest', keys: ['-at', '-id'] },
    { name: 'subject_at', keys: ['subject', '-at', '-id'] },
    { name: 'actor_at', keys: ['actor', '-at', '-id'] },
    { name: 'sealed_at', keys: ['sealed', 'at'] },
  ],
})

/**
 * One rate-limit window: requests counted per bucket (what) and key (account or source) in a
 * fixed window; the id names all three, so the count is one atomic increment.
 */
export interface RateLimitRecord {
  id: string
  n: number
  windowEnds: string
}
export const rateLimits = defineCollection<RateLimitRecord>()({
  name: 'rate_limits',
  fields: { windowEnds: 'text' },
  indexes: [{ name: 'window_ends', keys: ['windowEnds', 'id'] }],
})

/** A one-time code sent to a phone to prove it is the caller's (id: the account). */
export interface PhoneCodeRecord {
  id: string
  /** What the code proves, for this ID number and phone only. */
  idHash: string
  phoneHash: string
  codeHash: string
  sentAt: string
  expiresAt: string
  attempts: number
  sends: number
}
export const phoneCodes = defineCollection<PhoneCodeRecord>()({
  name: 'phone_codes',
  fields: { expiresAt: 'text' },
  indexes: [{ name: 'expires_at', keys: ['expiresAt', 'id'] }],
})

/**
 * A resident's real-name bind that a coordinator confirms in person (the code didn't reach
 * them, or the record holds another phone). id: the asking account; one open request each.
 */
export interface BindRequestRecord {
  id: string
  accountId: string
  status: 'pending' | 'confirmed' | 'refused' | 'withdrawn'
  community: string
  name: string
  idHash: string
  idNumberSealed: string
  idNumberMasked: string
  phoneSealed: string
  phoneMasked: string
  /** The profile as the resident filled it in, applied when confirmed. */
  profile: Record<string, unknown>
  createdAt: string
  decidedAt: string | null
  decidedBy: string | null
  note: string | null
}
export const bindRequests = defineCollection<BindRequestRecord>()({
  name: 'bind_requests',
  fields: { community: 'text', status: 'text', createdAt: 'text' },
  indexes: [
    { name: 'community_status_createdAt', keys: ['community', 'status', 'createdAt'] },
    { name: 'status_createdAt', keys: ['status', 'createdAt'] },
  ],
})

/** One row per scheduled run (name + period): makes timers idempotent and resumable. */
export interface JobRunRecord {
  id: string
  name: string
  startedAt: string
  finishedAt: string | null
  asOf: string
  status: 'running' | 'done' | 'failed'
  summary: Record<string, number | string>
  checkpoint: string | null
}

export const jobRuns = defineCollection<JobRunRecord>()({
  name: 'job_runs',
  fields: { name: 'text', startedAt: 'text', status: 'text' },
  indexes: [{ name: 'name_started', keys: ['name', '-startedAt', '-id'] }],
})

/** Small key/value facts about the deployment (e.g. when the demo was seeded). */
export interface MetaRecord {
  id: string
  value: string
  updatedAt: string
}
export const meta = defineCollection<MetaRecord>()({ name: 'meta', fields: {} })

/**
 * A resident in the registry. ID number and phone are sealed (AES-GCM) with masked copies for
 * display; `idHash` keeps one person per ID number without storing the number in the clear.
 */
export interface PersonRecord {
  id: string
  /** `wx:<openid>` of the resident who bound this record; null until they do (staff-registered). */
  accountId: string | null
  /**
   * The assistance card issued last: a re-issue reads it by id inside the approval's
   * transaction (which can't query) and replaces it if still active.
   */
  activeCardId?: string | null
  name: string
  idNumberSealed: string
  idHash: string
  idNumberMasked: string
  phoneSealed: string
  phoneMasked: string
  gender: 'male' | 'female'
  birthDate: string
  community: string
  householdId: string | null
  employmentStatus: EmploymentStatus
  employmentSince: string | null
  skills: string[]
  jobWishes: { occupations: string[]; places: string[]; expectedPay: number | null }
  family: { householdSize: number | null; situation: string | null }
  /** Free-text labels recorded before benefits were structured (kept for display). */
  policiesEnjoyed: string[]
  /** Benefits enjoyed, from approved applications and staff records; never from the resident. */
  enjoyments?: EnjoymentRecord[]
  /** Confirmed key groups. Pending declarations live in `keyGroupClaims`. */
  keyGroups: { group: KeyGroup; since: string; source: string; reason?: string; evidence?: string | null }[]
  keyGroupClaims?: { group: KeyGroup; since: string; note: string | null; at: string }[]
  /** Some declaration waits for a coordinator (kept in step with keyGroupClaims, for the query). */
  claimsPending?: boolean
  keyGroupHistory?: KeyGroupChange[]
  /** The resident's own report of a changed employment status, until a follow-up confirms it. */
  reportedEmployment?: { status: EmploymentStatus; since: string | null; at: string } | null
  trainingWish?: { wants: boolean | null; courses: string[] }
  hukou?: Hukou | null
  publicWelfarePost?: {
    post: string
    employer: string
    since: string
    postId?: string
    until?: string
  } | null
  /** Registered as back from work elsewhere (返乡登记), by the resident or on a visit. */
  returnee?: (ReturneeInput & { registeredAt: string; registeredBy: string }) | null
  /** returnee.returnedAt, copied to the top so the Spring Festival count can index it. */
  returnedAt?: string | null
  /** The resident's own switch for job pushes; unset = the default for their situation. */
  jobPush?: 'on' | 'off' | null
  registration: { certificateNo: string; registeredAt: string; endedAt?: string | null } | null
  /** The last 就业登记 (employment registration) recorded by staff. */
  employmentRegistration?: {
    employer: string
    date: string
    kind: EmploymentKind
    post: string
    note: string
    by: string
    at: string
  } | null
  /** The last recorded follow-up: the follow-up cadence counts from here. */
  lastFollowupAt?: string | null
  /** Left follow-up (retired, moved, deceased, out of the labour market) from `date`. */
  exit?: { reason: ExitReason; date: string; note: string; by: string; at: string } | null
  /** Bumped on every read-modify-write of the record: the compare-and-set token. */
  rev?: number
  createdAt: string
  createdBy: string
  updatedAt: string
}

export interface EnjoymentRecord {
  id: string
  policyId: string | null
  applicationType: ApplicationType | null
  label: string
  /** YYYY-MM: the months the benefit covers; `to` null = once-only, for good. */
  from: string
  to: string | null
  /** `application:<id>` or `staff:<account>`. */
  source: string
  note?: string | null
  at: string
}

export interface KeyGroupChange {
  at: string
  group: KeyGroup
  action: KeyGroupAction
  /** The date the change takes effect (认定日期 / 结束日期 / the declared date). */
  date: string
  reason: string | null
  /** Who, as an office ("社区劳动保障协理员", "本人"), never an account. */
  by: string
  evidence: string | null
}

export const persons = defineCollection<PersonRecord>()({
  name: 'persons',
  fields: {
    accountId: 'text',
    idHash: 'text',
    name: 'text',
    community: 'text',
    householdId: 'text',
    employmentStatus: 'text',
    updatedAt: 'text',
    claimsPending: 'bool',
    returnedAt: 'text',
  },
  indexes: [
    { name: 'idHash', keys: ['idHash'], unique: true },
    { name: 'community_status', keys: ['community', 'employmentStatus'] },
    { name: 'claims_scope', keys: ['claimsPending', 'community', 'id'] },
    { name: 'updated', keys: ['updatedAt', 'id'] },
    { name: 'returned_scope', keys: ['returnedAt', 'community'] },
    { name: 'community_name', keys: ['community', 'name'] },
    { name: 'account', keys: ['accountId'], unique: true },
    { name: 'community_scan', keys: ['community', 'id'] },
  ],
})

export interface ApplicationRecord {
  id: string
  personId: string
  type: ApplicationType
  status: ApplicationStatus
  /** Bumped on every change: transitions are compare-and-set on (status, version). */
  version: number
  chain: Stage[]
  data: Record<string, unknown>
  community: string
  applicantName: string
  idempotencyKey: string
  /** The policy the resident applied under (from the 政策 page), if any. */
  policyId?: string | null
  submittedBy: string
  /** Filed by staff on the resident's behalf, with the resident's consent as recorded. */
  onBehalf?: { by: string; method: ConsentMethod; note: string; at: string } | null
  timeline: TimelineEntry[]
  noticeStartedAt: string | null
  noticeEndsAt: string | null
  objections: { at: string; by: string; reason: string }[]
  materials: { key: string; fileId: string; name: string }[]
  result: { certificateNo?: string; cardNumber?: string } | null
  createdAt: string
  updatedAt: string
}

export const applications = defineCollection<ApplicationRecord>()({
  name: 'applications',
  fields: {
    personId: 'text',
    type: 'text',
    status: 'text',
    community: 'text',
    noticeEndsAt: 'text',
    createdAt: 'text',
    updatedAt: 'text',
  },
  indexes: [
    { name: 'person_newest', keys: ['personId', '-createdAt', '-id'] },
    { name: 'queue', keys: ['status', 'community', 'updatedAt', 'id'] },
    { name: 'notice', keys: ['status', 'noticeEndsAt', 'id'] },
  ],
})

/** Exists while a person has an open application of a type: `<personId>:<type>`. */
export interface ApplicationLockRecord {
  id: string
  applicationId: string
}
export const applicationLocks = defineCollection<ApplicationLockRecord>()({
  name: 'application_locks',
  fields: {},
})

export const CARD_STATUSES = [
  'active',
  'returned',
  'kept_by_employer',
  'kept_by_holder',
  'revoked',
  'replaced',
] as const
export type CardStatus = (typeof CARD_STATUSES)[number]

/** An employment-assistance card (就业援助卡); see functions/contexts/applications/numbers.ts for its number. */
export interface CardRecord {
  id: string
  number: string
  personId: string
  community: string
  status: CardStatus
  issuedAt: string
  applicationId: string
  history: { at: string; status: CardStatus; actor: string; reason?: string }[]
  /** The card's issue year until its first annual inspection; due when below the current year. */
  lastInspectedYear: number
  inspections: CardInspection[]
}
export interface CardInspection {
  year: number
  at: string
  actor: string
  employmentStatus: EmploymentStatus
  policiesVerified: string[]
  note: string | null
}
export const cards = defineCollection<CardRecord>()({
  name: 'cards',
  fields: { personId: 'text', number: 'text', status: 'text', community: 'text', lastInspectedYear: 'int' },
  indexes: [
    { name: 'number', keys: ['number'], unique: true },
    { name: 'inspection_due', keys: ['status', 'community', 'lastInspectedYear'] },
    { name: 'person', keys: ['personId', 'status'] },
    { name: 'status_community', keys: ['status', 'community', 'id'] },
  ],
})

/** Number sequences (certificate and card numbers), advanced with the store's atomic increment. */
export interface CounterRecord {
  id: string
  n: number
}
export const counters = defineCollection<CounterRecord>()({ name: 'counters', fields: {} })

/** The in-app inbox; `recipient` is `psn:<personId>` for residents or `wx:<openid>` for staff. */
export interface NotificationRecord {
  id: string
  recipient: string
  at: string
  title: string
  body: string
  read: boolean
  applicationId: string | null
  /** What the message is about, for the app to open: a policy or a policy notice. */
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
  /**
   * A job push (送岗位) is the message itself (recipient `psn:<personId>`): which day, their
   * community, and what was sent and why — what the daily job reads (through the recipient) to
   * never send a vacancy twice and to keep the caps, and what the coordinator sees. Absent on
   * every other message. The row keeps the jobs only here: the inbox fills `link.jobIds` and
   * `link.jobTitles` from them when it is read.
   */
  pushDay?: string
  pushCommunity?: string
  pushJobs?: PushedJob[]
}
export interface PushedJob {
  jobId: string
  score: number
  /** Reason codes (shared/jobs/matching.ts reasonText words them), comma-separated: kept small. */
  why: string
}
export const notifications = defineCollection<NotificationRecord>()({
  name: 'notifications',
  fields: {
    recipient: 'text',
    at: 'text',
    read: 'bool',
    pushDay: 'text',
    pushCommunity: 'text',
  },
  indexes: [
    // Also counts a person's unread (a range of one recipient's inbox): a separate (recipient,
    // read) index cost every one of a day's 100,000 push rows a fourth index entry (migration 0020).
    { name: 'recipient_newest', keys: ['recipient', '-at', '-id'] },
    { name: 'pushByCommunity', keys: ['pushCommunity', 'pushDay', 'id'] },
  ],
})

/** An uploaded material: who it belongs to and where its bytes are. */
export interface FileRecord {
  id: string
  owner: string
  personId: string
  community: string
  name: string
  contentType: string
  size: number
  sha256: string
  storageKey: string
  createdAt: string
}
export const files = defineCollection<FileRecord>()({
  name: 'files',
  fields: { personId: 'text', createdAt: 'text' },
  indexes: [{ name: 'person_newest', keys: ['personId', '-createdAt', '-id'] }],
})

/** One follow-up due for one person in one period: `fu_<YYYYMM>_<personId>`, so runs are idempotent. */
export interface FollowupTaskRecord {
  id: string
  personId: string
  personName: string
  community: string
  period: string
  due: string
  /** exempt: the person left follow-up before it was done (no deduction). */
  status: 'open' | 'done' | 'missed' | 'exempt'
  priority: number
  reason: string
  /**
   * The period the follow-up first fell due when that was before this task's: the one it
   * carries was missed (counted once when its window ended), so this task is already overdue.
   */
  lateSince?: string | null
  createdAt: string
  doneAt: string | null
  recordId: string | null
}
export const followupTasks = defineCollection<FollowupTaskRecord>()({
  name: 'followup_tasks',
  fields: {
    personId: 'text',
    community: 'text',
    period: 'text',
    status: 'text',
    priority: 'int',
    personName: 'text',
  },
  indexes: [
    { name: 'queue', keys: ['community', 'period', '-status', '-priority', 'id'] },
    { name: 'open', keys: ['status', 'period', 'id'] },
    { name: 'community_period', keys: ['community', 'period', 'id'] },
    { name: 'person', keys: ['personId', 'period'] },
  ],
})

export interface FollowupRecord {
  id: string
  personId: string
  /** The person's community when it was recorded: the quarter's reports read records by region. */
  community: string
  taskId: string | null
  at: string
  actor: string
  actorAccount: string
  channel: 'phone' | 'wechat' | 'home_visit'
  outcome: string
  employmentStatus: EmploymentStatus
  employmentSince: string | null
  nextStep: string | null
  note: string | null
}
export const followupRecords = defineCollection<FollowupRecord>()({
  name: 'followup_records',
  fields: { personId: 'text', at: 'text', community: 'text' },
  indexes: [
    { name: 'person_newest', keys: ['personId', '-at', '-id'] },
    { name: 'community_at', keys: ['community', 'at', 'id'] },
  ],
})

/** One "131" service given (career guidance, job referral, skills training). */
export interface ServiceRecord {
  id: string
  personId: string
  community: string
  year: number
  kind: 'guidance' | 'referral' | 'training'
  at: string
  actor: string
  note: string
  jobId: string | null
}
export const services = defineCollection<ServiceRecord>()({
  name: 'services',
  fields: { personId: 'text', year: 'int', kind: 'text', community: 'text', at: 'text' },
  indexes: [
    { name: 'person_year', keys: ['personId', 'year', 'kind'] },
    { name: 'community_at', keys: ['community', 'at', 'id'] },
  ],
})

/** A 1-point deduction from a street/town's annual score (Hai'an 2021 §四3). */
export interface DeductionRecord {
  id: string
  town: string
  community: string
  year: number
  points: number
  reason: string
  source: string
  at: string
  /** The rule that deducts (e.g. Hai'an 2021 §四3) and whom it is about, where a person is. */
  rule?: string
  personId?: string | null
  /** Cancelled by a county officer, with the reason (e.g. the person had moved): no longer counts. */
  cancelled?: { reason: string; by: string; at: string } | null
}
export const deductions = defineCollection<DeductionRecord>()({
  name: 'deductions',
  fields: { town: 'text', community: 'text', year: 'int' },
  indexes: [{ name: 'scope', keys: ['year', 'community', 'id'] }],
})

/**
 * A placement case: a zero-employment household to place within 24 hours (托底安置), or an
 * especially difficult person under the 72-hour immediate-employment commitment. Missed
 * deadlines escalate community -> street/town -> county; only a recorded placement closes it.
 */
export interface PlacementCaseRecord {
  id: string
  kind: 'zero_employment' | 'immediate_72h'
  /** closed: a 72-hour case whose person left the labour market (退出跟踪) before a placement. */
  status: 'open' | 'placed' | 'closed'
  householdId: string | null
  personIds: string[]
  community: string
  openedAt: string
  deadline: string
  level: 'community' | 'street' | 'county'
  history: {
    at: string
    action: 'opened' | 'escalated' | 'placed' | 'closed'
    level: string
    note?: string
  }[]
  placement: {
    personId: string
    employer: string
    post: string
    startedOn: string
    note: string | null
    at: string
    actor: string
  } | null
}
export const placementCases = defineCollection<PlacementCaseRecord>()({
  name: 'placement_cases',
  fields: { kind: 'text', status: 'text', community: 'text', deadline: 'text', householdId: 'text' },
  indexes: [
    { name: 'open', keys: ['status', 'deadline', 'id'] },
    { name: 'scope', keys: ['status', 'community', 'deadline', 'id'] },
  ],
})

/** Remaining one-time subscription-message credits of one account for one template. */
export interface SubscriptionRecord {
  id: string
  account: string
  template: 'digest' | 'status' | 'policy' | 'job'
  credits: number
  updatedAt: string
}
export const subscriptions = defineCollection<SubscriptionRecord>()({ name: 'subscriptions', fields: {} })

/**
 * A policy in the catalogue. Every save also writes a `policy_versions` snapshot; a published
 * change sets `needsMatch` so policy-match re-evaluates who is eligible.
 */
export interface PolicyRecord {
  id: string
  title: string
  summary: string
  body: string
  issuer: string
  docNumber: string | null
  regions: string[]
  /** null: in force from its publication. */
  effectiveFrom: string | null
  effectiveTo: string | null
  applicationType: ApplicationType | null
  subsidy: boolean
  params: PolicyParam[]
  rules: Rule
  excludes: string[]
  status: PolicyStatus
  version: number
  /** Published and changed since policy-match last evaluated it. */
  needsMatch: boolean
  /** The county that owns it: edits come from staff whose scope contains it. */
  owner: string
  createdAt: string
  createdBy: string
  updatedAt: string
  publishedAt: string | null
  withdrawnAt: string | null
  withdrawReason: string | null
}
export const policies = defineCollection<PolicyRecord>()({
  name: 'policies',
  fields: { status: 'text', updatedAt: 'text', needsMatch: 'bool', owner: 'text' },
  indexes: [{ name: 'status_updated', keys: ['status', 'updatedAt', 'id'] }],
})

export interface PolicyVersionRecord {
  id: string
  policyId: string
  version: number
  action: 'created' | 'edited' | 'published' | 'withdrawn'
  at: string
  by: string
  snapshot: Omit<PolicyRecord, 'id'>
}
export const policyVersions = defineCollection<PolicyVersionRecord>()({
  name: 'policy_versions',
  fields: { policyId: 'text', version: 'int' },
  indexes: [{ name: 'policy_version', keys: ['policyId', 'version', 'id'] }],
})

/** A dated announcement tied to policies (政策通知), e.g. "2027 年春风行动补贴申领开始". */
export interface PolicyNoticeRecord {
  id: string
  title: string
  body: string
  policyIds: string[]
  regions: string[]
  status: PolicyStatus
  needsMatch: boolean
  owner: string
  createdAt: string
  createdBy: string
  updatedAt: string
  publishedAt: string | null
  withdrawnAt: string | null
  history: {
    at: string
    action: 'created' | 'edited' | 'published' | 'withdrawn'
    by: string
    reason?: string
  }[]
}
export const policyNotices = defineCollection<PolicyNoticeRecord>()({
  name: 'policy_notices',
  fields: { status: 'text', publishedAt: 'text', needsMatch: 'bool', owner: 'text' },
  indexes: [{ name: 'status_published', keys: ['status', 'publishedAt', 'id'] }],
})

/**
 * How far one policy has reached one person (`<policyId>:<personId>`): created when the person
 * is first found eligible (or already enjoying), then stamped as they are told, read it, are
 * briefed, apply and enjoy it. The know-rate and enjoy-rate are counts over these.
 */
export interface PolicyReachRecord {
  id: string
  policyId: string
  personId: string
  personName: string
  community: string
  verdict: Verdict
  eligibleSince: string
  evaluatedAt: string
  notifiedAt: string | null
  readAt: string | null
  explainedAt: string | null
  explained: { channel: string; date: string; by: string; note: string | null } | null
  appliedAt: string | null
  enjoyingAt: string | null
}
export const policyReach = defineCollection<PolicyReachRecord>()({
  name: 'policy_reach',
  fields: {
    policyId: 'text',
    personId: 'text',
    community: 'text',
    verdict: 'text',
    eligibleSince: 'text',
    notifiedAt: 'text',
    readAt: 'text',
    explainedAt: 'text',
    appliedAt: 'text',
    enjoyingAt: 'text',
  },
  indexes: [
    { name: 'policy_scope', keys: ['policyId', 'verdict', 'community', 'id'] },
    { name: 'scope', keys: ['community', 'verdict', 'id'] },
    { name: 'person', keys: ['personId', 'policyId', 'id'] },
  ],
})

/**
 * An eligible person who did not get a subsidy by a quarter's end (补贴发放缺少一项): a possible
 * 1-point deduction for the street/town, for a county officer to confirm or dismiss.
 */
export interface DeductionCandidateRecord {
  id: string
  quarter: string
  policyId: string
  policyTitle: string
  personId: string
  personName: string
  town: string
  community: string
  eligibleSince: string
  status: 'candidate' | 'confirmed' | 'dismissed'
  decidedAt: string | null
  decidedBy: string | null
  reason: string | null
  createdAt: string
}
export const deductionCandidates = defineCollection<DeductionCandidateRecord>()({
  name: 'deduction_candidates',
  fields: { quarter: 'text', community: 'text', status: 'text' },
  indexes: [{ name: 'quarter_scope', keys: ['quarter', 'community', 'id'] }],
})

/** A unit that hires (用人单位). Verified by street or county staff before its vacancies go out. */
export interface EmployerRecord {
  id: string
  name: string
  creditCode: string
  region: string
  address: string
  industry: string
  contact: { name: string; phoneSealed: string; phoneMasked: string }
  status: EmployerStatus
  /** Employer accounts (`wx:<openid>`) that manage it. */
  accounts: string[]
  createdBy: string
  createdAt: string
  updatedAt: string
  history: {
    at: string
    action: 'registered' | 'created_on_visit' | 'verified' | 'rejected'
    by: string
    reason: string | null
  }[]
}
export const employers = defineCollection<EmployerRecord>()({
  name: 'employers',
  fields: { creditCode: 'text', region: 'text', status: 'text', updatedAt: 'text' },
  indexes: [
    { name: 'creditCode', keys: ['creditCode'], unique: true },
    { name: 'queue', keys: ['status', 'region', 'updatedAt', 'id'] },
  ],
})

/**
 * A seeker's interest in a vacancy (我要应聘): one per seeker and vacancy, so a retry or a second
 * tap finds the same record. It carries what the employer and the coordinator need to call back.
 */
export interface JobInterestRecord {
  id: string
  jobId: string
  jobTitle: string
  employer: string
  employerId: string | null
  jobRegion: string
  personId: string
  personName: string
  phoneMasked: string
  community: string
  shareContact: boolean
  source: InterestSource
  status: InterestStatus
  history: { at: string; status: InterestStatus; by: string; note: string | null }[]
  createdAt: string
  updatedAt: string
}
export const jobInterests = defineCollection<JobInterestRecord>()({
  name: 'job_interests',
  fields: {
    jobId: 'text',
    employerId: 'text',
    personId: 'text',
    community: 'text',
    status: 'text',
    updatedAt: 'text',
  },
  indexes: [
    { name: 'byJob', keys: ['jobId', 'updatedAt', 'id'] },
    { name: 'byPerson', keys: ['personId', 'updatedAt', 'id'] },
    { name: 'byCommunity', keys: ['community', 'updatedAt', 'id'] },
    { name: 'byEmployer', keys: ['employerId', 'updatedAt', 'id'] },
  ],
})

/**
 * A public-welfare post (公益性岗位) defined by county staff: so many places with a monthly
 * subsidy for a term. `filled` only moves by a guarded increment, so it never passes `count`.
 */
export interface WelfarePostRecord {
  id: string
  title: string
  employer: string
  /** The town (9 digits) whose people it serves. */
  town: string
  count: number
  filled: number
  subsidyPerMonth: number
  termMonths: number
  description: string
  status: 'open' | 'closed'
  createdBy: string
  createdAt: string
  updatedAt: string
}
export const welfarePosts = defineCollection<WelfarePostRecord>()({
  name: 'welfare_posts',
  fields: { town: 'text', status: 'text', updatedAt: 'text' },
  indexes: [{ name: 'byTown', keys: ['town', 'status', 'updatedAt', 'id'] }],
})

/** A person placed on a public-welfare post, with the priority that put them first. */
export interface WelfareAllocationRecord {
  id: string
  postId: string
  personId: string
  personName: string
  town: string
  priority: 'zero_employment' | 'difficulty'
  caseId: string | null
  startedOn: string
  endsOn: string
  at: string
  actor: string
}
export const welfareAllocations = defineCollection<WelfareAllocationRecord>()({
  name: 'welfare_allocations',
  fields: { postId: 'text', personId: 'text', town: 'text' },
  indexes: [
    { name: 'byPost', keys: ['postId', 'id'] },
    { name: 'town_scan', keys: ['town', 'id'] },
  ],
})

/** A guidance session residents book (预约): career/startup guidance, training, briefing, job fair. */
export interface SessionRecord {
  id: string
  kind: SessionKind
  title: string
  /** The office that holds it (its label), and its region: its staff are the hosts. */
  host: string
  hostRegion: string
  /** Where it is held: county, town or community; residents of that place see it first. */
  region: string
  place: string
  onlineLink: string | null
  startsAt: string
  endsAt: string
  /** Every date it meets (a training course has several), the first being startsAt–endsAt. */
  dates: { startsAt: string; endsAt: string }[]
  capacity: number
  /** Seats taken (confirmed or attended): moved only by guarded increments. */
  booked: number
  waiting: number
  /** Bookings ever made: each takes the next number (the waiting list's order, the check-in code). */
  seq: number
  /** Scrambles seq into a 6-digit check-in code unique within the session. */
  codeSalt: number
  /** The key that shuffles booking numbers into check-in codes (sessions from 2026-12 on). */
  codeKey?: string
  slots: { id: string; startsAt: string; endsAt: string }[]
  keyGroups: KeyGroup[]
  regions: string[]
  bookingOpensAt: string
  bookingClosesAt: string
  description: string
  status: 'published' | 'cancelled'
  /** Why the host called it off (cancelled sessions). */
  cancelReason?: string
  /** Set by session-reminder once it has ended: no-shows marked, counts final. */
  closed: boolean
  attended: number
  noShows: number
  createdBy: string
  createdAt: string
  updatedAt: string
}
export const sessions = defineCollection<SessionRecord>()({
  name: 'sessions',
  fields: {
    region: 'text',
    hostRegion: 'text',
    startsAt: 'text',
    endsAt: 'text',
    kind: 'text',
    closed: 'bool',
  },
  indexes: [
    { name: 'byHost', keys: ['hostRegion', 'startsAt', 'id'] },
    { name: 'byRegion', keys: ['region', 'startsAt', 'id'] },
    { name: 'open', keys: ['closed', 'endsAt', 'id'] },
    { name: 'starts', keys: ['startsAt', 'id'] },
  ],
})

/** One person's place in one session: `bkg_<session>_<person>`, reused if they book again. */
export interface BookingRecord {
  id: string
  sessionId: string
  kind: SessionKind
  sessionTitle: string
  startsAt: string
  endsAt: string
  place: string
  personId: string
  personName: string
  community: string
  status: BookingStatus
  slotId: string | null
  /** The booking's number in its session (its place in the waiting list). */
  seq: number
  code: string
  /** Made by staff on the person's behalf (the rdv-insertion comparison: self-made vs summoned). */
  byStaff: boolean
  actor: string
  at: string
  updatedAt: string
  attendedDates: number[]
  /** Reminders sent: 'day_before', 'two_hours'. */
  reminded: string[]
  /** Holds one of the person's open-booking places (bookers.open; released on cancelling or when it ends). */
  counted: boolean
  cancelledBy: string | null
  rev: number
}
export const bookings = defineCollection<BookingRecord>()({
  name: 'bookings',
  fields: {
    sessionId: 'text',
    personId: 'text',
    community: 'text',
    status: 'text',
    startsAt: 'text',
    seq: 'int',
    code: 'text',
  },
  indexes: [
    { name: 'bySession', keys: ['sessionId', 'status', 'seq', 'id'] },
    { name: 'byPerson', keys: ['personId', 'startsAt', 'id'] },
    { name: 'byCommunity', keys: ['community', 'status', 'startsAt', 'id'] },
    { name: 'session_code', keys: ['sessionId', 'code'], unique: true },
    { name: 'byCommunityRecent', keys: ['community', '-startsAt', 'id'] },
  ],
})

/**
 * One person as a booker: open bookings (capped, so one account can't reserve a room) and
 * no-shows since they last attended (after enough, they confirm before booking again). Moved
 * only by increments inside the booking, cancelling, closing and check-in transactions.
 */
export interface BookerRecord {
  /** The person's id. */
  id: string
  open: number
  noShows: number
}
export const bookers = defineCollection<BookerRecord>()({ name: 'bookers', fields: {} })

/** 就业援助协议（一人一策）: one per assisted person, revised in place (`version`). */
export interface AgreementRecord {
  /** `agr_<personId>`: one agreement per person. */
  id: string
  personId: string
  community: string
  status: AgreementStatus
  goals: string
  items: {
    id: string
    kind: AgreementItemKind
    label: string
    due: string
    doneAt: string | null
    doneBy: string | null
    /** The follow-up record that ticked it. */
    recordId: string | null
  }[]
  signed: { method: SignMethod; at: string; by: string; fileId: string | null } | null
  /** What the person agrees to: bumped when the promise changes. */
  version: number
  /** Bumped on every write (revision, signature, a ticked item): the compare-and-set token. */
  rev: number
  createdAt: string
  updatedAt: string
  updatedBy: string
}
export const agreements = defineCollection<AgreementRecord>()({
  name: 'agreements',
  fields: { personId: 'text', community: 'text', status: 'text' },
  indexes: [
    { name: 'personId', keys: ['personId'], unique: true },
    { name: 'community_status', keys: ['community', 'status'] },
  ],
})

/**
 * A quarter's 明细表 rows of one community as \`report-quarterly\` froze them
 * (\`rq_<quarter>_<community>\`): a submitted report does not change when a record is edited later.
 */
export interface ReportSnapshotRecord {
  id: string
  quarter: string
  community: string
  frozenAt: string
  rows: QuarterDetailRow[]
}
export const reportSnapshots = defineCollection<ReportSnapshotRecord>()({
  name: 'report_snapshots',
  fields: { quarter: 'text', community: 'text' },
  indexes: [{ name: 'quarter_community', keys: ['quarter', 'community', 'id'] }],
})

/** A street/town's employed urban labour force for a month (\`lf_<town>_<YYYY-MM>\`): the rate's denominator. */
export interface LabourForceRecord {
  id: string
  town: string
  month: string
  employed: number
  by: string
  at: string
}
export const labourForce = defineCollection<LabourForceRecord>()({
  name: 'labour_force',
  fields: { town: 'text', month: 'text' },
  indexes: [{ name: 'town_month', keys: ['town', 'month', 'id'] }],
})

/** The county's decision on a community's full-employment star level for a year (\`cr_<community>_<year>\`). */
export interface CommunityRatingRecord {
  id: string
  community: string
  year: number
  level: 0 | 3 | 4 | 5
  proposed: 0 | 3 | 4 | 5
  note: string
  by: string
  at: string
  /** Earlier decisions of the same year, replaced by this one (oldest first). */
  history?: { level: 0 | 3 | 4 | 5; proposed: 0 | 3 | 4 | 5; note: string; by: string; at: string }[]
}
export const communityRatings = defineCollection<CommunityRatingRecord>()({
  name: 'community_ratings',
  fields: { community: 'text', year: 'int' },
  indexes: [{ name: 'community_year', keys: ['community', 'year', 'id'] }],
})

export const ALL_COLLECTIONS = [
  jobs,
  accounts,
  staffRequests,
  auditLog,
  rateLimits,
  phoneCodes,
  bindRequests,
  jobRuns,
  meta,
  persons,
  applications,
  applicationLocks,
  cards,
  counters,
  notifications,
  files,
  followupTasks,
  followupRecords,
  services,
  deductions,
  placementCases,
  subscriptions,
  policies,
  policyVersions,
  policyNotices,
  policyReach,
  deductionCandidates,
  employers,
  jobInterests,
  welfarePosts,
  welfareAllocations,
  sessions,
  bookings,
  bookers,
  agreements,
  reportSnapshots,
  labourForce,
  communityRatings,
]
