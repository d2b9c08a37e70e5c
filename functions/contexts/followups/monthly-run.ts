import {
  addMonths,
  CADENCE_MONTHS,
  followupDue,
  periodEnd,
  periodOf,
} from '../../../shared/followups/followup'
import type { Logger } from '../../platform/logger'
import { firstWorkdayOfMonth } from '../../platform/workdays'
import type { Deps } from '../../runtime/deps'
import type { Trigger } from '../../runtime/scheduled'
import {
  type AccountRecord,
  accounts,
  followupTasks,
  meta,
  type PersonRecord,
  persons,
} from '../../store/collections'
import { DuplicateKeyError, type Page } from '../../store/port'
import { inboxNotifier } from '../inbox/notifier'
import { spendCredit } from '../inbox/subscriptions'
import { digestChannel } from '../inbox/wechat-subscription'
import { followedIn } from '../people/exit'
import { countySettingsCache } from '../regions/county-settings'
import { followsUp, openCaseMembers } from './who-is-followed'

const PAGE = 100

interface RunState {
  status: 'running' | 'done'
  cursor: string | null
  scanned: number
  created: number
}

export const taskId = (period: string, personId: string) => `fu_${period.replace('-', '')}_${personId}`

const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** Zero-employment and 72-hour cases come first, then difficulty persons, then everyone else. */
export const priorityOf = (p: PersonRecord, urgent: boolean): number =>
  urgent ? 2 : p.keyGroups.some((g) => g.group === 'difficulty') ? 1 : 0

/**
 * The monthly follow-up run: for every person followed (see followsUp), decide whether a follow-up is
 * due this period from their employment status and last recorded follow-up, and create exactly
 * one task per person per period; then send each coordinator one digest.
 *
 * Idempotent: task ids are `fu_<period>_<person>` and digests leave a marker, so a second or third
 * run creates nothing. Chunked: persons are read a page (100) at a time and memory stays flat.
 * Resumable: after each page the cursor is saved; a run stopped by its time budget or killed
 * resumes from there, and a page redone after a crash only meets tasks that already exist.
 */
export const runFollowupMonthly = async (
  deps: Deps,
  at: Date,
  log: Logger,
  trigger: Trigger,
  opts: { budgetMs?: number; maxPages?: number } = {},
): Promise<Record<string, number | string>> => {
  const period = periodOf(at)
  const today = shanghaiDate(at)
  if (
    trigger === 'timer' &&
    today !== firstWorkdayOfMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)))
  ) {
    return { period, skipped: 'not the first workday of the month' }
  }
  const key = `followup-monthly:${period}`
  const saved = await deps.store.get(meta, key)
  let state: RunState = saved
    ? (JSON.parse(saved.value) as RunState)
    : { status: 'running', cursor: null, scanned: 0, created: 0 }
  if (state.status === 'done') return { period, created: 0, alreadyDone: 1 }
  if (!saved) {
    await deps.store
      .insert(meta, { id: key, value: JSON.stringify(state), updatedAt: at.toISOString() })
      .catch((err) => {
        if (!(err instanceof DuplicateKeyError)) throw err
      })
  }

  const started = Date.now()
  const budget = opts.budgetMs ?? 50_000 // under a 60 s platform limit
  const due = periodEnd(period)
  const settings = countySettingsCache(deps.store)
  const inCases = await openCaseMembers(deps.store)
  let pages = 0
  let createdNow = 0
  for (;;) {
    const page: Page<PersonRecord> = await deps.store.find(persons, {
      orderBy: [],
      limit: PAGE,
      cursor: state.cursor,
    })
    for (const p of page.items) {
      const last = p.lastFollowupAt ? periodOf(new Date(p.lastFollowupAt)) : null
      if (!followupDue(p.employmentStatus, last, period)) continue
      // Due earlier and that task missed: this one says since when (a minority; one read each).
      const firstDue = last ? addMonths(last, CADENCE_MONTHS[p.employmentStatus]) : null
      let lateSince =
        firstDue && firstDue < period
          ? ((
              await deps.store.find(followupTasks, {
                where: [
                  { field: 'personId', op: 'eq', value: p.id },
                  { field: 'status', op: 'eq', value: 'missed' },
                  { field: 'period', op: 'gte', value: firstDue },
                ],
                orderBy: [{ field: 'period', dir: 'asc' }],
                limit: 1,
              })
            ).items[0]?.period ?? null)
          : null
      // Never followed up and on the register before this month: last month's task, if it was
      // not done, says since when (a key read, only for them).
      if (!last && p.createdAt < `${period}-01`) {
        const before = await deps.store.get(followupTasks, taskId(addMonths(period, -1), p.id))
        if (before && before.status !== 'done') lateSince = before.lateSince ?? before.period
      }
      if (!followedIn(p, period)) continue // left follow-up (retired, moved, deceased…)
      if (!followsUp(p, await settings(p.community), today, inCases.has(p.id))) continue
      try {
        await deps.store.insert(followupTasks, {
          id: taskId(period, p.id),
          personId: p.id,
          personName: p.name,
          community: p.community,
          period,
          due,
          status: 'open',
          // A member of an open placement case stays on top (紧急) month after month.
          priority: priorityOf(p, inCases.has(p.id)),
          reason: p.employmentStatus,
          lateSince,
          createdAt: at.toISOString(),
          doneAt: null,
          recordId: null,
        })
        createdNow++
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err // an earlier, interrupted run made it
      }
    }
    state = {
      ...state,
      cursor: page.nextCursor,
      scanned: state.scanned + page.items.length,
      created: state.created + createdNow,
    }
    createdNow = 0
    await deps.store.update(meta, key, { value: JSON.stringify(state), updatedAt: new Date().toISOString() })
    pages++
    if (!page.nextCursor) break
    if (Date.now() - started > budget || (opts.maxPages !== undefined && pages >= opts.maxPages)) {
      log.info('followup-monthly paused', { period, scanned: state.scanned })
      return { period, created: state.created, scanned: state.scanned, partial: 1 }
    }
  }

  const digests = await sendDigests(deps, period, at)
  state = { ...state, status: 'done' }
  await deps.store.update(meta, key, { value: JSON.stringify(state), updatedAt: new Date().toISOString() })
  log.info('followup-monthly done', { period, created: state.created, digests })
  return { period, created: state.created, scanned: state.scanned, digests }
}

