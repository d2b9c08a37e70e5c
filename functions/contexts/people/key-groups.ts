import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import {
  type DeclarableGroup,
  KEY_GROUPS,
  type KeyGroup,
  type PersonView,
} from '../../../shared/people/person'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { piiCipher } from '../../platform/pii-crypto'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { files, type KeyGroupChange, type PersonRecord, persons } from '../../store/collections'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { inboxNotifier } from '../inbox/notifier'
import { regionLabel } from '../regions/region-directory'
import { staffPersonView } from './get-person'
import { findMyPerson } from './me'
import { staffCanSee } from './person-access'
import { toPersonView } from './person-mapper'
import { changePerson } from './update-person'

/**
 * The six key groups (重点群体) as the registry holds them. Staff in scope add or end a group
 * with a date, a reason and optional evidence; a resident may declare 高校毕业生, 复员转业退役军人
 * or 返乡农民工, which waits for a coordinator. Every change lands in the person's history and
 * the audit log; eligibility is only as good as these facts.
 */

const inScope = async (deps: Deps, who: Identity, personId: string): Promise<PersonRecord> => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) {
    await recordAudit(deps.store, deps.clock.now(), who, {
      action: 'person.key-group',
      subject: personId,
      result: 'refused',
    })
    throw new AppError('PERSON.NOT_FOUND')
  }
  return person
}

export const history = (p: PersonRecord, change: KeyGroupChange) => [...(p.keyGroupHistory ?? []), change]

/** A group is held from a day that has come: a date in the future is a typing slip. */
export const notInFuture = (deps: Deps, date: string, field: string) => {
  if (date > shanghaiDate(deps.clock.now())) {
    throw new AppError('REQUEST.INVALID', {
      message: `请求参数有误：${field}`,
      issues: [{ field, message: '日期不能晚于今天' }],
    })
  }
}

export const claimsPatch = (claims: NonNullable<PersonRecord['keyGroupClaims']>) => ({
  keyGroupClaims: claims,
  claimsPending: claims.length > 0,
})

const view = (deps: Deps, p: PersonRecord): PersonView => toPersonView(p, piiCipher(deps.env))

/** Staff add a key group to a person (认定), confirming any pending declaration of it. */
export const addKeyGroup = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: { group: KeyGroup; since: string; reason: string; evidence?: string },
): Promise<PersonView> => {
  await inScope(deps, who, personId)
  notInFuture(deps, input.since, 'since')
  if (input.evidence) {
    const file = await deps.store.get(files, input.evidence)
    if (!file || file.personId !== personId) {
      throw new AppError('REQUEST.INVALID', {
        message: '请求参数有误：evidence',
        issues: [{ field: 'evidence', message: '证明材料不存在或不属于该人员' }],
      })
    }
  }
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await changePerson(deps.store, personId, (p) => {
    if (p.keyGroups.some((g) => g.group === input.group)) throw new AppError('KEY_GROUP.ALREADY_HELD')
    return {
      keyGroups: [
        ...p.keyGroups,
        {
          group: input.group,
          since: input.since,
          source: `staff:${who.openid}`,
          reason: input.reason,
          evidence: input.evidence ?? null,
        },
      ],
      ...claimsPatch((p.keyGroupClaims ?? []).filter((c) => c.group !== input.group)),
      keyGroupHistory: history(p, {
        at: now,
        group: input.group,
        action: 'added',
        date: input.since,
        reason: input.reason,
        by: actorLabel(who),
        evidence: input.evidence ?? null,
      }),
      updatedAt: now,
    }
  })
  await recordAudit(deps.store, at, who, {
    action: 'person.key-group.add',
    subject: personId,
    result: 'ok',
    detail: { group: input.group },
  })
  return staffPersonView(deps, saved)
}

/** Staff end a key group (no longer unemployed, left the list), with the date and reason. */
export const endKeyGroup = async (
  deps: Deps,
  who: Identity,
  personId: string,
  group: KeyGroup,
  input: { date: string; reason: string },
): Promise<PersonView> => {
  await inScope(deps, who, personId)
  notInFuture(deps, input.date, 'date')
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await changePerson(deps.store, personId, (p) => {
    if (!p.keyGroups.some((g) => g.group === group)) throw new AppError('KEY_GROUP.NOT_HELD')
    return {
      keyGroups: p.keyGroups.filter((g) => g.group !== group),
      keyGroupHistory: history(p, {
        at: now,
        group,
        action: 'ended',
        date: input.date,
        reason: input.reason,
        by: actorLabel(who),
        evidence: null,
      }),
      updatedAt: now,
    }
  })
  await recordAudit(deps.store, at, who, {
    action: 'person.key-group.end',
    subject: personId,
    result: 'ok',
    detail: { group },
  })
  return staffPersonView(deps, saved)
}

