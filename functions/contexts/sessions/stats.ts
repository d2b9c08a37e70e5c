import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { SESSION_KINDS, type SessionKind } from '../../../shared/sessions/session'
import type { Deps } from '../../runtime/deps'
import { bookings, sessions } from '../../store/collections'
import { findAll } from '../../store/scan'

/**
 * The no-show rate of ended sessions by kind and by who made the booking — the person
 * themself or staff on their behalf (rdv-insertion measured 11.2% vs 23.8%). Over the last
 * year's sessions held in the caller's region.
 */
export const sessionStats = async (deps: Deps, who: Identity) => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const since = new Date(deps.clock.now().getTime() - 365 * 86_400_000).toISOString()
  const held = (
    await findAll(
      deps.store,
      sessions,
      {
        where: [
          { field: 'closed', op: 'eq', value: true },
          { field: 'endsAt', op: 'gte', value: since },
        ],
        orderBy: [{ field: 'endsAt', dir: 'asc' }],
      },
      5000,
    )
  ).filter((s) => s.region.startsWith(who.region!) || s.hostRegion.startsWith(who.region!))
  type Cell = { booked: number; attended: number; noShows: number }
  const cells = new Map<string, Cell>()
  const cell = (k: string) => {
    const known = cells.get(k)
    if (known) return known
    const fresh = { booked: 0, attended: 0, noShows: 0 }
    cells.set(k, fresh)
    return fresh
  }
  for (const s of held) {
    const rows = await findAll(
      deps.store,
      bookings,
      {
        where: [
          { field: 'sessionId', op: 'eq', value: s.id },
          { field: 'status', op: 'in', value: ['attended', 'no_show'] },
        ],
        orderBy: [],
      },
      Number.POSITIVE_INFINITY,
    )
    for (const b of rows) {
      for (const k of [`${s.kind}|${b.byStaff ? 'staff' : 'self'}`, `all|${b.byStaff ? 'staff' : 'self'}`]) {
        const c = cell(k)
        c.booked++
        if (b.status === 'attended') c.attended++
        else c.noShows++
      }
    }
  }
  const rate = (c: Cell | undefined) => (c?.booked ? Math.round((c.noShows / c.booked) * 1000) / 10 : null)
  const row = (kind: SessionKind | 'all') => {
    const self = cells.get(`${kind}|self`)
    const staff = cells.get(`${kind}|staff`)
    return {
      kind,
      kindLabel: kind === 'all' ? '全部' : SESSION_KINDS[kind],
      self: { ...(self ?? { booked: 0, attended: 0, noShows: 0 }), noShowRate: rate(self) },
      staff: { ...(staff ?? { booked: 0, attended: 0, noShows: 0 }), noShowRate: rate(staff) },
    }
  }
  return {
    sessions: held.length,
    rows: [...(Object.keys(SESSION_KINDS) as SessionKind[]).map(row), row('all')],
  }
}
