import {
  JOB_PAGE_SIZE_DEFAULT,
  type JobListQuery,
  type JobSummary,
  type Paged,
} from '../../../shared/jobs/job'
import { jobs } from '../../store/collections'
import type { Filter, Store } from '../../store/port'
import { toJobSummary } from './job-mapper'

/**
 * The job board: open, unexpired vacancies, newest first, narrowed by the resident's filters.
 * `region` is a division prefix, so a town shows its own and its communities' posts.
 */
export const listJobs = async (store: Store, query: JobListQuery, now: Date): Promise<Paged<JobSummary>> => {
  const where: Filter[] = [
    { field: 'status', op: 'eq', value: 'published' },
    // Hide posts past their date even before the nightly expiry run has closed them.
    { field: 'validUntil', op: 'gt', value: now.toISOString() },
  ]
  if (query.region) where.push({ field: 'region', op: 'prefix', value: query.region })
  if (query.category) where.push({ field: 'category', op: 'eq', value: query.category })
  if (query.publicWelfare !== undefined)
    where.push({ field: 'publicWelfare', op: 'eq', value: query.publicWelfare })
  if (query.minSalary) where.push({ field: 'salaryMax', op: 'gte', value: query.minSalary })
  if (query.q) where.push({ field: 'keywords', op: 'contains', value: query.q.toLowerCase() })

  const page = await store.find(jobs, {
    where,
    orderBy: [{ field: 'publishedAt', dir: 'desc' }],
    limit: query.limit ?? JOB_PAGE_SIZE_DEFAULT,
    cursor: query.cursor,
  })
  return { items: page.items.map(toJobSummary), nextCursor: page.nextCursor }
}
