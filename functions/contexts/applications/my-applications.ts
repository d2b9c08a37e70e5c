import type { ApplicationView } from '../../../shared/applications/application-types'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import type { Deps } from '../../runtime/deps'
import {
  type ApplicationRecord,
  applicationLocks,
  applications,
  type PersonRecord,
  persons,
} from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { findMyPerson } from '../people/me'
import { staffCanSee } from '../people/person-access'
import { toApplicationView } from './application-mapper'
import { staffView } from './review-application'
import { lockId } from './submit-application'

export const listMyApplications = async (
  deps: Deps,
  who: Identity,
  cursor: string | undefined,
): Promise<Paged<ApplicationView>> => {
  const me = await findMyPerson(deps, who)
  if (!me) return { items: [], nextCursor: null }
  const page = await deps.store.find(applications, {
    where: [{ field: 'personId', op: 'eq', value: me.id }],
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 20,
    cursor,
  })
  return { items: page.items.map((a) => toApplicationView(a)), nextCursor: page.nextCursor }
}

/**
 * An application for its applicant, or for staff in scope (who also see the applicant). To
 * anyone else it does not exist: same 404 as a missing id.
 */
const visible = async (
  deps: Deps,
  who: Identity,
  id: string,
): Promise<{ app: ApplicationRecord; own: boolean; me: PersonRecord | null }> => {
  const app = await deps.store.get(applications, id)
  if (app) {
    const me = await findMyPerson(deps, who)
    if (me?.id === app.personId) return { app, own: true, me }
    if (isStaffRole(who.role)) {
      const person = await deps.store.get(persons, app.personId)
      if (person && staffCanSee(who, person)) return { app, own: false, me }
    }
  }
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'application.view',
    subject: id,
    result: 'refused',
  })
  throw new AppError('APPLICATION.NOT_FOUND')
}

export const getApplication = async (deps: Deps, who: Identity, id: string): Promise<ApplicationView> => {
  const { app, own, me } = await visible(deps, who, id)
  // Staff opening their own application (from the review queue) see it as a reviewer would,
  // marked as one they must leave to a peer.
  if (own && isStaffRole(who.role)) return staffView(deps, app, me)
  if (own) return toApplicationView(app)
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'application.view',
    subject: id,
    result: 'ok',
  })
  return staffView(deps, app, await findMyPerson(deps, who))
}

/** The applicant may withdraw while nothing is decided. */
export const withdrawApplication = async (
  deps: Deps,
  who: Identity,
  id: string,
): Promise<ApplicationView> => {
  const { app, own } = await visible(deps, who, id)
  if (!own) throw new AppError('AUTH.FORBIDDEN')
  if (['approved', 'rejected', 'withdrawn'].includes(app.status)) throw new AppError('APPLICATION.CLOSED')
  const now = deps.clock.now().toISOString()
  const saved = await deps.store.transaction(async (tx) => {
    const next = await tx.update(
      applications,
      id,
      {
        status: 'withdrawn',
        version: app.version + 1,
        updatedAt: now,
        timeline: [...app.timeline, { at: now, action: 'withdrawn', status: 'withdrawn', actor: '申请人' }],
      },
      { expect: { status: app.status, version: app.version } },
    )
    if (!next) throw new AppError('APPLICATION.WRONG_STAGE')
    await tx.delete(applicationLocks, lockId(app.personId, app.type))
    return next
  })
  await recordAudit(deps.store, deps.clock.now(), who, {
    action: 'application.withdraw',
    subject: id,
    result: 'ok',
  })
  return toApplicationView(saved)
}
