import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Env } from './env'

/**
 * Personal data at rest: AES-256-GCM for values we must read back (ID numbers, phones), and a
 * keyed hash (HMAC-SHA256) for the ones we must find or keep unique without decrypting.
 * Both keys derive from PII_KEY (32 random bytes, base64) via HKDF, so one secret rotates both.
 */
export interface PiiCipher {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  /** Stable, keyed, one-way: equal inputs give equal hashes; nothing can be read back. */
  lookupHash(kind: string, value: string): string
}

export const createPiiCipher = (masterKey: Buffer): PiiCipher => {
  if (masterKey.length !== 32) throw new Error('PII_KEY must be 32 bytes (base64)')
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pes/pii/encrypt', 32))
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pes/pii/lookup', 32))
  return {
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.')
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value')
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      )
    },
    lookupHash(kind, value) {
      return createHmac('sha256', macKey).update(`${kind}:${value}`).digest('base64url')
    },
  }
}

let cached: { source: string; cipher: PiiCipher } | undefined

/**
 * PII_KEY when set (required outside the embedded mode). The embedded demo keeps a random key
 * in its data folder, so the demo's data stays readable across restarts.
 */
export const piiCipher = (env: Env): PiiCipher => {
  const source = env.PII_KEY ? 'env' : resolve(env.DATA_DIR)
  if (cached?.source === source) return cached.cipher
  let key = env.PII_KEY
  if (!key) {
    if (!env.embedded) throw new Error('PII_KEY is required')
    const file = join(source, 'pii-key')
    if (!existsSync(file)) {
      mkdirSync(source, { recursive: true })
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 })
    }
    key = readFileSync(file, 'utf8').trim()
  }
  cached = { source, cipher: createPiiCipher(Buffer.from(key, 'base64')) }
  return cached.cipher
}
