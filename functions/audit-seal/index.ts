import { sealAuditLog, verifyAuditChain } from '../contexts/audit/audit-chain'
import { type JobSummary, scheduledFunction } from '../runtime/scheduled'

/**
 * Every ten minutes: chain the settled audit records (see contexts/audit/audit-chain.ts). Run by
 * hand (`npm run audit:verify`) it also walks the whole chain and fails when a record was
 * changed, removed or slipped in.
 */
const fn = scheduledFunction({
  name: 'audit-seal',
  run: async (deps, at, log, trigger): Promise<JobSummary> => {
    const { sealed } = await sealAuditLog(deps.store, at)
    if (trigger !== 'manual') return { sealed }
    const report = await verifyAuditChain(deps.store)
    if (!report.ok) {
      log.error('audit chain broken', { broken: report.broken, checked: report.checked })
      throw new Error(
        `audit chain broken at seq ${report.broken!.seq} (${report.broken!.problem}${report.broken!.id ? `, record ${report.broken!.id}` : ''})`,
      )
    }
    return { sealed, verified: report.checked, chain: 'intact' }
  },
})

export const job = fn.job
export const handler = fn.handler
export const main = fn.main
