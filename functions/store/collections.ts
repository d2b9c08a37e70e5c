import type { Role } from '../../shared/auth/identity'
import type { Job } from '../../shared/jobs/job'
import { defineCollection } from './port'

/**
 * The collections and their queryable fields. Each declared field is a generated, indexed
 * column in Postgres (infra/migrations) and an indexed field on CloudBase
 * (infra/cloudbase/database.json); the contract suite checks the migrations match.
 */

/** A job as stored: the public job plus what only the server needs. */
export type JobRecord = Job & {
  /** Lower-cased title, employer, category label and town for keyword search. */
  keywords: string
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
  },
})

/** Who has logged in, and as what. Staff roles are granted here, never by the client. */
export interface AccountRecord {
  id: string
  openid: string
  role: Role
  region: string | null
  source: 'dev' | 'wechat' | 'cloudbase'
  createdAt: string
  lastLoginAt: string
}

export const accounts = defineCollection<AccountRecord>()({
  name: 'accounts',
  fields: { role: 'text', region: 'text' },
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
}

export const auditLog = defineCollection<AuditRecord>()({
  name: 'audit_log',
  fields: { at: 'text', actor: 'text', action: 'text', subject: 'text' },
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
})

/** Small key/value facts about the deployment (e.g. when the demo was seeded). */
export interface MetaRecord {
  id: string
  value: string
  updatedAt: string
}
export const meta = defineCollection<MetaRecord>()({ name: 'meta', fields: {} })

export const ALL_COLLECTIONS = [jobs, accounts, auditLog, jobRuns, meta]
