import type { ApplicationStatus, ApplicationView } from '../../../shared/applications/application-types'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import { isWithinRegion } from '../../../shared/regions/region-code'
import type { Deps } from '../../runtime/deps'
import { type ApplicationRecord, applicationLocks, applications, persons } from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { notifierFor } from '../inbox/notifier'
import { markReach, policiesLeadingTo } from '../policies/policy-reach'
import { HOME_COUNTY } from '../regions/region-directory'
import { actorLabel, toApplicationView } from './application-mapper'
import { applyApproval, resumeWaiting } from './effects'
import { lockId } from './submit-application'
import { approve, type Change, describeStatus, reject, stagesFor } from './transitions'

const QUEUE_PAGE = 20

/** The work waiting at one stage in the caller's region, oldest first. */
export const listReviewQueue = async (
  deps: Deps,
  who: Identity,
  stage: ApplicationStatus | undefined,
  cursor: string | undefined,
): Promise<Paged<ApplicationView>> => {
  const mine = stagesFor(who.role)
  const at = stage ?? mine[0]
  if (!at || !mine.includes(at) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const page = await deps.store.find(applications, {
    where: [
      { field: 'status', op: 'eq', value: at },
      { field: 'community', op: 'prefix', value: who.region },
    ],
    orderBy: [{ field: 'updatedAt', dir: 'asc' }],
    limit: QUEUE_PAGE,
    cursor,
  })
  const items = await Promise.all(page.items.map((a) => staffView(deps, a)))
  return { items, nextCursor: page.nextCursor }
}

export const staffView = async (deps: Deps, app: ApplicationRecord): Promise<ApplicationView> => {
  const person = await deps.store.get(persons, app.personId)
  return toApplicationView(app, {
    applicant: person ?? { id: app.personId, name: app.applicantName, idNumberMasked: '' },
  })
}

/** Staff may act on an application only at their stage and inside their region. */
const inScope = (who: Identity, app: ApplicationRecord) =>
  isStaffRole(who.role) && who.region !== null && isWithinRegion(app.community, who.region)

/**
 * Approve or reject at the current stage. The move is a compare-and-set on (status, version):
 * a second decision, a decision at another stage, or a race between two reviewers is refused
 * with APPLICATION.WRONG_STAGE and changes nothing. Approval at the end of the chain applies
 * the effects (numbers, tags, card) in the same transaction.
 */
export const decide = async (
  deps: Deps,
  who: Identity,
  id: string,
  decision: { decision: 'approve' | 'reject'; reason?: string },
): Promise<ApplicationView> => {
  const app = await deps.store.get(applications, id)
  const at = deps.clock.now()
  if (!app || !inScope(who, app)) {
    await recordAudit(deps.store, at, who, { action: 'application.review', subject: id, result: 'refused' })
    throw new AppError('APPLICATION.NOT_FOUND')
  }
  if (!stagesFor(who.role).includes(app.status)) throw new AppError('APPLICATION.WRONG_STAGE')

  const actor = actorLabel(who)
  const change: Change =
    decision.decision === 'approve'
      ? approve(app, at, actor, decision.reason)
      : reject(app, at, actor, decision.reason!)
  const now = at.toISOString()

  const saved = await deps.store.transaction(async (tx) => {
    let next = await tx.update(
      applications,
      id,
      {
        status: change.status,
        version: app.version + 1,
        updatedAt: now,
        timeline: [...app.timeline, ...change.entries],
        ...(change.noticeStartedAt
          ? { noticeStartedAt: change.noticeStartedAt, noticeEndsAt: change.noticeEndsAt }
          : {}),
      },
      { expect: { status: app.status, version: app.version } },
    )
    if (!next) throw new AppError('APPLICATION.WRONG_STAGE')
    if (change.status === 'approved') {
      const person = await tx.get(persons, app.personId)
      if (!person) throw new AppError('PERSON.NOT_FOUND')
      const result = await applyApproval(tx, next, person, at, HOME_COUNTY)
      next = (await tx.update(applications, id, { result })) ?? next
    }
    if (change.status === 'approved' || change.status === 'rejected') {
      await tx.delete(applicationLocks, lockId(app.personId, app.type))
    }
    return next
  })

  await recordAudit(deps.store, at, who, {
    action: `application.${decision.decision}`,
    subject: id,
    result: 'ok',
    detail: { from: app.status, to: saved.status },
  })
  if (saved.status === 'approved') {
    await markReach(
      deps.store,
      await policiesLeadingTo(deps.store, saved.type),
      saved.personId,
      'enjoyingAt',
      at,
    )
  }
  const notifier = await notifierFor(deps)
  await notifier.notify(
    `psn:${saved.personId}`,
    { title: describeStatus(saved), body: decision.reason ?? '', applicationId: id },
    at,
  )
  if (saved.status === 'approved' && saved.type === 'unemployment_registration') {
    for (const resumed of await resumeWaiting(deps.store, saved.personId, at)) {
      await notifier.notify(
        `psn:${resumed.personId}`,
        { title: describeStatus(resumed), body: '失业登记已通过', applicationId: resumed.id },
        at,
      )
    }
  }
  return staffView(deps, saved)
}