/** One digest per coordinator per period: how many due, how many overdue, urgent cases first. */
const sendDigests = async (deps: Deps, period: string, at: Date): Promise<number> => {
  const notifier = inboxNotifier(deps.store)
  const wechat = await digestChannel(deps)
  let sent = 0
  let cursor: string | null = null
  do {
    const page: Page<AccountRecord> = await deps.store.find(accounts, {
      where: [{ field: 'role', op: 'eq', value: 'coordinator' }],
      orderBy: [{ field: 'region', dir: 'asc' }],
      limit: PAGE,
      cursor,
    })
    for (const c of page.items) {
      if (!c.region) continue
      const scope = { field: 'community', op: 'prefix', value: c.region } as const
      const dueNow = await deps.store.count(followupTasks, [
        scope,
        { field: 'period', op: 'eq', value: period },
        { field: 'status', op: 'eq', value: 'open' },
      ])
      const overdue = await deps.store.count(followupTasks, [
        scope,
        { field: 'period', op: 'lt', value: period },
        { field: 'status', op: 'eq', value: 'open' },
      ])
      const urgent = await deps.store.count(followupTasks, [
        scope,
        { field: 'status', op: 'eq', value: 'open' },
        { field: 'priority', op: 'eq', value: 2 },
      ])
      if (dueNow + overdue === 0) continue
      try {
        await deps.store.insert(meta, {
          id: `digest:${period}:${c.id}`,
          value: 'sent',
          updatedAt: at.toISOString(),
        })
      } catch (err) {
        if (err instanceof DuplicateKeyError) continue // sent by an earlier run
        throw err
      }
      const lead = urgent > 0 ? `零就业家庭等紧急事项 ${urgent} 件，请优先处理。` : ''
      const message = {
        title: `${period} 跟踪服务：本月 ${dueNow} 人待跟踪，逾期 ${overdue} 人`,
        body: `${lead}请在工作台查看任务并登记跟踪情况。`,
      }
      await notifier.notify(c.id, message, at)
      // And to WeChat if the coordinator subscribed (one credit per send); else the inbox alone.
      if (wechat && (await spendCredit(deps, c.id, 'digest'))) await wechat.notify(c.id, message, at)
      sent++
    }
    cursor = page.nextCursor
  } while (cursor)
  return sent
}
