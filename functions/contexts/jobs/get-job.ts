import { AppError } from '../../../shared/errors'
import type { Job } from '../../../shared/jobs/job'
import { type JobRecord, jobs } from '../../store/collections'
import type { Store } from '../../store/port'
import { toJob } from './job-mapper'

/** Published and within its validity: on the board, open for 我要应聘. */
export const isOpenJob = (job: JobRecord, at: Date): boolean =>
  job.status === 'published' && job.validUntil > at.toISOString()

/** One vacancy; a closed or expired one answers like a missing one (岗位不存在或已下架). */
export const getJob = async (store: Store, id: string, now: Date): Promise<Job> => {
  const record = await store.get(jobs, id)
  if (!record || !isOpenJob(record, now)) throw new AppError('JOB.NOT_FOUND')
  return toJob(record)
}
