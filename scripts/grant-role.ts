/**
 * `npm run grant -- --openid <openid> --role county --region 320621 --admin`: give an account a
 * staff role from the command line — for the first county system administrator, when nobody
 * can grant in the app yet (afterwards, 人员权限 in the app). The account must have logged in
 * once. Runs against the store the environment names (STORE, DATABASE_URL or TCB_*), audited
 * as the command line.
 */
import { parseArgs } from 'node:util'
import { recordAudit } from '../functions/contexts/audit/record-audit'
import { findRegion, HOME_COUNTY } from '../functions/contexts/regions/region-directory'
import { readHostLock } from '../functions/local/boot'
import { parseEnv } from '../functions/platform/env'
import { accounts } from '../functions/store/collections'
import { openStore } from '../functions/store/create-store'
import { migrate } from '../functions/store/migrate'
import { SqlStore } from '../functions/store/sql-store'
import { grantStaffRoleSchema } from '../shared/auth/staff-roles'

const fail = (message: string): never => {
  console.error(`grant: ${message}`)
  process.exit(2)
}

const USAGE = `usage: npm run grant -- --openid <openid> --role coordinator|street|county --region <code> [--admin]
  --openid  the account's openid (as in the accounts collection, with or without "wx:"); it must have logged in once
  --role    coordinator (a community, 12 digits), street (a town, 9 digits) or county (6 digits)
  --admin   with --role county: may grant and revoke staff roles in the app (人员权限)`

const main = async () => {
  let values: { openid?: string; role?: string; region?: string; admin?: boolean; help?: boolean }
  try {
    ;({ values } = parseArgs({
      options: {
        openid: { type: 'string' },
        role: { type: 'string' },
        region: { type: 'string' },
        admin: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`)
  }
  if (values.help) {
    console.log(USAGE)
    return
  }
  if (!values.openid) return fail(`--openid is required (the account must have logged in once)\n${USAGE}`)
  if (!['coordinator', 'street', 'county'].includes(values.role ?? ''))
    return fail(`--role must be coordinator, street or county (got ${values.role ?? 'nothing'})`)
  if (!values.region) return fail('--region is required: the community, town or county code the role serves')
  const openid = values.openid.replace(/^wx:/, '')
  const parsed = grantStaffRoleSchema.safeParse({
    role: values.role,
    region: values.region,
    admin: values.admin,
  })
  if (!parsed.success)
    return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  const input = parsed.data
  if (!findRegion(input.region) || !input.region.startsWith(HOME_COUNTY))
    return fail(`${input.region} is not a division of county ${HOME_COUNTY}`)
  const env = parseEnv(process.env, { local: true })
  if (env.STORE === 'cloudbase' && env.TCB_ENV && !(env.TCB_SECRET_ID && env.TCB_SECRET_KEY))
    return fail(
      'STORE=cloudbase outside CloudBase needs TCB_SECRET_ID and TCB_SECRET_KEY (an API key of the environment)',
    )
  if (env.localCloudBase)
    return fail('the local CloudBase service lives inside npm start; use the dev login there')
  if (env.STORE === 'pglite' && readHostLock(env))
    return fail('npm start is using the embedded database; stop it first')
  const store = await openStore(env)
  try {
    if (store instanceof SqlStore) await migrate(store.sql)
    const id = `wx:${openid}`
    const at = new Date()
    const saved = await store.update(accounts, id, {
      ...input,
      grantedAt: at.toISOString(),
      grantedBy: 'command line',
    })
    if (!saved) return fail(`no account ${id}: log in once in the mini-program first`)
    await recordAudit(store, at, null, {
      action: 'staff.grant',
      subject: id,
      result: 'ok',
      detail: { ...input, by: 'command line' },
    })
    console.log(`granted ${input.role} ${input.region}${input.admin ? ' (administrator)' : ''} to ${id}`)
  } finally {
    await store.close()
  }
}

// The SDK can fail outside the awaited call (its own checks): the same one line, not a trace.
process.on('unhandledRejection', (err) => fail((err as Error)?.message ?? String(err)))
main().catch((err: Error) => fail(err.message))
