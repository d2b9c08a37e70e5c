import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Deps } from '../../runtime/deps'
import { notifications, policyNotices } from '../../store/collections'
import { findMyPerson } from '../people/me'
import { markReach } from '../policies/policy-reach'

/** Everything addressed to the caller: as an account (staff) and as a registered person. */
const recipientsOf = async (deps: Deps, who: Identity): Promise<string[]> => {
  const me = await findMyPerson(deps, who)
  return [`wx:${who.openid}`, ...(me ? [`psn:${me.id}`] : [])]
}

export const listInbox = async (deps: Deps, who: Identity, cursor: string | undefined) => {
  const recipients = await recipientsOf(deps, who)
  const page = await deps.store.find(notifications, {
    where: [{ field: 'recipient', op: 'in', value: recipients }],
    orderBy: [{ field: 'at', dir: 'desc' }],
    limit: 20,
    cursor,
  })
  const unread = await deps.store.count(notifications, [
    { field: 'recipient', op: 'in', value: recipients },
    { field: 'read', op: 'eq', value: false },
  ])
  return {
    items: page.items.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      at: n.at,
      read: n.read,
      applicationId: n.applicationId,
      link: n.link ?? null,
    })),
    nextCursor: page.nextCursor,
    unread,
  }
}

export const markRead = async (deps: Deps, who: Identity, id: string) => {
  const message = await deps.store.get(notifications, id)
  if (!message || !(await recipientsOf(deps, who)).includes(message.recipient))
    throw new AppError('ROUTE.NOT_FOUND')
  await deps.store.update(notifications, id, { read: true })
  // Reading about a policy is knowing it: the know-rate counts the message as read.
  const link = message.link
  if (link && !['job', 'jobs', 'interests'].includes(link.kind) && message.recipient.startsWith('psn:')) {
    const policyIds =
      link.kind === 'policy'
        ? [link.id]
        : link.kind === 'policies'
          ? (link.policyIds ?? [])
          : ((await deps.store.get(policyNotices, link.id))?.policyIds ?? [])
    await markReach(deps.store, policyIds, message.recipient.slice(4), 'readAt', deps.clock.now())
  }
  return { ok: true }
}
