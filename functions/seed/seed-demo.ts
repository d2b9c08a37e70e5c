import haian from '../../infra/data/regions-320621.json'
import { jobSchema } from '../../shared/jobs/job'
import { toJobRecord } from '../contexts/jobs/job-mapper'
import type { Logger } from '../platform/logger'
import { jobs, meta } from '../store/collections'
import type { Store } from '../store/port'
import { generateDemoJobs } from './demo-jobs'

const SEED_KEY = 'demo-seed'

/**
 * First start of the embedded demo: fill the store with Hai'an's demo data, once. The marker
 * is written last, so a start interrupted halfway seeds again (inserts of existing ids are
 * skipped) instead of leaving half a demo.
 */
export const seedDemo = async (store: Store, now: Date, log: Logger): Promise<boolean> => {
  if (await store.get(meta, SEED_KEY)) return false
  const demo = generateDemoJobs({ regions: haian.regions, now })
  let inserted = 0
  for (const job of demo) {
    const record = toJobRecord(jobSchema.parse(job), now)
    const created = await store.insert(jobs, record).then(
      () => true,
      (err: Error) => {
        if (err.name === 'DuplicateKeyError') return false
        throw err
      },
    )
    if (created) inserted++
  }
  await store.insert(meta, { id: SEED_KEY, value: `jobs:${demo.length}`, updatedAt: now.toISOString() })
  log.info('demo data seeded', { jobs: inserted })
  return true
}
