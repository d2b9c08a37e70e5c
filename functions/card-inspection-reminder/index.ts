import { remindCardInspections } from '../contexts/cards/inspection-reminder'
import { scheduledFunction } from '../runtime/scheduled'

/** Daily in early January at 09:00; acts on January's first working day only. */
const fn = scheduledFunction({
  name: 'card-inspection-reminder',
  run: (deps, at, log, trigger) => remindCardInspections(deps, at, log, trigger),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
