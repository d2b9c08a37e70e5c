import type { Role } from '../../shared/auth/identity'
import type { Job } from '../../shared/jobs/job'
import type { EmploymentStatus, KeyGroup } from '../../shared/people/person'
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

/**
 * A resident in the registry. ID number and phone are sealed (AES-GCM) with masked copies for
 * display; `idHash` keeps one person per ID number without storing the number in the clear.
 */
export interface PersonRecord {
  id: string
  /** `wx:<openid>` of the resident who bound this record; null until they do (staff-registered). */
  accountId: string | null
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
  policiesEnjoyed: string[]
  keyGroups: { group: KeyGroup; since: string; source: string }[]
  registration: { certificateNo: string; registeredAt: string } | null
  createdAt: string
  createdBy: string
  updatedAt: string
}

export const persons = defineCollection<PersonRecord>()({
  name: 'persons',
  fields: {
    accountId: 'text',
    idHash: 'text',
    community: 'text',
    householdId: 'text',
    employmentStatus: 'text',
    updatedAt: 'text',
  },
})

export const ALL_COLLECTIONS = [jobs, accounts, auditLog, jobRuns, meta, persons]
