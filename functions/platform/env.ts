import { z } from 'zod'

/**
 * Environment, parsed once and checked up front: a misconfigured function fails at cold start
 * with a message naming the variable, not halfway through a resident's request.
 */
const boolish = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const envFields = z.object({
  STORE: z.enum(['pglite', 'postgres', 'cloudbase']).default('pglite'),
  DATA_DIR: z.string().min(1).default('.data'),
  /**
   * A folder for uploaded materials. The embedded store keeps them in DATA_DIR; PostgreSQL keeps
   * them in the database unless this is set (a shared volume); CloudBase in cloud storage.
   */
  FILES_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().url().optional(),
  TCB_ENV: z.string().min(1).optional(),
  TCB_SECRET_ID: z.string().min(1).optional(),
  TCB_SECRET_KEY: z.string().min(1).optional(),
  /**
   * Where the SDK sends CloudBase requests instead of the cloud: the local CloudBase service.
   * `npm start` with STORE=cloudbase and no TCB_ENV starts one and sets this itself.
   */
  TCB_SERVICE_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  /** 32 random bytes, base64: encrypts ID numbers and phones at rest. */
  PII_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'PII_KEY must be 32 bytes, base64-encoded')
    .optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  DEV_LOGIN: boolish.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  /**
   * Interface the local host listens on. 127.0.0.1 unless set: the dev login must not be
   * reachable from the network by accident (HOST=0.0.0.0 to open it, e.g. for a phone on the LAN).
   */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * Per-account and per-source request limits (login, objections, submissions, uploads).
   * `off` only for load benchmarks, which send thousands of requests from one address.
   */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /** Audit records are kept this many days (MLPS level 3 asks at least 180). */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(180).max(3650).default(180),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  /** Subscription-message template for status changes (thing1 title, time2 time, thing3 note). */
  WECHAT_TEMPLATE_STATUS: z.string().optional(),
  /** Subscription-message template for coordinators' monthly digest. */
  WECHAT_TEMPLATE_DIGEST: z.string().optional(),
  /** Subscription-message template for "a policy you qualify for" (thing1 policy, time2, thing3 note). */
  WECHAT_TEMPLATE_POLICY: z.string().optional(),
  /** Subscription-message template for "jobs for you" (thing1 title, time2, thing3 jobs). */
  WECHAT_TEMPLATE_JOB: z.string().optional(),
  /** Job pushes: at most this many new jobs per seeker a day… */
  JOB_PUSH_DAILY: z.coerce.number().int().min(1).max(20).default(3),
  /** …and this many in any seven days. */
  JOB_PUSH_WEEKLY: z.coerce.number().int().min(1).max(100).default(10),
  /** Bookings: cancelling closes this many hours before the start… */
  BOOKING_CANCEL_CUTOFF_HOURS: z.coerce.number().min(0).max(72).default(2),
  /** …one person holds at most this many open bookings (confirmed or waiting, not yet held)… */
  BOOKING_OPEN_CAP: z.coerce.number().int().min(1).max(50).default(5),
  /** …and after this many no-shows in a row (attending resets it) must confirm before booking again. */
  BOOKING_NO_SHOW_CONFIRM: z.coerce.number().int().min(1).max(20).default(2),
  /** Share of a training course's dates attended that counts as the 131 training (1 = all). */
  TRAINING_ATTENDANCE_SHARE: z.coerce.number().min(0.1).max(1).default(1),
  /** Home county of the deployment; the demo and region pickers start here. */
  HOME_COUNTY: z
    .string()
    .regex(/^\d{6}$/)
    .default('320621'),
})

/** `local`: parsed by a local process (see parseEnv), where STORE=cloudbase may be the local service. */
const envSchema = (local: boolean) =>
  envFields.superRefine((env, ctx) => {
    const embedded = env.STORE === 'pglite' || (env.STORE === 'cloudbase' && !env.TCB_ENV && local)
    if (env.STORE === 'postgres' && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required when STORE=postgres' })
    }
    if (!embedded && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'required outside the embedded mode',
      })
    }
    if (!embedded && !env.PII_KEY) {
      ctx.addIssue({ code: 'custom', path: ['PII_KEY'], message: 'required outside the embedded mode' })
    }
    if (!embedded && env.DEV_LOGIN) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_LOGIN'],
        message:
          'dev login exists only with an embedded store (STORE=pglite, or STORE=cloudbase locally without TCB_ENV)',
      })
    }
  })

export type Env = z.infer<typeof envFields> & {
  devLogin: boolean
  /**
   * The store lives with this process: PGlite, or (in `npm start`/tests, never in a deployed
   * function) the local CloudBase service when STORE=cloudbase has no TCB_ENV. Secrets then
   * default to files in DATA_DIR and the dev login may be on.
   */
  embedded: boolean
  /** STORE=cloudbase answered by functions/local/cloudbase-service.ts, started by this process. */
  localCloudBase: boolean
}

/**
 * `local`: the process parsing the environment is a local one (npm start, npm run job, tests);
 * only there may STORE=cloudbase without TCB_ENV mean the local service. A deployed function
 * parses without it, where a missing TCB_ENV means "this function's own environment".
 */
export const parseEnv = (source: NodeJS.ProcessEnv, opts: { local?: boolean } = {}): Env => {
  // Deploy tools pass unset variables as empty strings; empty means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const result = envSchema(opts.local === true).safeParse(present)
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`invalid environment: ${detail}`)
  }
  const env = result.data
  const localCloudBase = env.STORE === 'cloudbase' && !env.TCB_ENV && opts.local === true
  const embedded = env.STORE === 'pglite' || localCloudBase
  // Dev login only ever exists over an embedded store; on by default there.
  return { ...env, embedded, localCloudBase, devLogin: embedded && env.DEV_LOGIN !== false }
}

let cached: Env | undefined
export const getEnv = (): Env => {
  cached ??= parseEnv(process.env)
  return cached
}
/** Tests and the local host set the environment they run with. */
export const setEnv = (env: Env): void => {
  cached = env
}
