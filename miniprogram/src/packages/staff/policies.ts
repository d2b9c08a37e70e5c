/** Where the staff pages of 政策找人 live, and small helpers they share. */
export const UNENJOYED_PATH = '/packages/staff/pages/unenjoyed/index'
export const CLAIMS_PATH = '/packages/staff/pages/claims/index'
export const BIND_REQUESTS_PATH = '/packages/staff/pages/bind-requests/index'
export const POLICY_ADMIN_PATH = '/packages/staff/pages/policy-admin/index'
export const POLICY_REACH_PATH = '/packages/staff/pages/policy-reach/index'
export const policyEditPath = (id?: string) =>
  id
    ? `/packages/staff/pages/policy-edit/index?id=${encodeURIComponent(id)}`
    : '/packages/staff/pages/policy-edit/index'

/** "66.7%" or "—" when nobody is targeted. */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${rate}%`)

/** The quarter before the current one in China time, as the deduction list starts there: 2026Q3. */
export const lastQuarter = (now: Date = new Date()): string => {
  const d = new Date(now.getTime() + 8 * 3_600_000)
  const q = Math.floor(d.getUTCMonth() / 3) + 1
  return q === 1 ? `${d.getUTCFullYear() - 1}Q4` : `${d.getUTCFullYear()}Q${q - 1}`
}

/** The last eight quarters, newest first, for the deduction list's picker. */
export const recentQuarters = (now: Date = new Date()): string[] => {
  const out: string[] = []
  let q = lastQuarter(now)
  for (let i = 0; i < 8; i++) {
    out.push(q)
    const year = Number(q.slice(0, 4))
    const n = Number(q.slice(5))
    q = n === 1 ? `${year - 1}Q4` : `${year}Q${n - 1}`
  }
  return out
}
