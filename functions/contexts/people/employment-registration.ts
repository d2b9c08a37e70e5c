import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { EmploymentRegistrationInput, PersonView } from '../../../shared/people/person'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type PersonRecord, persons } from '../../store/collections'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { openCaseOf, placeInCase } from '../placement/placement-cases'
import { staffPersonView } from './get-person'
import { staffCanSee } from './person-access'
import { changePerson } from './update-person'

/**
 * 就业登记 (Hai'an 2021 §三1–2: when a registered-unemployed or difficulty person finds work, guide
 * them through employment registration). Recorded by staff in scope, it:
 * - sets the employment status the follow-up cadence reads (flexible work → 灵活就业, else 稳定就业);
 * - ends the unemployment registration: the 登记失业人员 group ends on that date, in the history;
 *   the certificate number stays the person's, so a later re-registration keeps it;
 * - closes an open placement case the person is in (the employment is the placement).
 * Recording it again corrects it (same effect, the latest wins).
 */
export const recordEmploymentRegistration = async (
  deps: Deps,
  who: Identity,
  personId: string,
  input: EmploymentRegistrationInput,
): Promise<PersonView> => {
  const person = await deps.store.get(persons, personId)
  if (!person || !staffCanSee(who, person)) throw new AppError('PERSON.NOT_FOUND')
  const at = deps.clock.now()
  if (input.date > shanghaiDate(at))
    throw new AppError('REQUEST.INVALID', { issues: [{ field: 'date', message: '就业日期不能晚于今天' }] })
  const now = at.toISOString()
  const by = actorLabel(who)
  const post = input.post || (input.kind === 'self_employed' ? '自主创业' : '')

  // Looked up before the transaction, which can't query; placeInCase re-reads it by id.
  const open = await openCaseOf(deps.store, person)
  const saved = await deps.store.transaction(async (tx) => {
    if (open)
      await placeInCase(
        tx,
        open,
        {
          personId,
          employer: input.employer,
          post: post || '就业登记',
          startedOn: input.date,
          note: '就业登记',
          publicWelfare: input.kind === 'welfare_post',
        },
        by,
        now,
      )
    return changePerson(tx, personId, (p): Partial<PersonRecord> => {
      const registered = p.keyGroups.some((g) => g.group === 'registered_unemployed')
      return {
        employmentStatus: input.kind === 'flexible' ? 'flexible' : 'stable',
        employmentSince: input.date,
        reportedEmployment: null,
        employmentRegistration: {
          employer: input.employer,
          date: input.date,
          kind: input.kind,
          post,
          note: input.note,
          by,
          at: now,
        },
        ...(registered
          ? {
              keyGroups: p.keyGroups.filter((g) => g.group !== 'registered_unemployed'),
              keyGroupHistory: [
                ...(p.keyGroupHistory ?? []),
                {
                  at: now,
                  group: 'registered_unemployed' as const,
                  action: 'ended' as const,
                  date: input.date,
                  reason: `就业登记：${input.employer}`,
                  by,
                  evidence: null,
                },
              ],
            }
          : {}),
        ...(p.registration && registered ? { registration: { ...p.registration, endedAt: input.date } } : {}),
        updatedAt: now,
      }
    })
  })
  await recordAudit(deps.store, at, who, {
    action: 'person.employment-registration',
    subject: personId,
    result: 'ok',
    detail: { kind: input.kind },
  })
  return staffPersonView(deps, saved)
}
