import { runFollowupMonthly } from '../contexts/followups/monthly-run'
import { scheduledFunction } from '../runtime/scheduled'

/**
 * Every 10 minutes from 09:00 on days 1–10; acts on the month's first working day only, and
 * each firing resumes where the last stopped until the month's run is done.
 */
const fn = scheduledFunction({
  name: 'followup-monthly',
  run: (deps, at, log, trigger) => runFollowupMonthly(deps, at, log, trigger),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
