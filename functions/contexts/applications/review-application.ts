import type { ApplicationStatus, ApplicationView } from '../../../shared/applications/application-types'
import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import {
  type ApplicationRecord,
  applicationLocks,
  applications,
  type PersonRecord,
  persons,
} from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { notifierFor } from '../inbox/notifier'
import { householdStanding } from '../people/household-rule'
import { findMyPerson } from '../people/me'
import { staffCanSee } from '../people/person-access'
import { markReach, policiesLeadingTo } from '../policies/policy-reach'
import { countySettingsFor } from '../regions/county-settings'
import { HOME_COUNTY } from '../regions/region-directory'
import { actorLabel, toApplicationView } from './application-mapper'
import { activeCardsOf, applyApproval, CARD_TYPES, resumeWaiting } from './effects'
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
  const reviewer = await findMyPerson(deps, who)
  const items = await Promise.all(page.items.map((a) => staffView(deps, a, reviewer)))
  return { items, nextCursor: page.nextCursor }
}

export const staffView = async (
  deps: Deps,
  app: ApplicationRecord,
  reviewer: PersonRecord | null,
): Promise<ApplicationView> => {
  const person = await deps.store.get(persons, app.personId)
  const view = {
    ...toApplicationView(app, {
      applicant: person ?? { id: app.personId, name: app.applicantName, idNumberMasked: '' },
    }),
    ownCase: person ? isOwnCase(reviewer, person) : false,
  }
  return person && app.data.category === 'zero_employment_household'
    ? { ...view, registryCheck: await zeroEmploymentCheck(deps, person) }
    : view
}

/**
 * A certification asked as a member of a zero-employment household (Xinjiang 2010: its members
 * are assistance targets and get the card): what the registry says, for the reviewer.
 */
const zeroEmploymentCheck = async (deps: Deps, person: PersonRecord) => {
  const label = '零就业家庭'
  if (!person.householdId)
    return { label, ok: false, note: '尚未关联家庭成员，无法核对；请先在人员信息中添加家庭成员' }
  const members = (
    await deps.store.find(persons, {
      where: [{ field: 'householdId', op: 'eq', value: person.householdId }],
      orderBy: [],
      limit: 30,
    })
  ).items
  const { workingAge } = await countySettingsFor(deps.store, person.community)
  const standing = householdStanding(members, shanghaiDate(deps.clock.now()), workingAge)
  return standing.zeroEmployment
    ? { label, ok: true, note: `家庭 ${members.length} 人，法定劳动年龄内的成员均未就业` }
    : {
        label,
        ok: false,
        note: standing.rural
          ? '登记为农村家庭，不适用城镇零就业家庭认定'
          : '登记信息显示家庭中有劳动年龄内的就业成员',
      }
}

/**
 * Nobody decides an application of their own or of a member of their household: it stays at
 * its stage for a peer (another reviewer of the same office) to decide.
 */
export const isOwnCase = (mine: PersonRecord | null, applicant: PersonRecord): boolean =>
  mine !== null &&
  (mine.id === applicant.id || (mine.householdId !== null && mine.householdId === applicant.householdId))

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
  // One scope for viewing and deciding: the applicant's community as it is now.
  const applicant = app ? await deps.store.get(persons, app.personId) : null
  if (!app || !applicant || !staffCanSee(who, applicant)) {
    await recordAudit(deps.store, at, who, { action: 'application.review', subject: id, result: 'refused' })
    throw new AppError('APPLICATION.NOT_FOUND')
  }
  if (isOwnCase(await findMyPerson(deps, who), applicant)) {
    await recordAudit(deps.store, at, who, {
      action: 'application.review',
      subject: id,
      result: 'refused',
      detail: { why: 'own-case' },
    })
    throw new AppError('APPLICATION.OWN_CASE')
  }
  if (!stagesFor(who.role).includes(app.status)) throw new AppError('APPLICATION.WRONG_STAGE')
  // An objection is settled by what the check found, either way: the finding is on record.
  if (app.status === 'objection_hold' && !decision.reason)
    throw new AppError('REQUEST.INVALID', {
      message: '请写明异议的核实情况',
      issues: [{ field: 'reason', message: '请写明异议的核实情况' }],
    })

  const actor = actorLabel(who)
  const change: Change =
    decision.decision === 'approve'
      ? approve(app, at, actor, decision.reason)
      : reject(app, at, actor, decision.reason!)
  const now = at.toISOString()

  // Queries can't run inside the transaction (CloudBase's rule): a card approval's active cards
  // are looked up here; the transaction re-reads each by id.
  const activeCards =
    change.status === 'approved' && CARD_TYPES.has(app.type)
      ? await activeCardsOf(deps.store, app.personId)
      : []
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
      const result = await applyApproval(tx, next, person, at, HOME_COUNTY, activeCards)
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
  return staffView(deps, saved, null)
}
