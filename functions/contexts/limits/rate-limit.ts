import { createHash } from 'node:crypto'
import { AppError } from '../../../shared/errors'
import { rateLimits } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'
import { removeBefore } from '../../store/scan'

/**
 * Fixed-window request limits kept in the store, so every function instance counts the same
 * window: one atomic increment per request and limit. Keys (an account, a source address) are
 * hashed: the store never holds an address.
 */
export interface RateLimit {
  /** What is limited: 'login', 'objection', … (part of the counter's id). */
  bucket: string
  /** Counted per calling account or per source address. */
  per: 'account' | 'source'
  max: number
  windowSeconds: number
}

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 24)

/** Count one request against the limit; 429 with Retry-After once it is spent. */
export const spend = async (store: Store, limit: RateLimit, key: string, at: Date): Promise<void> => {
  const span = limit.windowSeconds * 1000
  const start = Math.floor(at.getTime() / span) * span
  const id = `${limit.bucket}:${limit.per}:${keyHash(key)}:${start}`
  let counted = await store.increment(rateLimits, id, 'n', 1)
  if (!counted) {
    try {
      counted = await store.insert(rateLimits, { id, n: 1, windowEnds: new Date(start + span).toISOString() })
    } catch (err) {
      if (!(err instanceof DuplicateKeyError)) throw err
      counted = await store.increment(rateLimits, id, 'n', 1)
    }
  }
  if (counted && counted.n > limit.max) {
    throw new AppError('REQUEST.TOO_MANY', {
      retryAfterSeconds: Math.max(1, Math.ceil((start + span - at.getTime()) / 1000)),
    })
  }
}

/** Windows that have ended, removed by the nightly housekeeping. */
export const dropEndedWindows = (store: Store, at: Date): Promise<number> =>
  removeBefore(store, rateLimits, 'windowEnds', at.toISOString())

const HOUR = 3600

/**
 * The limits routes declare. Per account they stop one person flooding (an inbox with
 * objections, the registry with applications, the disk with files); per source they stop one
 * machine using many accounts (a source address may be a whole office behind NAT: generous).
 */
export const LIMITS = {
  login: [{ bucket: 'login', per: 'source', max: 60, windowSeconds: 60 }],
  objection: [
    { bucket: 'objection', per: 'account', max: 5, windowSeconds: HOUR },
    { bucket: 'objection', per: 'source', max: 30, windowSeconds: HOUR },
  ],
  submission: [
    { bucket: 'submit', per: 'account', max: 20, windowSeconds: HOUR },
    { bucket: 'submit', per: 'source', max: 300, windowSeconds: HOUR },
  ],
  bindRequest: [{ bucket: 'bind-request', per: 'account', max: 5, windowSeconds: HOUR }],
  upload: [
    { bucket: 'upload', per: 'account', max: 40, windowSeconds: HOUR },
    { bucket: 'upload', per: 'source', max: 400, windowSeconds: HOUR },
  ],
} as const satisfies Record<string, readonly RateLimit[]>
