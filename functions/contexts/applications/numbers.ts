import { counters } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'

/**
 * Unified numbers for registration certificates and assistance cards (统一编号).
 *
 * Registration certificate (就业失业登记证): county code (6) + year (4) + sequence (6),
 *   e.g. 3206212026000123 — the 123rd registration in county 320621 in 2026.
 * Assistance card (就业援助卡): county code (6) + year (4) + sequence (6) + check character,
 *   e.g. 3206212026000045X. The check character is ISO 7064 MOD 11-2 over the 16 digits (the
 *   scheme of resident ID numbers), so a mistyped card number is caught at the counter.
 * Sequences restart every year per county and come from an atomic counter, so numbers are
 * unique even when several reviews approve at the same moment.
 */
export const mod11_2 = (digits: string): string => {
  if (!/^\d+$/.test(digits)) throw new Error('digits only')
  let p = 0
  for (const d of digits) p = ((p + Number(d)) * 2) % 11
  const check = (12 - p) % 11
  return check === 10 ? 'X' : String(check)
}

export const isValidCardNumber = (n: string): boolean =>
  /^\d{16}[\dX]$/.test(n) && mod11_2(n.slice(0, 16)) === n.slice(16)

const nextInSequence = async (store: Store, key: string): Promise<number> => {
  for (let attempt = 0; attempt < 2; attempt++) {
    const bumped = await store.increment(counters, key, 'n', 1)
    if (bumped) return bumped.n
    // First number of the year: create the counter (someone else may just have), then bump.
    await store.insert(counters, { id: key, n: 0 }).catch((err) => {
      if (!(err instanceof DuplicateKeyError)) throw err
    })
  }
  throw new Error(`counter ${key} could not be advanced`)
}

const shanghaiYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear()

export const nextCertificateNo = async (store: Store, county: string, at: Date): Promise<string> => {
  const year = shanghaiYear(at)
  const n = await nextInSequence(store, `registration:${county}:${year}`)
  return `${county}${year}${String(n).padStart(6, '0')}`
}

export const nextCardNumber = async (store: Store, county: string, at: Date): Promise<string> => {
  const year = shanghaiYear(at)
  const n = await nextInSequence(store, `card:${county}:${year}`)
  const digits = `${county}${year}${String(n).padStart(6, '0')}`
  return digits + mod11_2(digits)
}
