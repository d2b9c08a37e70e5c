import type { Identity } from '../../shared/auth/identity'
import { addMonths, periodOf } from '../../shared/followups/followup'
import { runFollowupMonthly } from '../contexts/followups/monthly-run'
import { listTasks, recordFollowup, recordService } from '../contexts/followups/workbench'
import { watchZeroEmployment } from '../contexts/placement/placement-cases'
import type { Logger } from '../platform/logger'
import type { Deps } from '../runtime/deps'
import { meta, persons } from '../store/collections'

const SEED_KEY = 'demo-seed-followups'

/**
 * Demo follow-up history for the coordinator workbench of 海安镇·中坝社区: last month's run with
 * some follow-ups recorded and some left open (overdue now), this month's tasks, a few "131"
 * services, and the zero-employment household's placement case.
 */
export const seedDemoFollowups = async (deps: Deps, log: Logger): Promise<boolean> => {
  if (await deps.store.get(meta, SEED_KEY)) return false
  const now = deps.clock.now()
  const lastMonth = new Date(
    Date.UTC(
      Number(addMonths(periodOf(now), -1).slice(0, 4)),
      Number(addMonths(periodOf(now), -1).slice(5, 7)) - 1,
      3,
      1,
    ),
  )
  await runFollowupMonthly(deps, lastMonth, log, 'manual')

  const coordinator: Identity = {
    openid: 'demo-coordinator-320621100001',
    role: 'coordinator',
    region: '320621100001',
  }
  const last = await listTasks(deps, coordinator, { period: periodOf(lastMonth), status: 'open' })
  let i = 0
  for (const task of last.items) {
    // Every other one was followed up last month; the rest are overdue now.
    if (i++ % 2) continue
    await recordFollowup(deps, coordinator, task.id, {
      channel: i % 3 === 0 ? 'home_visit' : 'phone',
      outcome: '了解求职意向，已推送两个公益性岗位信息',
      employmentStatus: task.employmentStatus,
      nextStep: '下月继续跟踪',
    })
    // The demo records these "last month": date the follow-up there, so this month's run is due.
    await deps.store.update(persons, task.personId, { lastFollowupAt: lastMonth.toISOString() })
  }
  const first = last.items[0]
  if (first) {
    await recordService(deps, coordinator, first.personId, {
      kind: 'guidance',
      note: '职业指导：制定求职计划',
    })
    await recordService(deps, coordinator, first.personId, {
      kind: 'referral',
      note: '推荐海安恒达机械普工岗位',
    })
  }
  await runFollowupMonthly(deps, now, log, 'manual')
  await watchZeroEmployment(deps, now, log)
  await deps.store.insert(meta, { id: SEED_KEY, value: 'done', updatedAt: now.toISOString() })
  log.info('demo follow-ups seeded')
  return true
}
