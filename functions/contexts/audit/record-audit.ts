import type { Identity } from '../../../shared/auth/identity'
import { newId } from '../../platform/ids'
import { type AuditRecord, auditLog } from '../../store/collections'
import type { Store } from '../../store/port'

/** Leave the trace every write and every sensitive read must leave: who, what, when, result. */
export const recordAudit = async (
  store: Store,
  at: Date,
  who: Pick<Identity, 'openid' | 'role'> | null,
  entry: Pick<AuditRecord, 'action' | 'subject' | 'result'> & { detail?: AuditRecord['detail'] },
): Promise<void> => {
  await store.insert(auditLog, {
    id: newId('au', at),
    at: at.toISOString(),
    actor: who ? `wx:${who.openid}` : 'anonymous',
    actorRole: who?.role ?? 'anonymous',
    ...entry,
    sealed: false,
  })
}
