import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { periodOf } from '../../../shared/followups/followup'
import type { PersonExitInput, PersonView } from '../../../shared/people/person'
import { EXIT_REASONS } from '../../../shared/people/person'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { followupTasks, persons } from '../../store/collections'
import { findAll } from '../../store/scan'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { closeCasesOnExit } from '../placement/placement-cases'
import { staffPersonView } from './get-person'
import { staffCanSee } from './person-access'

/**
 * A person leaves follow-up — retired, moved away, deceased, out of the labour market — from the
 * date staff record. No task is created for a month from then on, and the open tasks of those
 * months are set aside as exempt: not done, not missed, no deduction. Recording it again with
 * another reason or date corrects it.
 */
export const recordPersonExit = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: PersonExitInput,
): Promise<PersonView> => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const at = deps.clock.now()
  if (input.date > shanghaiDate(at))
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'date', message: '退出日期不能晚于今天' }] })
  const now = at.toISOString()
  const exit = { reason: input.reason, date: input.date, note: input.note, by: actorLabel(who), at: now }
  const saved = await deps.store.update(
    persons,
    personId,
    { exit, rev: (person.rev ?? 0) + 1, updatedAt: now },
    { expect: { rev: person.rev ?? null } },
  )
  if (!saved) throw new AppError('STORE.CONFLICT')
  const from = input.date.slice(0, 7)
  const open = await findAll(deps.store, followupTasks, {
    where: [
      { field: 'personId', op: 'eq', value: personId },
      { field: 'status', op: 'eq', value: 'open' },
    ],
    orderBy: [],
  })
  for (const t of open.filter((t) => t.period >= from))
    await deps.store.update(followupTasks, t.id, { status: 'exempt' }, { expect: { status: 'open' } })
  await closeCasesOnExit(deps, saved, `退出跟踪：${EXIT_REASONS[input.reason]}`, now)
  await recordAudit(deps.store, at, who, {
    action: 'person.exit',
    subject: personId,
    result: 'ok',
    detail: { reason: input.reason, date: input.date },
  })
  return staffPersonView(deps, saved)
}

/** Whether a person is still followed in `period` ('YYYY-MM'). */
export const followedIn = (p: { exit?: { date: string } | null }, period: string): boolean =>
  !p.exit || periodOf(new Date(`${p.exit.date}T00:00:00+08:00`)) > period
