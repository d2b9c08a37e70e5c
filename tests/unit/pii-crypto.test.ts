import { randomBytes } from 'node:crypto'
import { createPiiCipher } from '../../functions/platform/pii-crypto'

const cipher = createPiiCipher(randomBytes(32))

describe('personal data at rest', () => {
  it('reads back what it sealed, and the sealed text shows nothing of it', () => {
    const sealed = cipher.encrypt('320621199001011234')
    expect(sealed).not.toContain('1990')
    expect(cipher.decrypt(sealed)).toBe('320621199001011234')
  })

  it('seals the same value differently each time', () => {
    expect(cipher.encrypt('13912345678')).not.toBe(cipher.encrypt('13912345678'))
  })

  it('refuses a tampered value or one sealed with another key', () => {
    const sealed = cipher.encrypt('13912345678')
    const parts = sealed.split('.')
    const body = Buffer.from(parts[3]!, 'base64url')
    body[0] = body[0]! ^ 1
    expect(() => cipher.decrypt([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow()
    expect(() => createPiiCipher(randomBytes(32)).decrypt(sealed)).toThrow()
  })

  it('hashes for lookup: stable per key and kind, different across keys', () => {
    expect(cipher.lookupHash('id', 'a')).toBe(cipher.lookupHash('id', 'a'))
    expect(cipher.lookupHash('id', 'a')).not.toBe(cipher.lookupHash('phone', 'a'))
    expect(createPiiCipher(randomBytes(32)).lookupHash('id', 'a')).not.toBe(cipher.lookupHash('id', 'a'))
  })

  it('insists on a 32-byte key', () => {
    expect(() => createPiiCipher(randomBytes(16))).toThrow(/32 bytes/)
  })
})
