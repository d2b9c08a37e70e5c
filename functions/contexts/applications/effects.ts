import { APPLICATION_TYPES } from '../../../shared/applications/application-types'
import { KEY_GROUPS, type KeyGroup } from '../../../shared/people/person'
import { newId } from '../../platform/ids'
import {
  type ApplicationRecord,
  applications,
  cards,
  type PersonRecord,
  persons,
} from '../../store/collections'
import type { Store } from '../../store/port'
import { nextCardNumber, nextCertificateNo } from './numbers'

/**
 * What an approval does beyond the application itself (Xinjiang 2010 and its card rules):
 * registration issues a registration-certificate number and tags the person registered
 * unemployed; difficulty certification tags them and issues an assistance card; a re-issue
 * replaces the active card; a subsidy is recorded among the policies the person enjoys.
 */
export const applyApproval = async (
  tx: Store,
  app: ApplicationRecord,
  person: PersonRecord,
  at: Date,
  county: string,
): Promise<ApplicationRecord['result']> => {
  const now = at.toISOString()
  const tag = (groups: PersonRecord['keyGroups'], group: KeyGroup) =>
    groups.some((g) => g.group === group)
      ? groups
      : [...groups, { group, since: now.slice(0, 10), source: `application:${app.id}` }]

  switch (app.type) {
    case 'unemployment_registration': {
      const certificateNo = person.registration?.certificateNo ?? (await nextCertificateNo(tx, county, at))
      await tx.update(persons, person.id, {
        registration: { certificateNo, registeredAt: now },
        keyGroups: tag(person.keyGroups, 'registered_unemployed'),
        updatedAt: now,
      })
      return { certificateNo }
    }
    case 'difficulty_certification':
    case 'assistance_card': {
      const keyGroups =
        app.type === 'difficulty_certification' ? tag(person.keyGroups, 'difficulty') : person.keyGroups
      await tx.update(persons, person.id, { keyGroups, updatedAt: now })
      const cardNumber = await issueCard(tx, app, person, at, county)
      return { cardNumber }
    }
    default: {
      const policy = `${APPLICATION_TYPES[app.type].label}（${now.slice(0, 10)}）`
      await tx.update(persons, person.id, {
        policiesEnjoyed: [...person.policiesEnjoyed, policy],
        updatedAt: now,
      })
      return {}
    }
  }
}

/** One active card per person: a new one replaces the old (re-issue after a new certification). */
const issueCard = async (
  tx: Store,
  app: ApplicationRecord,
  person: PersonRecord,
  at: Date,
  county: string,
) => {
  const now = at.toISOString()
  const active = await tx.find(cards, {
    where: [
      { field: 'personId', op: 'eq', value: person.id },
      { field: 'status', op: 'eq', value: 'active' },
    ],
    orderBy: [],
    limit: 10,
  })
  for (const old of active.items) {
    await tx.update(cards, old.id, {
      status: 'replaced',
      history: [
        ...old.history,
        { at: now, status: 'replaced', actor: '系统', reason: `重新发放（申请 ${app.id}）` },
      ],
    })
  }
  const number = await nextCardNumber(tx, county, at)
  await tx.insert(cards, {
    id: newId('card', at),
    number,
    personId: person.id,
    community: person.community,
    status: 'active',
    issuedAt: now,
    applicationId: app.id,
    history: [{ at: now, status: 'active', actor: '街道/镇劳动保障事务所', reason: KEY_GROUPS.difficulty }],
    // Inspected yearly from the year after issue.
    lastInspectedYear: Number(number.slice(6, 10)),
    inspections: [],
  })
  return number
}

/** After a registration is approved, applications that waited for it go to community review. */
export const resumeWaiting = async (
  store: Store,
  personId: string,
  at: Date,
): Promise<ApplicationRecord[]> => {
  const now = at.toISOString()
  const waiting = await store.find(applications, {
    where: [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'status', op: 'eq', value: 'waiting_registration' },
    ],
    orderBy: [{ field: 'createdAt', dir: 'asc' }],
    limit: 20,
  })
  const resumed: ApplicationRecord[] = []
  for (const app of waiting.items) {
    const status = app.chain[0]!
    const done = await store.update(
      applications,
      app.id,
      {
        status,
        version: app.version + 1,
        updatedAt: now,
        timeline: [
          ...app.timeline,
          { at: now, action: 'resumed', status, actor: '系统', reason: '失业登记已通过' },
        ],
      },
      { expect: { status: 'waiting_registration', version: app.version } },
    )
    if (done) resumed.push(done)
  }
  return resumed
}
