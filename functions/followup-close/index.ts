import { closeFollowupPeriods } from '../contexts/followups/close-period'
import { scheduledFunction } from '../runtime/scheduled'

/** 00:30 on the 1st: last month's open follow-ups become missed, each a 1-point deduction. */
const fn = scheduledFunction({
  name: 'followup-close',
  run: (deps, at, log) => closeFollowupPeriods(deps, at, log),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
