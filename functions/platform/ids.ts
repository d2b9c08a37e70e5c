import { randomBytes } from 'node:crypto'

/** Time-ordered unique ids: base36 milliseconds then random hex, e.g. `au_mhx2k3p1_3fa9c07b12`. */
export const newId = (prefix: string, at: Date): string =>
  `${prefix}_${at.getTime().toString(36).padStart(9, '0')}_${randomBytes(5).toString('hex')}`
