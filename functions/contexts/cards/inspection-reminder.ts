import type { Logger } from '../../platform/logger'
import { firstWorkdayOfMonth } from '../../platform/workdays'
import type { Deps } from '../../runtime/deps'
import { type AccountRecord, accounts, cards, meta } from '../../store/collections'
import { DuplicateKeyError, type Page } from '../../store/port'
import { notifierFor } from '../inbox/notifier'

const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/**
 * The yearly inspection task (年检): on January's first working day, tell every community
 * coordinator how many cards in their community await this year's inspection. Runs daily in
 * early January and acts once a year (a marker per year), so holidays and retries are safe.
 */
export const remindCardInspections = async (
  deps: Deps,
  at: Date,
  log: Logger,
  trigger: 'timer' | 'manual' = 'timer',
): Promise<Record<string, number | string>> => {
  const today = shanghaiDate(at)
  const year = Number(today.slice(0, 4))
  // The timer fires daily in early January; only January's first working day counts. A manual
  // run (npm run job) is for the year of the time it is given.
  if (trigger === 'timer' && today !== firstWorkdayOfMonth(year, 1)) {
    return { reminded: 0, skipped: 'not the first workday of January' }
  }
  try {
    await deps.store.insert(meta, {
      id: `card-inspection-reminder:${year}`,
      value: 'sent',
      updatedAt: at.toISOString(),
    })
  } catch (err) {
    if (err instanceof DuplicateKeyError) return { reminded: 0, skipped: 'already sent this year' }
    throw err
  }
  const notifier = await notifierFor(deps)
  let reminded = 0
  let cursor: string | null = null
  do {
    const page: Page<AccountRecord> = await deps.store.find(accounts, {
      where: [{ field: 'role', op: 'eq', value: 'coordinator' }],
      orderBy: [{ field: 'region', dir: 'asc' }],
      limit: 100,
      cursor,
    })
    for (const coordinator of page.items) {
      if (!coordinator.region) continue
      const due = await deps.store.count(cards, [
        { field: 'community', op: 'prefix', value: coordinator.region },
        { field: 'status', op: 'in', value: ['active', 'kept_by_employer', 'kept_by_holder'] },
        { field: 'lastInspectedYear', op: 'lt', value: year },
      ])
      if (due === 0) continue
      await notifier.notify(
        coordinator.id,
        {
          title: `${year} 年就业援助卡年检：${due} 张待年检`,
          body: '请核实持卡人就业失业状况和享受政策情况后，在审核工作台登记年检。',
        },
        at,
      )
      reminded++
    }
    cursor = page.nextCursor
  } while (cursor)
  log.info('card inspection reminders sent', { reminded, year })
  return { reminded }
}
