import { watchZeroEmployment } from '../contexts/placement/placement-cases'
import { scheduledFunction } from '../runtime/scheduled'

/** Hourly: open zero-employment cases, escalate missed 24/72-hour deadlines, month-end report. */
const fn = scheduledFunction({
  name: 'zero-employment-watch',
  run: (deps, at, log) => watchZeroEmployment(deps, at, log),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
