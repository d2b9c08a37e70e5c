import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import {
  AGREEMENT_ITEM_KINDS,
  AGREEMENT_STATUSES,
  type AgreementDraftInput,
  type AgreementSignInput,
  type AgreementView,
  SIGN_METHODS,
} from '../../../shared/people/agreement'
import { newId } from '../../platform/ids'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type AgreementRecord, agreements, files, type PersonRecord, persons } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { notifierFor } from '../inbox/notifier'
import { ownsPerson, staffCanSee } from './person-access'

/**
 * 就业援助协议（一人一策）(DOMAIN.md; Xinjiang 2010: 一人一策、签订援助协议). One per assisted person:
 * the coordinator drafts the goal and the services promised with dates; the person agrees with a
 * tap on their phone, or the coordinator uploads a photo of the signed paper; the follow-ups tick
 * the items off. Changing what was promised asks for the person's agreement again.
 */
const agreementId = (personId: string) => `agr_${personId}`

const toView = (r: AgreementRecord, person: PersonRecord, today: string): AgreementView => ({
  personId: r.personId,
  personName: person.name,
  status: r.status,
  statusLabel: AGREEMENT_STATUSES[r.status],
  goals: r.goals,
  items: r.items.map((i) => ({
    id: i.id,
    kind: i.kind,
    kindLabel: AGREEMENT_ITEM_KINDS[i.kind],
    label: i.label,
    due: i.due,
    doneAt: i.doneAt,
    doneBy: i.doneBy,
    overdue: !i.doneAt && i.due < today,
  })),
  signed: r.signed ? { ...r.signed, methodLabel: SIGN_METHODS[r.signed.method] } : null,
  progress: { done: r.items.filter((i) => i.doneAt).length, total: r.items.length },
  version: r.version,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
})

const personFor = async (deps: Deps, who: Identity, personId: string, staffOnly: boolean) => {
  const person = await deps.store.get(persons, personId)
  const allowed = person && (staffCanSee(who, person) || (!staffOnly && ownsPerson(who, person)))
  if (!allowed) throw new AppError('PERSON.NOT_FOUND')
  return person
}

/** The agreement of a person, for the person themselves or staff in scope; null when none yet. */
export const getAgreement = async (
  deps: Deps,
  who: Identity,
  personId: string,
): Promise<{ agreement: AgreementView | null }> => {
  const person = await personFor(deps, who, personId, false)
  const r = await deps.store.get(agreements, agreementId(personId))
  return { agreement: r ? toView(r, person, shanghaiDate(deps.clock.now())) : null }
}

const sameItem = (a: { kind: string; label: string }, b: { kind: string; label: string }) =>
  a.kind === b.kind && a.label === b.label

/** Draft or revise. What was already delivered stays ticked; a changed promise needs agreeing again. */
export const saveAgreement = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: AgreementDraftInput,
): Promise<{ agreement: AgreementView }> => {
  const person = await personFor(deps, who, personId, true)
  const at = deps.clock.now()
  const now = at.toISOString()
  const id = agreementId(personId)
  const current = await deps.store.get(agreements, id)
  if (current && input.expectedVersion !== undefined && input.expectedVersion !== current.version)
    throw new AppError('AGREEMENT.CHANGED')
  const items = input.items.map((i) => {
    const kept = current?.items.find((c) => sameItem(c, i) && c.due === i.due)
    return kept ?? { id: newId('it', at), ...i, doneAt: null, doneBy: null, recordId: null }
  })
  const unchanged =
    current &&
    current.goals === input.goals &&
    current.items.length === items.length &&
    current.items.every((c, n) => c.id === items[n]!.id)
  if (current && unchanged) return { agreement: toView(current, person, shanghaiDate(at)) }
  const record: AgreementRecord = {
    id,
    personId,
    community: person.community,
    status: 'draft',
    goals: input.goals,
    items,
    signed: null,
    version: (current?.version ?? 0) + 1,
    rev: (current?.rev ?? 0) + 1,
    createdAt: current?.createdAt ?? now,
    updatedAt: now,
    updatedBy: actorLabel(who),
  }
  if (current) {
    const saved = await deps.store.update(agreements, id, record, { expect: { rev: current.rev } })
    if (!saved) throw new AppError('AGREEMENT.CHANGED')
  } else {
    try {
      await deps.store.insert(agreements, record)
    } catch (err) {
      throw err instanceof DuplicateKeyError ? new AppError('AGREEMENT.CHANGED') : err
    }
  }
  await recordAudit(deps.store, at, who, {
    action: current ? 'agreement.revise' : 'agreement.draft',
    subject: id,
    result: 'ok',
    detail: { items: items.length },
  })
  await (await notifierFor(deps)).notify(
    `psn:${personId}`,
    {
      title: current ? '您的就业援助协议已修改，请查看并确认' : '社区为您制定了就业援助协议，请查看并确认',
      body: `${input.goals.slice(0, 40)}（共 ${items.length} 项服务）`,
      link: { kind: 'agreement', id },
    },
    at,
  )
  return { agreement: toView(record, person, shanghaiDate(at)) }
}

