import fc from 'fast-check'
import { FUNCTIONS } from '../../functions/manifest'
import type { RouteTable } from '../../functions/runtime/http'
import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { call, devLogin, startTestApp, type TestApp } from '../support/test-app'

/**
 * Every route's input, fuzzed: bodies, queries and path parameters shaped like each route's zod
 * schema (its own field names) but filled with generated and naughty values — NUL, lone
 * surrogates, control characters, huge numbers, prototype keys, wrong types, deep nesting. Sent
 * as a caller each route admits; whatever comes back must not be a 5xx.
 */
const NAUGHTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u0007\u001b[31m',
  '\u202e\u2066',
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '{"$gt":""}',
  '𠜎𠜱𠝹',
  '١٢٣',
  'x'.repeat(5000),
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  'NaN',
  '-0',
  '1e309',
]

const scalar = fc.oneof(
  fc.constantFrom(...NAUGHTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -1, 0, 1e300),
  fc.boolean(),
  fc.constant(null),
)
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('__proto__', 'a', 'constructor', '\u0000'), tie('v'), { maxKeys: 2 }),
  ),
})).v

/** The field names a schema reads, through refinements and pipes. */
const keysOf = (schema: unknown, depth = 0): string[] => {
  const s = schema as
    | { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } }
    | undefined
  if (!s || depth > 5) return []
  if (s.shape) return Object.keys(s.shape)
  const def = s._zod?.def ?? {}
  for (const inner of [def.in, def.innerType, def.schema]) {
    const keys = keysOf(inner, depth + 1)
    if (keys.length) return keys
  }
  return []
}

const shaped = (keys: string[]) =>
  keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] })
    : fc.dictionary(fc.constantFrom('a', 'id', '__proto__'), value, { maxKeys: 3 })

/** Percent-encoding that, like a hostile client, also sends lone surrogates (as WTF-8 bytes). */
const enc = (text: string): string =>
  [...text]
    .map((ch) => {
      const c = ch.charCodeAt(0)
      if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
        return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('')
      return encodeURIComponent(ch)
    })
    .join('')

const asQuery = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&')

let app: TestApp
const tokens: Record<string, string> = {}
let defs: RouteTable = {}
beforeAll(async () => {
  // Limits off: thousands of requests from one address would be answered 429 before their input is read.
  app = await startTestApp({ now: new Date('2026-11-23T02:00:00.000Z'), env: { RATE_LIMITS: 'off' } })
  tokens.resident = await devLogin(app, { openid: 'fuzz-r', role: 'resident' })
  tokens.employer = await devLogin(app, { openid: 'fuzz-e', role: 'employer' })
  tokens.coordinator = await devLogin(app, { openid: 'fuzz-c', role: 'coordinator', region: '320621100001' })
  tokens.street = await devLogin(app, { openid: 'fuzz-s', role: 'street', region: '320621100' })
  tokens.county = await devLogin(app, { openid: 'fuzz-k', role: 'county', region: '320621' })
  for (const spec of FUNCTIONS) {
    const mod = await spec.load()
    if (mod.routes) defs = { ...defs, ...mod.routes }
  }
}, 60_000)
afterAll(() => app.close())

const routes = Object.entries(API_ROUTES)

describe.each(routes)('%s never answers 5xx', (_name, route) => {
  it('with generated input', async () => {
    const def = defs[routeKey(route)]
    expect(def).toBeDefined()
    const access = def!.access
    const caller = access === 'public' || access === 'user' ? 'resident' : access[0]!
    const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          ...paramNames.map(() => fc.oneof(fc.constantFrom(...NAUGHTY), fc.string({ maxLength: 20 }))),
        ),
        shaped(keysOf(def!.query)),
        shaped(keysOf(def!.body)),
        async (params, query, body) => {
          const path = route.path.replace(/\{(\w+)\}/g, (_m, n: string) =>
            enc(params[paramNames.indexOf(n)] as string),
          )
          const qs = asQuery(query)
          const res = await call(app, route.method, `${path}${qs ? `?${qs}` : ''}`, {
            token: tokens[caller],
            raw: route.method === 'GET' ? undefined : JSON.stringify(body),
            headers: route.method === 'GET' ? {} : { 'content-type': 'application/json' },
          })
          // WeChat itself can't be reached here: its gateway error is the one 5xx with a reason.
          const upstream = res.status === 502 && res.body?.code === 'AUTH.WECHAT_LOGIN_FAILED'
          if (res.status >= 500 && !upstream)
            throw new Error(
              `${res.status} ${JSON.stringify(res.body)} for ${route.method} ${path}?${qs} ${JSON.stringify(body)}`,
            )
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25), seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    )
  }, 60_000)
})
