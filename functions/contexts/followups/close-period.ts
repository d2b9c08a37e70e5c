import { addMonths, CADENCE_MONTHS, periodOf } from '../../../shared/followups/followup'
import type { EmploymentStatus } from '../../../shared/people/person'
import type { Logger } from '../../platform/logger'
import type { Deps } from '../../runtime/deps'
import { deductions, type FollowupTaskRecord, followupTasks } from '../../store/collections'
import { DuplicateKeyError, type Page } from '../../store/port'

/**
 * At each period's end: every task still open becomes a missed follow-up and one point is
 * deducted from its street/town's annual score (Hai'an 2021 §四3: 人员跟踪服务不到位发生一例扣1分).
 * A miss is one case per follow-up window, not one a month: someone followed yearly (stable
 * work) or half-yearly whose follow-up was missed stays on the list month after month until it
 * is done, but only the first missed month of each window deducts. The unemployed are followed
 * monthly, so each missed month is its own case.
 * Runs just after midnight on the 1st and closes every earlier period; idempotent (the move is a
 * compare-and-set and the deduction's id is the task's).
 */
export const FOLLOWUP_RULE = '海安 2021 §四3 人员跟踪服务不到位（一例扣 1 分）'
export const closeFollowupPeriods = async (
  deps: Deps,
  at: Date,
  log: Logger,
): Promise<Record<string, number>> => {
  const current = periodOf(at)
  let missed = 0
  let deducted = 0
  let cursor: string | null = null
  do {
    const page: Page<FollowupTaskRecord> = await deps.store.find(followupTasks, {
      where: [
        { field: 'status', op: 'eq', value: 'open' },
        { field: 'period', op: 'lt', value: current },
      ],
      orderBy: [{ field: 'period', dir: 'asc' }],
      limit: 100,
      cursor,
    })
    for (const task of page.items) {
      const cadence = CADENCE_MONTHS[task.reason as EmploymentStatus] ?? 1
      // Missed already in this window (the months since the first miss, up to its cadence)?
      const counted =
        cadence > 1 &&
        (await deps.store.count(followupTasks, [
          { field: 'personId', op: 'eq', value: task.personId },
          { field: 'status', op: 'eq', value: 'missed' },
          { field: 'period', op: 'gte', value: addMonths(task.period, -(cadence - 1)) },
          { field: 'period', op: 'lt', value: task.period },
        ])) > 0
      const closed = await deps.store.transaction(async (tx) => {
        const moved = await tx.update(
          followupTasks,
          task.id,
          { status: 'missed' },
          { expect: { status: 'open' } },
        )
        if (!moved) return false
        if (counted) return true
        deducted++
        await tx
          .insert(deductions, {
            id: `ded_${task.id}`,
            town: task.community.slice(0, 9),
            community: task.community,
            year: Number(task.period.slice(0, 4)),
            points: 1,
            reason: `${task.period} 未按期跟踪服务：${task.personName}`,
            source: task.id,
            at: at.toISOString(),
            rule: FOLLOWUP_RULE,
            personId: task.personId,
          })
          .catch((err) => {
            if (!(err instanceof DuplicateKeyError)) throw err
          })
        return true
      })
      if (closed) missed++
    }
    cursor = page.nextCursor
  } while (cursor)
  log.info('followup periods closed', { missed, deducted })
  return { missed, deducted }
}
