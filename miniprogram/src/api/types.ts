import type { SessionInfo } from '@shared/auth/identity'
import type { Job, JobSummary, Paged } from '@shared/jobs/job'
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
  // Replies of the application routes are typed where the pages that use them land.
  getMe: unknown
  updateMe: unknown
  getPerson: unknown
  listApplicationTypes: unknown
  submitApplication: unknown
  listMyApplications: unknown
  getApplication: unknown
  withdrawApplication: unknown
  listReviews: unknown
  review: unknown
  listPublicNotices: unknown
  objectToNotice: unknown
  listInbox: unknown
  readInboxMessage: unknown
}
