import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { errors, jwtVerify, SignJWT } from 'jose'
import { type Identity, isStaffRole, ROLE_REGION_DIGITS, roleSchema } from '../../shared/auth/identity'
import { findRegion, HOME_COUNTY } from '../contexts/regions/region-directory'
import type { Env } from '../platform/env'

/**
 * Signed session tokens (HS256 JWT) for callers over HTTP. Issued after WeChat code2session in
 * production, or by the dev login locally; the CloudBase path needs none (the platform vouches
 * for the openid).
 */
const ISSUER = 'grassroots-employment'
/** The API the tokens are for; a token minted for anything else is refused. */
const AUDIENCE = 'pes-api'
/** Clocks of two function instances may disagree by this much. */
const SKEW_SECONDS = 60

let cachedKey: { source: string; key: Promise<CryptoKey> } | undefined

/** Where the secret comes from: a secret given in the environment is its own source. */
const keySource = (env: Env): string =>
  env.SESSION_SECRET ? `env:${env.SESSION_SECRET}` : resolve(env.DATA_DIR)

/**
 * SESSION_SECRET when set (required outside the embedded mode). In the embedded mode a random
 * secret is kept in the data folder so sessions survive a restart of `npm start`. Imported once
 * as a WebCrypto key: given raw bytes, jose imports them again for every token (three times
 * the cost of checking one).
 */
const sessionKey = (env: Env): Promise<CryptoKey> => {
  const source = keySource(env)
  if (cachedKey?.source === source) return cachedKey.key
  let secret = env.SESSION_SECRET
  if (!secret) {
    if (!env.embedded) throw new Error('SESSION_SECRET is required')
    const file = join(source, 'session-secret')
    if (!existsSync(file)) {
      mkdirSync(source, { recursive: true })
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    }
    secret = readFileSync(file, 'utf8').trim()
  }
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
  cachedKey = { source, key }
  return key
}

export const issueSessionToken = async (env: Env, who: Identity, now: Date): Promise<string> =>
  await new SignJWT({ role: who.role, region: who.region })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(who.openid)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + env.SESSION_TTL_HOURS * 3600)
    .sign(await sessionKey(env))

/**
 * A region the role can hold in this deployment: staff at their level's division inside the
 * home county (a county officer the county itself), a resident at most a community of it.
 */
export const regionFitsRole = (role: Identity['role'], region: string | null): boolean => {
  if (region === null) return !isStaffRole(role)
  const known = findRegion(region)
  if (!known || !region.startsWith(HOME_COUNTY)) return false
  if (isStaffRole(role)) return region.length === ROLE_REGION_DIGITS[role]
  return known.level === 'community'
}

/**
 * The identity in a valid token, or null for a missing, forged, expired or malformed one — and
 * for a signed one that claims more than a session can: no expiry or issue time, a lifetime
 * beyond SESSION_TTL_HOURS, another issuer or audience, or a region its role can't hold here.
 */
export const verifySessionToken = async (env: Env, token: string, now: Date): Promise<Identity | null> => {
  // A phone sends the same token with every request for hours: its signature is checked once
  // per process, its times at every use.
  const key = `${keySource(env)}\n${token}`
  const seen = verified.get(key)
  const at = now.getTime() / 1000
  if (seen && seen.from <= at && at < seen.until) return seen.who
  const checked = await checkSessionToken(env, token, now)
  if (!checked) return null
  const { who, iat, exp } = checked
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string)
  verified.set(key, {
    who,
    from: iat - SKEW_SECONDS,
    until: Math.min(exp + SKEW_SECONDS, iat + env.SESSION_TTL_HOURS * 3600 + 2 * SKEW_SECONDS),
  })
  return who
}

/** Tokens whose signature was checked: the identity and the seconds it is good between. */
const verified = new Map<string, { who: Identity; from: number; until: number }>()
const VERIFIED_MAX = 20_000

/** The identity in a token whose signature and claims hold, with the times it was issued for. */
const checkSessionToken = async (
  env: Env,
  token: string,
  now: Date,
): Promise<{ who: Identity; iat: number; exp: number } | null> => {
  try {
    const { payload } = await jwtVerify(token, await sessionKey(env), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
      requiredClaims: ['exp', 'iat', 'sub'],
      maxTokenAge: env.SESSION_TTL_HOURS * 3600 + SKEW_SECONDS,
      clockTolerance: SKEW_SECONDS,
    })
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0)
    if (lifetime > env.SESSION_TTL_HOURS * 3600 || lifetime <= 0) return null
    const role = roleSchema.safeParse(payload.role)
    if (!payload.sub || !role.success) return null
    const region = typeof payload.region === 'string' ? payload.region : null
    if (payload.region !== undefined && payload.region !== null && region === null) return null
    if (!regionFitsRole(role.data, region)) return null
    return { who: { openid: payload.sub, role: role.data, region }, iat: payload.iat!, exp: payload.exp! }
  } catch (err) {
    if (err instanceof errors.JOSEError) return null
    throw err
  }
}
