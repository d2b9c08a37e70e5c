import { closeEndedNotices } from '../contexts/applications/public-notices'
import { scheduledFunction } from '../runtime/scheduled'

/** Nightly: notices whose 5 working days are over move on to the street/town review. */
const fn = scheduledFunction({
  name: 'public-notice-close',
  run: (deps, at, log) => closeEndedNotices(deps, at, log),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
