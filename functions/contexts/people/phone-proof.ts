import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import type { Deps } from '../../runtime/deps'
import { phoneCodes } from '../../store/collections'
import type { Store } from '../../store/port'
import { removeBefore } from '../../store/scan'
import { spend } from '../limits/rate-limit'

/**
 * One-time codes that prove the caller holds a phone: six digits, ten minutes, five tries, a
 * new one no sooner than a minute after the last and at most five an hour per account. Only a
 * hash of the code is stored, bound to the ID number and phone it was sent for.
 */
const TTL_MS = 10 * 60_000
const RESEND_MS = 60_000
const MAX_TRIES = 5

const hashOf = (account: string, code: string) =>
  createHash('sha256').update(`${account}|${code}`).digest('hex')

export const CODE_TTL_SECONDS = TTL_MS / 1000

/**
 * Send a code to `phone` (or, with `phone` null, send nothing while recording a code no one
 * holds): the caller's reply is the same either way, so it never tells whether anything was sent.
 */
export const sendPhoneCode = async (
  deps: Deps,
  who: Identity,
  target: { idHash: string; phoneHash: string; phone: string | null },
): Promise<void> => {
  const account = `wx:${who.openid}`
  const at = deps.clock.now()
  const previous = await deps.store.get(phoneCodes, account)
  if (previous && at.getTime() - Date.parse(previous.sentAt) < RESEND_MS) {
    const wait = Math.ceil((Date.parse(previous.sentAt) + RESEND_MS - at.getTime()) / 1000)
    throw new AppError('REQUEST.TOO_MANY', {
      message: `验证码已发送，请 ${wait} 秒后再重新获取`,
      retryAfterSeconds: wait,
    })
  }
  await spend(deps.store, { bucket: 'sms', per: 'account', max: 5, windowSeconds: 3600 }, who.openid, at)
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const record = {
    id: account,
    idHash: target.idHash,
    phoneHash: target.phoneHash,
    codeHash: hashOf(account, code),
    sentAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + TTL_MS).toISOString(),
    attempts: 0,
    sends: (previous?.sends ?? 0) + 1,
  }
  if (previous) await deps.store.update(phoneCodes, account, record)
  else
    await deps.store.insert(phoneCodes, record).catch(async (err) => {
      if ((err as Error).name !== 'DuplicateKeyError') throw err
      await deps.store.update(phoneCodes, account, record)
    })
  if (target.phone && deps.sms) {
    await deps.sms.send(
      target.phone,
      `【海安就业服务】验证码 ${code}，用于绑定本人实名信息，10 分钟内有效。如非本人操作，请忽略并告知社区。`,
    )
  }
}

/**
 * Whether `code` is the one sent for this ID number and phone. Each try counts first (an atomic
 * increment), so parallel guesses can't exceed the five.
 */
export const checkPhoneCode = async (
  deps: Deps,
  who: Identity,
  expected: { idHash: string; phoneHash: string },
  code: string,
): Promise<boolean> => {
  const account = `wx:${who.openid}`
  const at = deps.clock.now()
  const record = await deps.store.increment(phoneCodes, account, 'attempts', 1, { max: MAX_TRIES })
  if (!record || record.expiresAt <= at.toISOString()) return false
  if (record.idHash !== expected.idHash || record.phoneHash !== expected.phoneHash) return false
  const a = Buffer.from(record.codeHash, 'hex')
  const b = Buffer.from(hashOf(account, code), 'hex')
  // Left in place until it expires: a retried or concurrent save with the same code must reach
  // the same record (the second finds it bound), not fail as a wrong code.
  return timingSafeEqual(a, b)
}

/** Expired codes, removed by the nightly housekeeping. */
export const dropExpiredCodes = (store: Store, at: Date): Promise<number> =>
  removeBefore(store, phoneCodes, 'expiresAt', at.toISOString())
