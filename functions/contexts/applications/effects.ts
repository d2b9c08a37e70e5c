import { APPLICATION_TYPES } from '../../../shared/applications/application-types'
import { KEY_GROUPS, type KeyGroup } from '../../../shared/people/person'
import { newId } from '../../platform/ids'
import { shanghaiDate } from '../../platform/time'
import { type ApplicationRecord, applications, cards, type PersonRecord } from '../../store/collections'
import type { Store } from '../../store/port'
import { changePerson } from '../people/update-person'
import { enjoymentFromApproval } from '../policies/enjoyments'
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
  const by = '县（市、区）人社部门审批'
  // Read-modify-write on `rev`: concurrent approvals for one person never lose each other's tag.
  const tag = (group: KeyGroup, extra: Partial<PersonRecord> = {}) =>
    changePerson(tx, person.id, (p) => {
      const held = p.keyGroups.some((g) => g.group === group)
      return {
        ...extra,
        ...(held
          ? {}
          : {
              keyGroups: [
                ...p.keyGroups,
                {
                  group,
                  since: shanghaiDate(at),
                  source: `application:${app.id}`,
                  reason: APPLICATION_TYPES[app.type].label,
                },
              ],
              keyGroupHistory: [
                ...(p.keyGroupHistory ?? []),
                {
                  at: now,
                  group,
                  action: 'added' as const,
                  date: shanghaiDate(at),
                  reason: `${APPLICATION_TYPES[app.type].label}审批通过`,
                  by,
                  evidence: null,
                },
              ],
            }),
        updatedAt: now,
      }
    })

  switch (app.type) {
    case 'unemployment_registration': {
      // A certificate once issued is never re-issued or reset by a later approval.
      const certificateNo = person.registration?.certificateNo ?? (await nextCertificateNo(tx, county, at))
      await tag('registered_unemployed', {
        // Registered again after a 就业登记: the same certificate, the registration open again.
        registration: person.registration
          ? { ...person.registration, endedAt: null }
          : { certificateNo, registeredAt: now },
      })
      return { certificateNo }
    }
    case 'difficulty_certification':
    case 'assistance_card': {
      if (app.type === 'difficulty_certification') await tag('difficulty')
      else await changePerson(tx, person.id, () => ({ updatedAt: now }))
      const cardNumber = await issueCard(tx, app, person, at, county)
      return { cardNumber }
    }
    default: {
      const enjoyment = await enjoymentFromApproval(tx, app, at)
      if (enjoyment) {
        await changePerson(tx, person.id, (p) =>
          (p.enjoyments ?? []).some((e) => e.id === enjoyment.id)
            ? null
            : { enjoyments: [...(p.enjoyments ?? []), enjoyment], updatedAt: now },
        )
      }
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
