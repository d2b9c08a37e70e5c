import { JOB_CATEGORIES, type Job, type JobSummary } from '../../../shared/jobs/job'
import type { JobRecord } from '../../store/collections'

/**
 * Whitelist mappers: responses copy named fields only, so a field added to the record for the
 * server's use (keywords, audit stamps) can never leak into a reply by accident.
 */
export const toJobSummary = (r: JobRecord): JobSummary => ({
  id: r.id,
  title: r.title,
  employer: r.employer,
  region: r.region,
  regionName: r.regionName,
  category: r.category,
  salaryMin: r.salaryMin,
  salaryMax: r.salaryMax,
  publicWelfare: r.publicWelfare,
  headcount: r.headcount,
  education: r.education,
  publishedAt: r.publishedAt,
  benefits: r.benefits,
})

export const toJob = (r: JobRecord): Job => ({
  ...toJobSummary(r),
  employerIndustry: r.employerIndustry,
  address: r.address,
  experience: r.experience,
  description: r.description,
  requirements: r.requirements,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  ...(r.hours ? { hours: r.hours } : {}),
  status: r.status,
  validUntil: r.validUntil,
})

/** What keyword search looks through, lower-cased once at write time. */
export const jobKeywords = (job: Job): string =>
  [
    job.title,
    job.employer,
    job.employerIndustry,
    JOB_CATEGORIES[job.category],
    job.regionName,
    ...job.benefits,
  ]
    .join(' ')
    .toLowerCase()

export const toJobRecord = (job: Job, at: Date): JobRecord => ({
  ...job,
  keywords: jobKeywords(job),
  createdAt: at.toISOString(),
  updatedAt: at.toISOString(),
})
