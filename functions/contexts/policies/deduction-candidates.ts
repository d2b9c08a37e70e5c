import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { isWithinRegion } from '../../../shared/regions/region-code'
import type { Deps } from '../../runtime/deps'
import { type DeductionCandidateRecord, deductionCandidates, deductions } from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { regionLabel } from '../regions/region-directory'

/**
 * 补贴发放缺少一项扣1分 (Hai'an 2021 §四3): after a quarter, policy-match lists each eligible
 * person who did not get a subsidy as a candidate deduction for their street/town. A county
 * officer confirms it (one point, with the rule and the person) or dismisses it with a reason.
 */
const view = (c: DeductionCandidateRecord) => ({
  ...c,
  townName: regionLabel(c.town),
  communityName: regionLabel(c.community),
})

export const listDeductionCandidates = async (
  deps: Deps,
  who: Identity,
  q: { quarter: string; status?: DeductionCandidateRecord['status']; cursor?: string },
) => {
  if (!who.region || (who.role !== 'county' && who.role !== 'street')) throw new AppError('AUTH.FORBIDDEN')
  const page = await deps.store.find(deductionCandidates, {
    where: [
      { field: 'quarter', op: 'eq', value: q.quarter },
      { field: 'community', op: 'prefix', value: who.region },
      ...(q.status ? [{ field: 'status', op: 'eq' as const, value: q.status }] : []),
    ],
    orderBy: [{ field: 'community', dir: 'asc' }],
    limit: 50,
    cursor: q.cursor,
  })
  return { items: page.items.map(view), nextCursor: page.nextCursor }
}

export const decideCandidate = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: { decision: 'confirm' | 'dismiss'; reason: string },
) => {
  if (who.role !== 'county' || !who.region)
    throw new AppError('AUTH.FORBIDDEN', { message: '扣分由县（市、区）人社部门确认' })
  const c = await deps.store.get(deductionCandidates, id)
  if (!c || !isWithinRegion(c.community, who.region)) throw new AppError('CANDIDATE.NOT_FOUND')
  if (c.status !== 'candidate') throw new AppError('CANDIDATE.DECIDED')
  const at = deps.clock.now()
  const now = at.toISOString()
  const status = input.decision === 'confirm' ? 'confirmed' : 'dismissed'
  const saved = await deps.store.transaction(async (tx) => {
    const done = await tx.update(
      deductionCandidates,
      id,
      { status, decidedAt: now, decidedBy: actorLabel(who), reason: input.reason },
      { expect: { status: 'candidate' } },
    )
    if (!done) throw new AppError('CANDIDATE.DECIDED')
    if (status === 'confirmed') {
      await tx
        .insert(deductions, {
          id: `ded_pol_${id}`,
          town: c.town,
          community: c.community,
          year: Number(c.quarter.slice(0, 4)),
          points: 1,
          reason: `${c.quarter} 补贴应享未享：${c.personName}（${c.policyTitle}）`,
          source: `policy:${c.policyId}:${c.personId}`,
          at: now,
        })
        .catch((err) => {
          if (!(err instanceof DuplicateKeyError)) throw err
        })
    }
    return done
  })
  await recordAudit(deps.store, at, who, {
    action: `deduction-candidate.${input.decision}`,
    subject: id,
    result: 'ok',
  })
  return view(saved)
}
