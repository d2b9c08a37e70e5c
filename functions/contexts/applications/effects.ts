import { APPLICATION_TYPES } from '../../../shared/applications/application-types'
import { KEY_GROUPS, type KeyGroup } from '../../../shared/people/person'
import { newId } from '../../platform/ids'
import { shanghaiDate } from '../../platform/time'
import {
  type ApplicationRecord,
  applications,
  cards,
  type PersonRecord,
  persons,
} from '../../store/collections'
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
  /** Active cards found before the transaction (cards issued before `activeCardId` existed). */
  activeCards: string[] = [],
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
      const cardNumber = await issueCard(tx, app, person, at, county, activeCards)
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

/** Approvals that issue an assistance card. */
export const CARD_TYPES: ReadonlySet<string> = new Set(['difficulty_certification', 'assistance_card'])

/** A person's active cards, read before an approval's transaction. */
export const activeCardsOf = async (store: Store, personId: string): Promise<string[]> => {
  const page = await store.find(cards, {
    where: [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'status', op: 'eq', value: 'active' },
    ],
    orderBy: [],
    limit: 10,
    fields: ['id'],
  })
  return page.items.map((c) => c.id)
}

/**
 * One active card per person: a new one replaces the old (re-issue after a new certification).
 * The old one is found by id — the person's `activeCardId`, read in this transaction, and any
 * found before it — so a retried transaction sees a card a concurrent approval just issued.
 */
const issueCard = async (
  tx: Store,
  app: ApplicationRecord,
  person: PersonRecord,
  at: Date,
  county: string,
  foundBefore: string[],
) => {
  const now = at.toISOString()
  const current = await tx.get(persons, person.id)
  const candidates = new Set([...(current?.activeCardId ? [current.activeCardId] : []), ...foundBefore])
  for (const cardId of candidates) {
    const old = await tx.get(cards, cardId)
    if (old?.status !== 'active' || old.personId !== person.id) continue
    await tx.update(cards, old.id, {
      status: 'replaced',
      history: [
        ...old.history,
        { at: now, status: 'replaced', actor: '系统', reason: `重新发放（申请 ${app.id}）` },
      ],
    })
  }
  const number = await nextCardNumber(tx, county, at)
  const cardId = newId('card', at)
  await tx.insert(cards, {
    id: cardId,
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
  await changePerson(tx, person.id, () => ({ activeCardId: cardId }))
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
