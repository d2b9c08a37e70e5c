import { AppError } from '../../../shared/errors'
import { type PersonRecord, persons } from '../../store/collections'
import type { Store } from '../../store/port'

/**
 * Read-modify-write of a person record that never loses a concurrent change: the write is a
 * compare-and-set on `rev`, retried on a fresh read when someone else wrote first. PGlite runs
 * one transaction at a time and hides lost updates; a PostgreSQL server does not.
 *
 * `change` returns the patch to apply, or null when there is nothing to do (the record is
 * returned as it is). It may throw an AppError to refuse.
 */
export const changePerson = async (
  store: Store,
  id: string,
  change: (current: PersonRecord) => Partial<PersonRecord> | null,
  tries = 10,
): Promise<PersonRecord> => {
  for (let i = 0; i < tries; i++) {
    const current = await store.get(persons, id)
    if (!current) throw new AppError('PERSON.NOT_FOUND')
    const patch = change(current)
    if (!patch) return current
    const rev = current.rev ?? 0
    const saved = await store.update(
      persons,
      id,
      { ...patch, rev: rev + 1 },
      { expect: { rev: current.rev ?? null } },
    )
    if (saved) return saved
  }
  throw new AppError('STORE.CONFLICT')
}
