import { expireAuditLog } from '../contexts/audit/audit-chain'
import { sweepOrphanFiles } from '../contexts/files/files'
import { dropEndedWindows } from '../contexts/limits/rate-limit'
import { dropExpiredCodes } from '../contexts/people/phone-proof'
import { scheduledFunction } from '../runtime/scheduled'

/**
 * Nightly: files no record names, ended rate-limit windows and expired phone codes removed;
 * audit records past their retention (AUDIT_RETENTION_DAYS, at least 180) removed from the
 * chain's old end.
 */
const fn = scheduledFunction({
  name: 'housekeeping',
  run: async (deps, at) => ({
    orphanFiles: await sweepOrphanFiles(deps, at),
    rateWindows: await dropEndedWindows(deps.store, at),
    phoneCodes: await dropExpiredCodes(deps.store, at),
    auditExpired: await expireAuditLog(deps.store, at, deps.env.AUDIT_RETENTION_DAYS),
  }),
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
