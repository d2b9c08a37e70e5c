import { runJobPush } from '../contexts/seekers/job-push'
import { scheduledFunction } from '../runtime/scheduled'

/**
 * Daily from 10:00 (Asia/Shanghai): new matching vacancies to every active seeker. It fires
 * every 10 minutes until 10:50 and each firing resumes the day's run until it is done.
 */
const fn = scheduledFunction({
  name: 'job-push',
  run: (deps, at, log, trigger) => runJobPush(deps, at, log, trigger),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
