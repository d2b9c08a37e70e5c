import { expireJobs } from '../contexts/jobs/expire-jobs'
import { scheduledFunction } from '../runtime/scheduled'

/** Nightly: take vacancies past their validity off the board (see the manifest for the time). */
const fn = scheduledFunction({
  name: 'jobs-expire',
  run: (deps, at, log) => expireJobs(deps.store, at, log),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