/** A resident declares a group about themselves; it stays pending until a coordinator decides. */
export const declareKeyGroup = async (
  deps: Deps,
  who: Identity,
  input: { group: DeclarableGroup; since: string; note?: string },
): Promise<PersonView> => {
  const me = await findMyPerson(deps, who)
  if (!me) throw new AppError('PERSON.NOT_REGISTERED')
  notInFuture(deps, input.since, 'since')
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await changePerson(deps.store, me.id, (p) => {
    if (p.keyGroups.some((g) => g.group === input.group)) throw new AppError('KEY_GROUP.ALREADY_HELD')
    const claims = p.keyGroupClaims ?? []
    if (claims.some((c) => c.group === input.group)) return null // a retried declaration: already pending
    return {
      ...claimsPatch([
        ...claims,
        { group: input.group, since: input.since, note: input.note ?? null, at: now },
      ]),
      keyGroupHistory: history(p, {
        at: now,
        group: input.group,
        action: 'declared',
        date: input.since,
        reason: input.note ?? null,
        by: '本人',
        evidence: null,
      }),
      updatedAt: now,
    }
  })
  await recordAudit(deps.store, at, who, {
    action: 'person.key-group.declare',
    subject: me.id,
    result: 'ok',
    detail: { group: input.group },
  })
  return view(deps, saved)
}

/** A coordinator confirms or rejects a resident's declaration; the resident is told either way. */
export const decideKeyGroupClaim = async (
  deps: Deps,
  who: Identity,
  personId: string,
  group: KeyGroup,
  input: { decision: 'confirm' | 'reject'; reason?: string },
): Promise<PersonView> => {
  await inScope(deps, who, personId)
  const at = deps.clock.now()
  const now = at.toISOString()
  const saved = await changePerson(deps.store, personId, (p) => {
    const claim = (p.keyGroupClaims ?? []).find((c) => c.group === group)
    if (!claim) throw new AppError('KEY_GROUP.CLAIM_NOT_FOUND')
    const rest = (p.keyGroupClaims ?? []).filter((c) => c.group !== group)
    const confirm = input.decision === 'confirm'
    return {
      ...(confirm && !p.keyGroups.some((g) => g.group === group)
        ? {
            keyGroups: [
              ...p.keyGroups,
              {
                group,
                since: claim.since,
                source: 'declared',
                reason: input.reason ?? claim.note ?? '本人申报，经社区核实',
              },
            ],
          }
        : {}),
      ...claimsPatch(rest),
      keyGroupHistory: history(p, {
        at: now,
        group,
        action: confirm ? 'confirmed' : 'rejected',
        date: now.slice(0, 10),
        reason: input.reason ?? null,
        by: actorLabel(who),
        evidence: null,
      }),
      updatedAt: now,
    }
  })
  await recordAudit(deps.store, at, who, {
    action: `person.key-group.${input.decision}`,
    subject: personId,
    result: 'ok',
    detail: { group },
  })
  await inboxNotifier(deps.store).notify(
    `psn:${personId}`,
    input.decision === 'confirm'
      ? { title: `您申报的${KEY_GROUPS[group]}身份已确认`, body: '可在“政策”中查看您可以享受的政策。' }
      : { title: `您申报的${KEY_GROUPS[group]}身份未获确认`, body: input.reason ?? '' },
    at,
  )
  return staffPersonView(deps, saved)
}

/** Declarations waiting for the caller (coordinator: their community; officers: their region). */
export const listKeyGroupClaims = async (deps: Deps, who: Identity, cursor?: string) => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  const page = await deps.store.find(persons, {
    where: [
      { field: 'claimsPending', op: 'eq', value: true },
      { field: 'community', op: 'prefix', value: who.region },
    ],
    orderBy: [{ field: 'community', dir: 'asc' }],
    limit: 20,
    cursor,
  })
  return {
    items: page.items
      .filter((p) => isWithinRegion(p.community, who.region!))
      .flatMap((p) =>
        (p.keyGroupClaims ?? []).map((c) => ({
          personId: p.id,
          name: p.name,
          idNumber: p.idNumberMasked,
          community: p.community,
          communityName: regionLabel(p.community),
          group: c.group,
          label: KEY_GROUPS[c.group],
          since: c.since,
          note: c.note,
          at: c.at,
        })),
      ),
    nextCursor: page.nextCursor,
  }
}
