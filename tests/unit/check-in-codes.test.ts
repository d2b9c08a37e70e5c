import { checkInCode } from '../../functions/contexts/sessions/bookings'

const session = { codeSalt: 1234, codeKey: '5f1c0e7a9b2d4c6e8f0a1b2c3d4e5f60' }

it('gives every booking of a session its own 6-digit code', () => {
  const codes = Array.from({ length: 20_000 }, (_, i) => checkInCode(session, i + 1))
  expect(codes.every((c) => /^[1-9]\d{5}$/.test(c))).toBe(true)
  expect(new Set(codes).size).toBe(codes.length)
})

it('does not let one code, or two, tell a third: no fixed step between bookings', () => {
  const steps = new Set(
    Array.from(
      { length: 50 },
      (_, i) => Number(checkInCode(session, i + 2)) - Number(checkInCode(session, i + 1)),
    ),
  )
  expect(steps.size).toBeGreaterThan(45)
  // Another session's key shuffles the same numbers differently.
  const other = { ...session, codeKey: '0123456789abcdef0123456789abcdef' }
  expect(checkInCode(other, 1)).not.toBe(checkInCode(session, 1))
})

it('keeps the former codes of sessions published before codes were keyed', () => {
  expect(checkInCode({ codeSalt: 1234 }, 3)).toBe(String(100_000 + ((3 * 7919 + 1234) % 900_000)))
})
