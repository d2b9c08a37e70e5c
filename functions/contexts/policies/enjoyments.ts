import { APPLICATION_TYPES } from '../../../shared/applications/application-types'
import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { PersonView } from '../../../shared/people/person'
import { spansOverlap, spanText } from '../../../shared/policies/policy'
import { newId } from '../../platform/ids'
import { piiCipher } from '../../platform/pii-crypto'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type ApplicationRecord, type EnjoymentRecord, persons, policies } from '../../store/collections'
import type { Store } from '../../store/port'
import { recordAudit } from '../audit/record-audit'
import { staffCanSee } from '../people/person-access'
import { toPersonView } from '../people/person-mapper'
import { changePerson } from '../people/update-person'
import { spanForPolicy } from './catalogue'
import { markReach } from './policy-reach'

/**
 * What a person enjoys (享受政策情况, one of the five clears) is the coordinator's record, never
 * the resident's: it comes from approved applications and from staff entries (a subsidy paid
 * outside the system, or before it existed).
 */

/** The benefit an approved application grants, or null for a certification. */
export const enjoymentFromApproval = async (
  store: Store,
  app: ApplicationRecord,
  at: Date,
): Promise<EnjoymentRecord | null> => {
  const policy = app.policyId ? await store.get(policies, app.policyId) : null
  const span = spanForPolicy(policy ?? undefined, app.type, app.data, shanghaiDate(at))
  if (!span) return null
  return {
    id: `enj_${app.id}`,
    policyId: app.policyId ?? null,
    applicationType: app.type,
    label: policy?.title ?? APPLICATION_TYPES[app.type].label,
    from: span.from,
    to: span.to,
    source: `application:${app.id}`,
    at: at.toISOString(),
  }
}

export const recordEnjoyment = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: { policyId: string; from: string; to: string | null; note: string },
): Promise<PersonView> => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const policy = await deps.store.get(policies, input.policyId)
  if (!policy || policy.status === 'draft') {
    throw new AppError('REQUEST.INVALID', {
      message: '请求参数有误：policyId',
      issues: [{ field: 'policyId', message: '没有这项已发布的政策' }],
    })
  }
  const at = deps.clock.now()
  const entry: EnjoymentRecord = {
    id: newId('enj', at),
    policyId: policy.id,
    applicationType: policy.applicationType,
    label: policy.title,
    from: input.from,
    to: input.to,
    source: `staff:${who.openid}`,
    note: input.note,
    at: at.toISOString(),
  }
  const saved = await changePerson(deps.store, personId, (p) => {
    const clash = (p.enjoyments ?? []).find((e) => e.policyId === policy.id && spansOverlap(e, entry))
    if (clash) {
      throw new AppError('APPLICATION.SUBSIDY_OVERLAP', {
        message: `该人员 ${spanText(clash)} 已登记享受「${clash.label}」，月份重叠`,
      })
    }
    return { enjoyments: [...(p.enjoyments ?? []), entry], updatedAt: at.toISOString() }
  })
  await markReach(deps.store, [policy.id], personId, 'enjoyingAt', at)
  await recordAudit(deps.store, at, who, {
    action: 'person.enjoyment.add',
    subject: personId,
    result: 'ok',
    detail: { policyId: policy.id },
  })
  return toPersonView(saved, piiCipher(deps.env))
}
