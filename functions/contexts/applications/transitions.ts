import {
  APPLICATION_TYPES,
  type ApplicationStatus,
  NOTICE_WORKDAYS,
  nextAfter,
  STATUSES,
  type TimelineEntry,
} from '../../../shared/applications/application-types'
import type { Role } from '../../../shared/auth/identity'
import { addWorkdays } from '../../platform/workdays'
import type { ApplicationRecord } from '../../store/collections'

/**
 * The review chain as a state machine. Pure: given an application, a decision and the time,
 * say what changes. Who may decide is `stagesFor(role)`; the use case checks region scope.
 */
const STAGES_BY_ROLE: Record<Role, ApplicationStatus[]> = {
  resident: [],
  employer: [],
  coordinator: ['community_review'],
  // The street/town office reviews, and resolves objections raised during the notice.
  street: ['objection_hold', 'street_review'],
  county: ['county_decision'],
}

export const stagesFor = (role: Role): ApplicationStatus[] => STAGES_BY_ROLE[role]

export type Change = Pick<ApplicationRecord, 'status'> &
  Partial<Pick<ApplicationRecord, 'noticeStartedAt' | 'noticeEndsAt' | 'objections'>> & {
    entries: TimelineEntry[]
  }

/** Where an approval at the current status leads. */
export const approve = (app: ApplicationRecord, at: Date, actor: string, reason?: string): Change => {
  const now = at.toISOString()
  if (app.status === 'objection_hold') {
    // Objections dismissed: back into notice if its period is still running, else onward.
    const stillRunning = app.noticeEndsAt !== null && app.noticeEndsAt > now
    const status = stillRunning ? 'public_notice' : nextAfter(app.chain, 'public_notice')
    return { status, entries: [{ at: now, action: 'objection_dismissed', status, actor, reason }] }
  }
  if (
    app.status !== 'community_review' &&
    app.status !== 'street_review' &&
    app.status !== 'county_decision'
  ) {
    throw new Error(`cannot approve from ${app.status}`)
  }
  const status = nextAfter(app.chain, app.status)
  const entries: TimelineEntry[] = [{ at: now, action: 'approved', status, actor, reason }]
  if (status !== 'public_notice') return { status, entries }
  const endsAt = addWorkdays(at, NOTICE_WORKDAYS).toISOString()
  entries.push({
    at: now,
    action: 'notice_started',
    status,
    actor: '系统',
    reason: `公示 ${NOTICE_WORKDAYS} 个工作日，至 ${endsAt.slice(0, 10)}`,
  })
  return { status, entries, noticeStartedAt: now, noticeEndsAt: endsAt }
}

export const reject = (_app: ApplicationRecord, at: Date, actor: string, reason: string): Change => ({
  status: 'rejected',
  entries: [{ at: at.toISOString(), action: 'rejected', status: 'rejected', actor, reason }],
})

/** The notice period ran out without objection: on to the next stage. */
export const closeNotice = (app: ApplicationRecord, at: Date): Change => {
  const status = nextAfter(app.chain, 'public_notice')
  return {
    status,
    entries: [
      { at: at.toISOString(), action: 'notice_ended', status, actor: '系统', reason: '公示期满无异议' },
    ],
  }
}

export const describeStatus = (app: Pick<ApplicationRecord, 'type' | 'status'>): string =>
  `您的「${APPLICATION_TYPES[app.type].label}」申请：${STATUSES[app.status]}`
