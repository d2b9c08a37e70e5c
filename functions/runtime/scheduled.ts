import { randomBytes } from 'node:crypto'
import { createLogger, type Logger } from '../platform/logger'
import { jobRuns } from '../store/collections'
import { type Deps, getDeps } from './deps'
import type { FunctionContext } from './events'

/**
 * Scheduled functions: the same job runs from a CloudBase timer trigger, an API-gateway
 * scheduler, the local scheduler in `npm start`, or `npm run job -- <name> --at <time>`.
 * Each run is recorded in job_runs with what it did.
 */
export type JobSummary = Record<string, number | string>

/** `timer`: fired by a schedule; `manual`: `npm run job` or an operator, for exactly the time given. */
export type Trigger = 'timer' | 'manual'

export interface ScheduledJob {
  name: string
  run(deps: Deps, at: Date, log: Logger, trigger: Trigger): Promise<JobSummary>
}

export const runScheduledJob = async (
  job: ScheduledJob,
  deps: Deps,
  at: Date,
  trigger: Trigger = 'manual',
): Promise<JobSummary> => {
  const started = deps.clock.now()
  const id = `${job.name}:${started.toISOString()}:${randomBytes(3).toString('hex')}`
  const log = createLogger({ job: job.name, runId: id, asOf: at.toISOString() })
  await deps.store.insert(jobRuns, {
    id,
    name: job.name,
    startedAt: started.toISOString(),
    finishedAt: null,
    asOf: at.toISOString(),
    status: 'running',
    summary: {},
    checkpoint: null,
  })
  log.info('scheduled job started')
  try {
    const summary = await job.run(deps, at, log, trigger)
    await deps.store.update(jobRuns, id, {
      status: 'done',
      finishedAt: deps.clock.now().toISOString(),
      summary,
    })
    log.info('scheduled job done', { summary })
    return summary
  } catch (err) {
    await deps.store
      .update(jobRuns, id, { status: 'failed', finishedAt: deps.clock.now().toISOString() })
      .catch(() => undefined)
    log.error('scheduled job failed', { error: err })
    throw err
  }
}

/** Entry points for a scheduled function module: `handler` (gateway scheduler), `main` (CloudBase). */
export const scheduledFunction = (job: ScheduledJob) => {
  const fire = async () => {
    const deps = await getDeps()
    return runScheduledJob(job, deps, deps.clock.now(), 'timer')
  }
  return {
    job,
    handler: (_event?: unknown, _context?: FunctionContext) => fire(),
    main: (_event?: unknown, _context?: FunctionContext) => fire(),
  }
}
