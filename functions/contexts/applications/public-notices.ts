import type { PublicNoticeItem } from '../../../shared/applications/application-types'
import { APPLICATION_TYPES } from '../../../shared/applications/application-types'
import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { maskName } from '../../../shared/people/identity-numbers'
import type { Logger } from '../../platform/logger'
import type { Deps } from '../../runtime/deps'
import { type ApplicationRecord, applications, persons } from '../../store/collections'
import type { Page } from '../../store/port'
import { recordAudit } from '../audit/record-audit'
import { notifierFor } from '../inbox/notifier'
import { regionLabel } from '../regions/region-directory'
import { closeNotice, describeStatus } from './transitions'

/**
 * The digital public notice (公示): what is under notice in a community, with the masked name,
 * the type and the end date — never ID numbers, phones, health, disability or income details
 * (the whitelist below is all that leaves).
 */
const toNoticeItem = (a: ApplicationRecord): PublicNoticeItem => ({
  id: a.id,
  name: maskName(a.applicantName),
  typeLabel: APPLICATION_TYPES[a.type].label,
  community: a.community,
  communityName: regionLabel(a.community),
  startedAt: a.noticeStartedAt ?? a.updatedAt,
  endsAt: a.noticeEndsAt ?? a.updatedAt,
  status: a.status as PublicNoticeItem['status'],
})

export const listPublicNotices = async (
  deps: Deps,
  community: string,
): Promise<{ items: PublicNoticeItem[] }> => {
  const items: PublicNoticeItem[] = []
  for (const status of ['public_notice', 'objection_hold'] as const) {
    let cursor: string | null = null
    let pages = 0
    do {
      const page: Page<ApplicationRecord> = await deps.store.find(applications, {
        where: [
          { field: 'status', op: 'eq', value: status },
          { field: 'community', op: 'prefix', value: community },
        ],
        orderBy: [{ field: 'noticeEndsAt', dir: 'asc' }],
        limit: 100,
        cursor,
      })
      items.push(...page.items.map(toNoticeItem))
      cursor = page.nextCursor
    } while (cursor && ++pages < 10)
  }
  items.sort((a, b) => a.endsAt.localeCompare(b.endsAt))
  return { items }
}

/** How many fresh reads an objection makes when others write the application at the same time. */
const OBJECTION_TRIES = 40

/** Anyone logged in may object while the notice runs; the application waits for a reviewer. */
export const objectToNotice = async (deps: Deps, who: Identity, id: string, reason: string) => {
  const at = deps.clock.now()
  const now = at.toISOString()
  const by = `wx:${who.openid}`
  // A compare-and-set on status and version, retried on a fresh read: thirty neighbours
  // objecting in the same minute each get their objection kept, none a conflict.
  let app: ApplicationRecord | null = null
  let saved: ApplicationRecord | null = null
  for (let attempt = 0; attempt < OBJECTION_TRIES && !saved; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(attempt, 5)))
    app = await deps.store.get(applications, id)
    const open =
      app &&
      (app.status === 'public_notice' || app.status === 'objection_hold') &&
      (app.noticeEndsAt ?? '') > now
    if (!app || !open) throw new AppError('NOTICE.NOT_OPEN')
    if (app.objections.some((o) => o.by === by)) return { ok: true }
    if (attempt === 0) {
      const applicant = await deps.store.get(persons, app.personId)
      if (applicant?.accountId === by)
        throw new AppError('AUTH.FORBIDDEN', { message: '不能对本人的申请提出异议' })
    }
    saved = await deps.store.update(
      applications,
      id,
      {
        status: 'objection_hold',
        version: app.version + 1,
        updatedAt: now,
        objections: [...app.objections, { at: now, by, reason }],
        timeline: [
          ...app.timeline,
          {
            at: now,
            action: 'objection',
            status: 'objection_hold',
            actor: '公示异议',
            reason: '有人对公示提出异议，待街道/镇核实',
          },
        ],
      },
      { expect: { status: app.status, version: app.version } },
    )
  }
  if (!saved || !app) throw new AppError('STORE.CONFLICT')
  await recordAudit(deps.store, at, who, { action: 'notice.object', subject: id, result: 'ok' })
  await (await notifierFor(deps)).notify(
    `psn:${app.personId}`,
    {
      title: describeStatus(saved),
      body: '公示期间收到异议，街道/镇将核实后处理',
      applicationId: id,
      // However many object, the applicant hears it once per notice.
      dedupeKey: `objection:${id}:${app.noticeStartedAt ?? ''}`,
    },
    at,
  )
  return { ok: true }
}

/**
 * Scheduled: close every notice whose period has ended without objection and move it on.
 * Idempotent (compare-and-set on status and version) and paged.
 */
export const closeEndedNotices = async (deps: Deps, at: Date, log: Logger): Promise<{ closed: number }> => {
  const cutoff = at.toISOString()
  const notifier = await notifierFor(deps)
  let closed = 0
  let cursor: string | null = null
  do {
    const page: Page<ApplicationRecord> = await deps.store.find(applications, {
      where: [
        { field: 'status', op: 'eq', value: 'public_notice' },
        { field: 'noticeEndsAt', op: 'lte', value: cutoff },
      ],
      orderBy: [{ field: 'noticeEndsAt', dir: 'asc' }],
      limit: 100,
      cursor,
    })
    for (const app of page.items) {
      const change = closeNotice(app, at)
      const saved = await deps.store.update(
        applications,
        app.id,
        {
          status: change.status,
          version: app.version + 1,
          updatedAt: cutoff,
          timeline: [...app.timeline, ...change.entries],
        },
        { expect: { status: 'public_notice', version: app.version } },
      )
      if (!saved) continue
      closed++
      await notifier.notify(
        `psn:${saved.personId}`,
        { title: describeStatus(saved), body: '公示期满无异议', applicationId: app.id },
        at,
      )
    }
    cursor = page.nextCursor
  } while (cursor)
  log.info('public notices closed', { closed })
  return { closed }
}
