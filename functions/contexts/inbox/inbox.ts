import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { formatSalary } from '../../../shared/jobs/job'
import type { Deps } from '../../runtime/deps'
import { jobs, type NotificationRecord, notifications, policyNotices } from '../../store/collections'
import { findAll } from '../../store/scan'
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
  const pushedTitles = await titlesOfPushedJobs(deps, page.items)
  return {
    items: page.items.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      at: n.at,
      read: n.read,
      applicationId: n.applicationId,
      link:
        n.link && n.pushJobs
          ? {
              ...n.link,
              jobIds: n.pushJobs.map((j) => j.jobId),
              jobTitles: n.pushJobs.map((j) => pushedTitles.get(j.jobId) ?? '（岗位已下架）'),
            }
          : (n.link ?? null),
    })),
    nextCursor: page.nextCursor,
    unread,
  }
}

/**
 * A job push keeps only the ids of what it sent; each is shown as the seeker tells them apart —
 * what, who, how much — as the post reads now.
 */
const titlesOfPushedJobs = async (deps: Deps, items: NotificationRecord[]): Promise<Map<string, string>> => {
  const ids = [...new Set(items.flatMap((n) => (n.pushJobs ?? []).map((j) => j.jobId)))]
  if (!ids.length) return new Map()
  const posts = await findAll(deps.store, jobs, {
    where: [{ field: 'id', op: 'in', value: ids }],
    orderBy: [],
  })
  return new Map(
    posts.map((j) => [j.id, `${j.title} · ${j.employer} · ${formatSalary(j.salaryMin, j.salaryMax)}`]),
  )
}

export const markRead = async (deps: Deps, who: Identity, id: string) => {
  const message = await deps.store.get(notifications, id)
  if (!message || !(await recipientsOf(deps, who)).includes(message.recipient))
    throw new AppError('ROUTE.NOT_FOUND')
  await deps.store.update(notifications, id, { read: true })
  // Reading about a policy is knowing it: the know-rate counts the message as read.
  const link = message.link
  if (
    link &&
    !['job', 'jobs', 'interests', 'bookings'].includes(link.kind) &&
    message.recipient.startsWith('psn:')
  ) {
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
