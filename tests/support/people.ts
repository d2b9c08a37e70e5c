/**
 * Made-up but valid resident ID numbers for tests (GB 11643 check character computed here), so
 * no real person's number is ever in the repository.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export const withCheckChar = (first17: string): string => {
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0)
  return first17 + CHECK[sum % 11]
}

let serial = 100
/** A valid ID number born on `birth` (YYYYMMDD) in Hai'an; odd serial = male. */
export const anIdNumber = (birth = '19850612', male = true): string => {
  serial += 2
  const seq = String(male ? serial + 1 : serial)
    .padStart(3, '0')
    .slice(-3)
  return withCheckChar(`320621${birth}${seq}`)
}

export const aResident = (over: Record<string, unknown> = {}) => ({
  name: '张晓明',
  idNumber: anIdNumber(),
  phone: '13912345678',
  community: '320621100001',
  employmentStatus: 'unemployed',
  employmentSince: '2026-09-01',
  skills: ['叉车', '电工'],
  jobWishes: { occupations: ['仓管'], places: ['海安镇'], expectedPay: 5000 },
  family: { householdSize: 3, situation: null },
  ...over,
})
