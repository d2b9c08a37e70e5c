import { createHash } from 'node:crypto'
import { creditCheckChar } from '../../shared/employers/credit-code'
import type { Logger } from '../platform/logger'
import { accounts, type EmployerRecord, employers, type JobRecord, jobs, meta } from '../store/collections'
import { DuplicateKeyError, type Store } from '../store/port'
import { scanPages } from '../store/scan'

const SEED_KEY = 'demo-seed-employers'
const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/**
 * The demo's vacancies become published vacancies of demo employers: one verified unit per
 * employer name, with a made-up but valid unified social credit code (GB 32100 check
 * character), so an officer's screens and an employer's own list have real records behind them.
 * `demo-employer-1` (dev login, role 用人单位) manages the first unit.
 */
export const demoCreditCode = (name: string): string => {
  const hash = createHash('sha256').update(name).digest()
  const org = Array.from({ length: 9 }, (_, i) => ORG_CHARS[hash[i]! % 31]).join('')
  const first17 = `91320621${org}`
  return first17 + creditCheckChar(first17)
}

export const seedDemoEmployers = async (store: Store, now: Date, log: Logger): Promise<boolean> => {
  if (await store.get(meta, SEED_KEY)) return false
  const at = now.toISOString()
  const byName = new Map<string, string>()
  let units = 0
  let first: string | null = null
  for await (const page of scanPages(store, jobs, { orderBy: [] })) {
    for (const job of page.items as JobRecord[]) {
      if (job.employerId) continue
      let id = byName.get(job.employer)
      if (!id) {
        id = `emp_demo_${createHash('sha256').update(job.employer).digest('hex').slice(0, 12)}`
        byName.set(job.employer, id)
        first ??= id
        const record: EmployerRecord = {
          id,
          name: job.employer,
          creditCode: demoCreditCode(job.employer),
          region: job.region.slice(0, 9),
          address: job.address,
          industry: job.employerIndustry,
          contact: { name: job.contactName || '人事部', phoneSealed: '', phoneMasked: '' },
          status: 'verified',
          accounts: id === first ? ['wx:demo-employer-1'] : [],
          createdBy: 'demo',
          createdAt: at,
          updatedAt: at,
          history: [{ at, action: 'verified', by: '海安市人力资源和社会保障局', reason: '演示数据' }],
        }
        await store.insert(employers, record).catch((err) => {
          if (!(err instanceof DuplicateKeyError)) throw err
        })
        units++
      }
      await store.update(jobs, job.id, {
        employerId: id,
        timeline: [{ at: job.publishedAt, status: 'published', by: '街道/镇经办人员', reason: null }],
      })
    }
  }
  if (first) {
    await store
      .insert(accounts, {
        id: 'wx:demo-employer-1',
        openid: 'demo-employer-1',
        role: 'employer',
        region: null,
        source: 'dev',
        employerId: first,
        createdAt: at,
        lastLoginAt: at,
      })
      .catch((err) => {
        if (!(err instanceof DuplicateKeyError)) throw err
      })
  }
  await store.insert(meta, { id: SEED_KEY, value: `employers:${units}`, updatedAt: at })
  log.info('demo employers seeded', { employers: units })
  return true
}
