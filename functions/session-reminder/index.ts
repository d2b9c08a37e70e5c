import { runSessionReminders } from '../contexts/sessions/reminders'
import { scheduledFunction } from '../runtime/scheduled'

/**
 * Every 15 minutes: reminders the day before a booked session (from 18:00) and 2 hours before
 * it, once each; sessions over for two hours are closed and their no-shows marked.
 */
const fn = scheduledFunction({
  name: 'session-reminder',
  run: (deps, at, log, trigger) => runSessionReminders(deps, at, log, trigger),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
