import type {
  ApplicationType,
  ApplicationView,
  Material,
  PublicNoticeItem,
  Stage,
} from '@shared/applications/application-types'
import type { SessionInfo } from '@shared/auth/identity'
import type { Job, JobSummary, Paged } from '@shared/jobs/job'
import type { PersonView } from '@shared/people/person'
import type { Region } from '@shared/regions/region-code'

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
}

export interface InboxReply extends Paged<InboxMessage> {
  unread: number
}

/** What each route answers with when it succeeds. */
export interface RouteReplies {
  health: HealthReply
  devLogin: TokenReply
  wechatLogin: TokenReply
  session: SessionInfo
  listJobs: Paged<JobSummary>
  getJob: Job
  listJobCategories: ItemsReply<{ code: string; label: string }>
  listRegions: ItemsReply<Region>
  getMe: PersonView
  updateMe: PersonView
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
}
