import { MESSAGE_ID } from '../../functions/contexts/inbox/notifier'
import { pushIdOf } from '../../functions/contexts/seekers/job-push'

/**
 * A day's push row is fixed by (day, seeker), so a page redone after a crash adds nothing; its
 * id follows the registry's order within the day, so the day's rows go in at the end of the
 * primary key in order; and the inbox must accept it when the seeker marks it read.
 */
it('gives one id per day and seeker, in registry order within the day, that the inbox accepts', () => {
  const people = ['psn_0mi4a2b3c_0a1b2c3d4e', 'psn_0mi4a2b3d_00ff00ff00', 'psn_t0000001', 'psn_t0000002']
  const day1 = people.map((p) => pushIdOf('2026-12-01', p))
  expect(people.map((p) => pushIdOf('2026-12-01', p))).toEqual(day1)
  expect(new Set([...day1, ...people.map((p) => pushIdOf('2026-12-02', p))]).size).toBe(8)
  // The registry read in id order gives the day's ids in order.
  const inRegistryOrder = [...people].sort().map((p) => pushIdOf('2026-12-01', p))
  expect(inRegistryOrder).toEqual([...inRegistryOrder].sort())
  expect(pushIdOf('2026-12-01', people[0]!) < pushIdOf('2026-12-02', people[0]!)).toBe(true)
  for (const id of day1) expect(id).toMatch(MESSAGE_ID)
})

it('still gives an id the inbox accepts for a person id outside the message id alphabet', () => {
  const odd = ['psn_ABC-def', 'psn_这是什么', `psn_${'a'.repeat(60)}`]
  const ids = odd.map((p) => pushIdOf('2026-12-01', p))
  for (const id of ids) expect(id).toMatch(MESSAGE_ID)
  expect(new Set(ids).size).toBe(3)
  expect(pushIdOf('2026-12-01', odd[0]!)).toBe(ids[0])
})
