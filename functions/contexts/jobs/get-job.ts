import { AppError } from '../../../shared/errors'
import type { Job } from '../../../shared/jobs/job'
import { jobs } from '../../store/collections'
import type { Store } from '../../store/port'
import { toJob } from './job-mapper'

/** One vacancy; a closed or expired one answers like a missing one (岗位不存在或已下架). */
export const getJob = async (store: Store, id: string, now: Date): Promise<Job> => {
  const record = await store.get(jobs, id)
  if (record?.status !== 'published' || record.validUntil <= now.toISOString()) {
    throw new AppError('JOB.NOT_FOUND')
  }
  return toJob(record)
}
