import { freezeQuarter } from '../contexts/reports/freeze-quarter'
import { scheduledFunction } from '../runtime/scheduled'

/** First working day after a quarter: keep the quarter's tables and tell the officers. */
const fn = scheduledFunction({
  name: 'report-quarterly',
  run: (deps, at, log, trigger) => freezeQuarter(deps, at, log, trigger),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
