import { runPolicyMatch } from '../contexts/policies/policy-match'
import { scheduledFunction } from '../runtime/scheduled'

/**
 * Every 15 minutes in the day (08:00–21:45, Asia/Shanghai): policies just published or changed
 * reach their residents within the quarter hour, profile changes are re-evaluated, and nobody is
 * messaged at night. Each firing resumes where the last one stopped.
 */
const fn = scheduledFunction({
  name: 'policy-match',
  run: (deps, at, log, trigger) => runPolicyMatch(deps, at, log, trigger),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
