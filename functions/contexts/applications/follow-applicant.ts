import { applications } from '../../store/collections'
import type { Store } from '../../store/port'
import { regionLabel } from '../regions/region-directory'

const CLOSED = ['approved', 'rejected', 'withdrawn']

/**
 * An applicant who moves takes their open applications along: the application's community is
 * the applicant's current one, so the new community's reviewers see and decide it and the old
 * one's no longer can (one scope rule for both). The move stays in the timeline.
 */
export const moveOpenApplications = async (
  store: Store,
  personId: string,
  community: string,
  at: Date,
): Promise<number> => {
  const now = at.toISOString()
  let moved = 0
  const page = await store.find(applications, {
    where: [{ field: 'personId', op: 'eq', value: personId }],
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 100,
  })
  for (const app of page.items) {
    if (CLOSED.includes(app.status) || app.community === community) continue
    const saved = await store.update(
      applications,
      app.id,
      {
        community,
        version: app.version + 1,
        updatedAt: now,
        timeline: [
          ...app.timeline,
          {
            at: now,
            action: 'transferred',
            status: app.status,
            actor: '系统',
            reason: `申请人现居住地变更为${regionLabel(community) ?? community}，转由该社区办理`,
          },
        ],
      },
      { expect: { version: app.version } },
    )
    if (saved) moved++
  }
  return moved
}