/** The person agrees (a tap on their own phone), or staff file the signed paper's photo. */
export const signAgreement = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: AgreementSignInput,
): Promise<{ agreement: AgreementView }> => {
  const person = await personFor(deps, who, personId, false)
  const staff = isStaffRole(who.role) && !ownsPerson(who, person)
  if (input.method === 'tap' && staff) {
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'method', message: '工作人员请上传本人签字的协议照片' }],
    })
  }
  if (input.method === 'photo') {
    const file = input.fileId ? await deps.store.get(files, input.fileId) : null
    if (!file || file.personId !== personId)
      throw new AppError('REQUEST.INVALID', {
        issues: [{ field: 'fileId', message: '签字照片不存在，请重新上传' }],
      })
  }
  const id = agreementId(personId)
  const current = await deps.store.get(agreements, id)
  if (!current) throw new AppError('AGREEMENT.NOT_FOUND')
  const at = deps.clock.now()
  if (current.version !== input.version) throw new AppError('AGREEMENT.CHANGED')
  if (current.status === 'signed') return { agreement: toView(current, person, shanghaiDate(at)) }
  const signed = {
    method: input.method,
    at: at.toISOString(),
    by: staff ? actorLabel(who) : '本人',
    fileId: input.fileId ?? null,
  }
  const saved = await deps.store.update(
    agreements,
    id,
    { status: 'signed', signed, rev: current.rev + 1 },
    { expect: { rev: current.rev } },
  )
  // Revised meanwhile: the person agreed to something else than what is now written.
  if (!saved) throw new AppError('AGREEMENT.CHANGED')
  await recordAudit(deps.store, at, who, { action: 'agreement.sign', subject: id, result: 'ok' })
  return { agreement: toView(saved, person, shanghaiDate(at)) }
}

/**
 * A follow-up delivers agreed services: tick the named items (inside the follow-up's own
 * transaction). Unknown, already done or unsigned → the follow-up is refused, nothing written.
 */
export const tickAgreementItems = async (
  tx: Store,
  personId: string,
  itemIds: string[],
  recordId: string,
  actor: string,
  now: string,
): Promise<AgreementRecord['items']> => {
  if (!itemIds.length) return []
  const current = await tx.get(agreements, agreementId(personId))
  if (!current) throw new AppError('AGREEMENT.NOT_FOUND')
  if (current.status !== 'signed') throw new AppError('AGREEMENT.NOT_SIGNED')
  const open = new Set(current.items.filter((i) => !i.doneAt).map((i) => i.id))
  const unknown = itemIds.filter((i) => !open.has(i))
  if (unknown.length)
    throw new AppError('REQUEST.INVALID', {
      issues: [{ field: 'agreementItems', message: '所选协议事项不存在或已完成，请刷新' }],
    })
  const items = current.items.map((i) =>
    itemIds.includes(i.id) ? { ...i, doneAt: now, doneBy: actor, recordId } : i,
  )
  const saved = await tx.update(
    agreements,
    current.id,
    { items, updatedAt: now, rev: current.rev + 1 },
    { expect: { rev: current.rev } },
  )
  if (!saved) throw new AppError('AGREEMENT.CHANGED')
  return current.items.filter((i) => itemIds.includes(i.id))
}
