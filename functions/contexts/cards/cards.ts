import { CARD_STATUS_LABELS, CARD_TRANSITIONS, type CardView } from '../../../shared/applications/cards'
import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Paged } from '../../../shared/jobs/job'
import type { EmploymentStatus, KeyGroup } from '../../../shared/people/person'
import { isWithinRegion } from '../../../shared/regions/region-code'
import type { Deps } from '../../runtime/deps'
import { type CardRecord, cards, type PersonRecord, persons } from '../../store/collections'
import type { Filter } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { notifierFor } from '../inbox/notifier'
import { findMyPerson } from '../people/me'
import { changePerson } from '../people/update-person'
import { regionLabel } from '../regions/region-directory'

const toCardView = (c: CardRecord, holder?: PersonRecord | null): CardView => ({
  id: c.id,
  number: c.number,
  status: c.status,
  statusLabel: CARD_STATUS_LABELS[c.status],
  community: c.community,
  communityName: regionLabel(c.community),
  issuedAt: c.issuedAt,
  lastInspectedYear: c.lastInspectedYear,
  inspections: c.inspections,
  history: c.history,
  ...(holder ? { holder: { personId: holder.id, name: holder.name, idNumber: holder.idNumberMasked } } : {}),
})

const shanghaiYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear()

/**
 * Residents see their own cards; staff the cards of their region, optionally only those whose
 * annual inspection for `dueYear` is still to do (the coordinator's yearly task list).
 */
export const listCards = async (
  deps: Deps,
  who: Identity,
  opts: { dueYear?: number; cursor?: string },
): Promise<Paged<CardView>> => {
  if (!isStaffRole(who.role)) {
    const me = await findMyPerson(deps, who)
    if (!me) return { items: [], nextCursor: null }
    const page = await deps.store.find(cards, {
      where: [{ field: 'personId', op: 'eq', value: me.id }],
      orderBy: [],
      limit: 20,
    })
    return { items: page.items.map((c) => toCardView(c)), nextCursor: null }
  }
  const where: Filter[] = [{ field: 'community', op: 'prefix', value: who.region ?? '-' }]
  if (opts.dueYear) {
    where.push({ field: 'status', op: 'in', value: ['active', 'kept_by_employer', 'kept_by_holder'] })
    where.push({ field: 'lastInspectedYear', op: 'lt', value: opts.dueYear })
  }
  const page = await deps.store.find(cards, {
    where,
    orderBy: [{ field: 'community', dir: 'asc' }],
    limit: 20,
    cursor: opts.cursor,
  })
  const items = await Promise.all(
    page.items.map(async (c) => toCardView(c, await deps.store.get(persons, c.personId))),
  )
  return { items, nextCursor: page.nextCursor }
}

const cardInScope = async (deps: Deps, who: Identity, id: string): Promise<CardRecord> => {
  const card = await deps.store.get(cards, id)
  if (!card || !isStaffRole(who.role) || !who.region || !isWithinRegion(card.community, who.region)) {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'card.access',
      subject: id,
      result: 'refused',
    })
    throw new AppError('CARD.NOT_FOUND')
  }
  return card
}

/**
 * Move a card along its life. Returning it or revoking it also ends what it stood for: a
 * returned card's holder leaves the difficulty list; a revoked one leaves the labour market,
 * and the registration certificate goes with it (Xinjiang 2010 card rules, arts. 12–13).
 */
export const changeCardStatus = async (
  deps: Deps,
  who: Identity,
  id: string,
  change: { status: 'kept_by_employer' | 'kept_by_holder' | 'returned' | 'revoked'; reason: string },
): Promise<CardView> => {
  const card = await cardInScope(deps, who, id)
  if (!CARD_TRANSITIONS[card.status].includes(change.status)) throw new AppError('CARD.WRONG_STATUS')
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await deps.store.transaction(async (tx) => {
    const next = await tx.update(
      cards,
      id,
      {
        status: change.status,
        history: [
          ...card.history,
          { at: now, status: change.status, actor: actorLabel(who), reason: change.reason },
        ],
      },
      { expect: { status: card.status } },
    )
    if (!next) throw new AppError('CARD.WRONG_STATUS')
    const leaving: KeyGroup[] =
      change.status === 'revoked'
        ? ['difficulty', 'registered_unemployed']
        : change.status === 'returned'
          ? ['difficulty']
          : []
    // The holder's facts change (card held, groups): touching the record lets policy-match see it.
    await changePerson(tx, card.personId, (p) => ({
      ...(leaving.length
        ? {
            keyGroups: p.keyGroups.filter((g) => !leaving.includes(g.group)),
            keyGroupHistory: [
              ...(p.keyGroupHistory ?? []),
              ...p.keyGroups
                .filter((g) => leaving.includes(g.group))
                .map((g) => ({
                  at: now,
                  group: g.group,
                  action: 'ended' as const,
                  date: now.slice(0, 10),
                  reason: `就业援助卡${CARD_STATUS_LABELS[change.status]}：${change.reason}`,
                  by: actorLabel(who),
                  evidence: null,
                })),
            ],
          }
        : {}),
      ...(change.status === 'revoked' ? { registration: null } : {}),
      updatedAt: now,
    })).catch((err) => {
      if (!(err instanceof AppError && err.code === 'PERSON.NOT_FOUND')) throw err
    })
    return next
  })
  await recordAudit(deps.store, at, who, {
    action: `card.${change.status}`,
    subject: id,
    result: 'ok',
    detail: { from: card.status },
  })
  await (await notifierFor(deps)).notify(
    `psn:${card.personId}`,
    { title: `您的就业援助卡：${CARD_STATUS_LABELS[change.status]}`, body: change.reason },
    at,
  )
  return toCardView(saved, await deps.store.get(persons, card.personId))
}

/** Record the year's inspection: once per card and year, by staff of its region. */
export const inspectCard = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: {
    year: number
    employmentStatus: EmploymentStatus
    policiesVerified: string[]
    note: string | null
  },
): Promise<CardView> => {
  const card = await cardInScope(deps, who, id)
  const at = deps.clock.now()
  if (input.year > shanghaiYear(at) || input.year < Number(card.number.slice(6, 10))) {
    throw new AppError('REQUEST.INVALID', {
      message: '请求参数有误：year',
      issues: [{ field: 'year', message: '年检年度不正确' }],
    })
  }
  if (card.inspections.some((i) => i.year === input.year)) throw new AppError('CARD.ALREADY_INSPECTED')
  if (!['active', 'kept_by_employer', 'kept_by_holder'].includes(card.status))
    throw new AppError('CARD.WRONG_STATUS')
  const saved = await deps.store.update(
    cards,
    id,
    {
      inspections: [...card.inspections, { ...input, at: at.toISOString(), actor: actorLabel(who) }],
      lastInspectedYear: Math.max(card.lastInspectedYear, input.year),
    },
    { expect: { lastInspectedYear: card.lastInspectedYear } },
  )
  if (!saved) throw new AppError('CARD.ALREADY_INSPECTED')
  await recordAudit(deps.store, at, who, {
    action: 'card.inspect',
    subject: id,
    result: 'ok',
    detail: { year: input.year },
  })
  return toCardView(saved, await deps.store.get(persons, card.personId))
}
