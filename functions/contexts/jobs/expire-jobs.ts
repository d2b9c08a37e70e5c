import type { Logger } from '../../platform/logger'
import { type JobRecord, jobs } from '../../store/collections'
import type { Page, Store } from '../../store/port'

const PAGE = 100

/**
 * Close open vacancies whose validity ended by `at`. Safe to run any number of times and from
 * several places at once: each close is a compare-and-set on status `open`.
 */
export const expireJobs = async (store: Store, at: Date, log: Logger): Promise<{ expired: number }> => {
  const cutoff = at.toISOString()
  let expired = 0
  let cursor: string | null = null
  do {
    const page: Page<JobRecord> = await store.find(jobs, {
      where: [
        { field: 'status', op: 'eq', value: 'published' },
        { field: 'validUntil', op: 'lte', value: cutoff },
      ],
      orderBy: [{ field: 'validUntil', dir: 'asc' }],
      limit: PAGE,
      cursor,
    })
    for (const job of page.items) {
      const done = await store.update(
        jobs,
        job.id,
        { status: 'expired', updatedAt: cutoff },
        { expect: { status: 'published' } },
      )
      if (done) expired++
    }
    cursor = page.nextCursor
  } while (cursor)
  log.info('jobs expired', { expired })
  return { expired }
}
