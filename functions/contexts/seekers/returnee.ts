import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { ReturneeInput } from '../../../shared/jobs/seeker'
import type { PersonView } from '../../../shared/people/person'
import { piiCipher } from '../../platform/pii-crypto'
import type { Deps } from '../../runtime/deps'
import { type PersonRecord, persons } from '../../store/collections'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { claimsPatch, history, notInFuture } from '../people/key-groups'
import { findMyPerson } from '../people/me'
import { staffCanSee } from '../people/person-access'
import { toPersonView } from '../people/person-mapper'
import { changePerson } from '../people/update-person'

/**
 * 返乡登记: a migrant worker back home says where they worked, when they came back, what they
 * can do and whether they want work here. From the resident it declares the key group
 * `returning_migrant`, waiting for the coordinator's confirmation; from a coordinator on a visit
 * it is confirmed at once (they met the person). Their skills join the profile matching reads,
 * and returnees are the first audience of job pushes.
 */
export const registerReturnee = async (
  deps: Deps,
  who: Identity,
  personId: string | null,
  input: ReturneeInput,
): Promise<PersonView> => {
  const target = personId === null ? await findMyPerson(deps, who) : await deps.store.get(persons, personId)
  if (!target) throw new AppError(personId === null ? 'PERSON.NOT_REGISTERED' : 'PERSON.NOT_FOUND')
  const byStaff = personId !== null
  if (byStaff && !staffCanSee(who, target)) throw new AppError('PERSON.NOT_FOUND')
  notInFuture(deps, input.returnedAt, 'returnedAt')
  const at = deps.clock.now()
  const now = at.toISOString()
  const by = byStaff ? actorLabel(who) : '本人'

  const saved = await changePerson(deps.store, target.id, (p: PersonRecord) => {
    const held = p.keyGroups.some((g) => g.group === 'returning_migrant')
    const claims = p.keyGroupClaims ?? []
    const claimed = claims.some((c) => c.group === 'returning_migrant')
    const note = `原务工地：${input.lastWorkplace}`
    const group: Partial<PersonRecord> = held
      ? {}
      : byStaff
        ? {
            keyGroups: [
              ...p.keyGroups,
              {
                group: 'returning_migrant',
                since: input.returnedAt,
                source: `staff:${who.openid}`,
                reason: '走访返乡登记',
                evidence: null,
              },
            ],
            ...claimsPatch(claims.filter((c) => c.group !== 'returning_migrant')),
            keyGroupHistory: history(p, {
              at: now,
              group: 'returning_migrant',
              action: 'added',
              date: input.returnedAt,
              reason: `走访返乡登记，${note}`,
              by,
              evidence: null,
            }),
          }
        : claimed
          ? {}
          : {
              ...claimsPatch([
                ...claims,
                { group: 'returning_migrant', since: input.returnedAt, note, at: now },
              ]),
              keyGroupHistory: history(p, {
                at: now,
                group: 'returning_migrant',
                action: 'declared',
                date: input.returnedAt,
                reason: note,
                by,
                evidence: null,
              }),
            }
    const skills = [...new Set([...p.skills, ...input.skills])].slice(0, 20)
    return {
      ...group,
      returnee: {
        ...input,
        // The first registration is the one the Spring Festival count dates from.
        registeredAt: p.returnee?.registeredAt ?? now,
        registeredBy: by,
      },
      returnedAt: input.returnedAt,
      skills,
      updatedAt: now,
    }
  })
  await recordAudit(deps.store, at, who, {
    action: byStaff ? 'person.returnee.visit' : 'person.returnee.register',
    subject: target.id,
    result: 'ok',
  })
  return toPersonView(saved, piiCipher(deps.env))
}

/** The resident's own switch for job pushes. */
export const setJobPush = async (deps: Deps, who: Identity, jobPush: 'on' | 'off'): Promise<PersonView> => {
  const me = await findMyPerson(deps, who)
  if (!me) throw new AppError('PERSON.NOT_REGISTERED')
  const now = deps.clock.now().toISOString()
  const saved = await changePerson(deps.store, me.id, (p) =>
    p.jobPush === jobPush ? null : { jobPush, updatedAt: now },
  )
  return toPersonView(saved, piiCipher(deps.env))
}
