import { parseEnv } from '../../functions/platform/env'

describe('environment', () => {
  it('defaults to the embedded store with dev login on', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ STORE: 'pglite', DATA_DIR: '.data', PORT: 8787, devLogin: true })
  })

  it('keeps dev login off when asked', () => {
    expect(parseEnv({ DEV_LOGIN: 'false' }).devLogin).toBe(false)
  })

  it('refuses dev login, and a missing secret, outside the embedded store', () => {
    expect(() =>
      parseEnv({
        STORE: 'postgres',
        DATABASE_URL: 'postgres://x@h/db',
        DEV_LOGIN: 'true',
        SESSION_SECRET: 'x'.repeat(32),
      }),
    ).toThrow(/DEV_LOGIN/)
    expect(() => parseEnv({ STORE: 'postgres', DATABASE_URL: 'postgres://x@h/db' })).toThrow(/SESSION_SECRET/)
    expect(() => parseEnv({ STORE: 'postgres', SESSION_SECRET: 'x'.repeat(32) })).toThrow(/DATABASE_URL/)
    const base = { STORE: 'postgres', DATABASE_URL: 'postgres://x@h/db', SESSION_SECRET: 'x'.repeat(32) }
    expect(() => parseEnv(base)).toThrow(/PII_KEY/)
    expect(() => parseEnv({ ...base, PII_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/)
    const prod = parseEnv({ ...base, PII_KEY: Buffer.alloc(32, 7).toString('base64') })
    expect(prod.devLogin).toBe(false)
  })

  it('names the bad variable', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/)
  })
})

it('treats empty variables as unset, as deploy tools pass them', () => {
  expect(parseEnv({ STORE: '', DATABASE_URL: '', PORT: '' })).toMatchObject({ STORE: 'pglite', PORT: 8787 })
})
