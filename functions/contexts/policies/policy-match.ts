import type { Logger } from '../../platform/logger'
import { previousQuarter, quarterDates, quarterOf, shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import type { Trigger } from '../../runtime/scheduled'
import {
  applications,
  deductionCandidates,
  meta,
  type PersonRecord,
  type PolicyNoticeRecord,
  type PolicyReachRecord,
  type PolicyRecord,
  persons,
  policies,
  policyNotices,
  policyReach,
} from '../../store/collections'
import { DuplicateKeyError, type Page, type Store } from '../../store/port'
import { findAll } from '../../store/scan'
import { inboxNotifier, type Message, type Notifier } from '../inbox/notifier'
import { spendCredit } from '../inbox/subscriptions'
import { policyChannel } from '../inbox/wechat-subscription'
import { type Catalogue, inEffect, judge, loadCatalogue } from './catalogue'
import { buildFacts, contextsForPage } from './facts'
import { reachId, upsertReach } from './policy-reach'

/**
 * policy-match: policies that find people (应知尽知). Each run does what is due, in order:
 *
 *  1. every published policy changed since it was last matched (a publish or a rule change):
 *     all residents of its regions are evaluated, and the newly eligible are told once;
 *  2. every published policy notice not yet sent: the eligible residents of its policies get it;
 *  3. every resident whose record changed since the last pass (an approval, a follow-up, a
 *     profile edit, a household or card change), against every policy in effect;
 *  4. after a quarter ends, the eligible who never got a subsidy become deduction candidates.
 *
 * Idempotent (reach records and deduplicated messages: a rerun sends nothing new), chunked (a
 * page of 100 residents at a time) and resumable (each pass saves its cursor in `meta`; a run
 * stopped by its time budget or killed continues there).
 */
const PAGE = 100
/** An eligible person must have had this long to get a subsidy before a missed one counts. */
export const CANDIDATE_GRACE_DAYS = 30

interface Pass {
  cursor: string | null
  /** Index into the policy's regions (a policy may cover several). */
  region?: number
  since?: string
  maxSeen?: string
}

const readPass = async (store: Store, key: string): Promise<Pass | null> => {
  const saved = await store.get(meta, key)
  return saved ? (JSON.parse(saved.value) as Pass) : null
}
const writePass = async (store: Store, key: string, pass: Pass, at: Date) => {
  const value = JSON.stringify(pass)
  if (!(await store.update(meta, key, { value, updatedAt: at.toISOString() }))) {
    await store.insert(meta, { id: key, value, updatedAt: at.toISOString() }).catch(async (err) => {
      if (!(err instanceof DuplicateKeyError)) throw err
      await store.update(meta, key, { value, updatedAt: at.toISOString() })
    })
  }
}

export interface MatchSummary {
  [k: string]: number | string
  policiesMatched: number
  noticesSent: number
  evaluated: number
  notified: number
  candidates: number
}

const policyMessage = (p: PolicyRecord): Message => ({
  title: `您可能符合「${p.title}」`,
  body: `${p.summary.slice(0, 80)}${p.summary.length > 80 ? '…' : ''} 点击查看条件和办理方式。`,
  link: { kind: 'policy', id: p.id },
  dedupeKey: `policy:${p.id}`,
})

const digestMessage = (ps: PolicyRecord[]): Message => {
  const titles = ps.map((p) => `「${p.title}」`).join('')
  return {
    title: `您可能符合 ${ps.length} 项就业政策`,
    body: `${titles.length > 70 ? `${titles.slice(0, 70)}…` : titles}。点击查看每项政策的条件和办理方式。`,
    link: { kind: 'policies', id: 'mine' },
    dedupeKey: `policies:${ps
      .map((p) => p.id)
      .sort()
      .join(',')}`,
  }
}

export const runPolicyMatch = async (
  deps: Deps,
  at: Date,
  log: Logger,
  _trigger: Trigger,
  opts: { budgetMs?: number; maxPages?: number } = {},
): Promise<MatchSummary> => {
  const started = Date.now()
  const budget = opts.budgetMs ?? 50_000 // under a 60 s platform limit
  let pages = 0
  const outOfTime = () =>
    Date.now() - started > budget || (opts.maxPages !== undefined && pages >= opts.maxPages)
  const summary: MatchSummary = {
    policiesMatched: 0,
    noticesSent: 0,
    evaluated: 0,
    notified: 0,
    candidates: 0,
  }
  const today = shanghaiDate(at)
  const cat = await loadCatalogue(deps.store)
  const inbox = inboxNotifier(deps.store)
  const wechat = await policyChannel(deps)

  /** Tell a person once that a policy applies to them; a WeChat message when they hold a credit. */
  const tell = async (p: PersonRecord, message: Message): Promise<boolean> => {
    const recipient = `psn:${p.id}`
    if (!(await inbox.notify(recipient, message, at))) return false
    if (wechat && p.accountId && (await spendCredit(deps, p.accountId, 'policy'))) {
      await wechat.notify(recipient, message, at)
    }
    summary.notified++
    return true
  }

  /** Evaluate `which` policies for a page of persons; record reach; tell the newly eligible. */
  const evaluatePage = async (page: PersonRecord[], which: PolicyRecord[]) => {
    const contexts = await contextsForPage(deps.store, page)
    const reach = new Map(
      (
        await findAll(deps.store, policyReach, {
          where: [{ field: 'personId', op: 'in', value: page.map((p) => p.id) }],
          orderBy: [],
        })
      ).map((r) => [r.id, r]),
    )
    // Applications already made (by the resident or filed for them): those people have applied.
    const appliedTypes = new Map<string, Set<string>>()
    for (const a of await findAll(deps.store, applications, {
      where: [{ field: 'personId', op: 'in', value: page.map((p) => p.id) }],
      orderBy: [],
    })) {
      if (a.status === 'rejected' || a.status === 'withdrawn') continue
      const set = appliedTypes.get(a.personId) ?? new Set<string>()
      set.add(a.type)
      appliedTypes.set(a.personId, set)
    }
    for (const person of page) {
      const facts = buildFacts(person, contexts.get(person.id)!, at)
      summary.evaluated++
      const toTell: { policy: PolicyRecord; reachId: string }[] = []
      for (const policy of which) {
        if (!policy.regions.some((r) => person.community.startsWith(r))) continue
        const { verdict } = judge(policy, person, facts, cat)
        const known = reach.get(reachId(policy.id, person.id))
        let record: PolicyReachRecord | null | undefined = known
        if (!known || known.verdict !== verdict || known.community !== person.community) {
          if (!known && verdict !== 'eligible' && verdict !== 'enjoying') continue
          record = (await upsertReach(deps.store, policy.id, person, verdict, at)).record
        }
        if (
          record &&
          !record.appliedAt &&
          policy.applicationType &&
          appliedTypes.get(person.id)?.has(policy.applicationType)
        ) {
          record = await deps.store.update(policyReach, record.id, { appliedAt: at.toISOString() })
        }
        // Someone who already applied needs no "you may qualify" message.
        if (record && record.verdict === 'eligible' && !record.notifiedAt && !record.appliedAt) {
          toTell.push({ policy, reachId: record.id })
        }
      }
      if (!toTell.length) continue
      // Several new policies at once (a first registration, a new key group): one message.
      await tell(
        person,
        toTell.length === 1 ? policyMessage(toTell[0]!.policy) : digestMessage(toTell.map((t) => t.policy)),
      )
      for (const t of toTell)
        await deps.store.update(policyReach, t.reachId, { notifiedAt: at.toISOString() })
    }
  }

  // 1. Policies published or changed since they were last matched.
  const pending = await findAll(deps.store, policies, {
    where: [{ field: 'needsMatch', op: 'eq', value: true }],
    orderBy: [],
  })
  for (const policy of pending) {
    if (policy.status !== 'published' || (policy.effectiveTo !== null && policy.effectiveTo < today)) {
      await deps.store.update(
        policies,
        policy.id,
        { needsMatch: false },
        { expect: { version: policy.version } },
      )
      continue
    }
    if (!inEffect(policy, today)) continue // not in effect yet: matched on the day it starts
    const key = `policy-match:policy:${policy.id}:v${policy.version}`
    const pass = (await readPass(deps.store, key)) ?? { cursor: null, region: 0 }
    for (let r = pass.region ?? 0; r < policy.regions.length; r++) {
      let cursor = r === pass.region ? pass.cursor : null
      do {
        if (outOfTime()) return paused(summary, log)
        const page: Page<PersonRecord> = await deps.store.find(persons, {
          where: [{ field: 'community', op: 'prefix', value: policy.regions[r]! }],
          orderBy: [{ field: 'community', dir: 'asc' }],
          limit: PAGE,
          cursor,
        })
        await evaluatePage(page.items, [policy])
        cursor = page.nextCursor
        pages++
        await writePass(deps.store, key, { cursor, region: cursor ? r : r + 1 }, at)
      } while (cursor)
    }
    // Done unless someone edited it meanwhile (then the new version is matched next).
    await deps.store.update(
      policies,
      policy.id,
      { needsMatch: false },
      { expect: { version: policy.version } },
    )
    summary.policiesMatched++
  }

  // 2. Policy notices to send: to everyone eligible for one of their policies, once.
  const notices = await findAll(deps.store, policyNotices, {
    where: [{ field: 'needsMatch', op: 'eq', value: true }],
    orderBy: [],
  })
  for (const notice of notices) {
    if (notice.status !== 'published') {
      await deps.store.update(policyNotices, notice.id, { needsMatch: false })
      continue
    }
    const done = await sendNotice(deps, notice, cat, tell, outOfTime, () => pages++, at)
    if (!done) return paused(summary, log)
    await deps.store.update(policyNotices, notice.id, { needsMatch: false })
    summary.noticesSent++
  }

  // 3. Residents whose records changed since the last pass.
  const profilesKey = 'policy-match:profiles'
  const profiles = await readPass(deps.store, profilesKey)
  if (!profiles) {
    // The first run: everyone was just matched policy by policy; watch changes from now on.
    await writePass(deps.store, profilesKey, { cursor: null, since: at.toISOString() }, at)
  } else {
    const active = cat.active(today)
    let cursor = profiles.cursor
    let maxSeen = profiles.maxSeen ?? profiles.since!
    do {
      if (outOfTime()) return paused(summary, log)
      const page: Page<PersonRecord> = await deps.store.find(persons, {
        where: [{ field: 'updatedAt', op: 'gte', value: profiles.since! }],
        orderBy: [{ field: 'updatedAt', dir: 'asc' }],
        limit: PAGE,
        cursor,
      })
      // A member's change can make (or unmake) a zero-employment household: the whole
      // household is evaluated with them.
      const changed = new Map(page.items.map((p) => [p.id, p]))
      const contexts = await contextsForPage(deps.store, page.items)
      for (const c of contexts.values()) for (const m of c.household) changed.set(m.id, m)
      await evaluatePage([...changed.values()], active)
      for (const p of page.items) if (p.updatedAt > maxSeen) maxSeen = p.updatedAt
      cursor = page.nextCursor
      pages++
      await writePass(deps.store, profilesKey, { cursor, since: profiles.since, maxSeen }, at)
    } while (cursor)
    await writePass(deps.store, profilesKey, { cursor: null, since: maxSeen }, at)
  }

  // 4. After a quarter ends: subsidies the eligible did not get (补贴发放缺少一项扣1分).
  const quarter = previousQuarter(quarterOf(at))
  const found = await listCandidates(deps, quarter, cat, outOfTime, () => pages++, at)
  if (found === null) return paused(summary, log)
  summary.candidates = found
  log.info('policy-match done', summary)
  return summary
}

const paused = (summary: MatchSummary, log: Logger): MatchSummary => {
  log.info('policy-match paused', summary)
  return { ...summary, partial: 1 }
}

/** Send one notice to the eligible of its policies (reach records say who), resumably. */
const sendNotice = async (
  deps: Deps,
  notice: PolicyNoticeRecord,
  cat: Catalogue,
  tell: (p: PersonRecord, m: Message) => Promise<boolean>,
  outOfTime: () => boolean,
  countPage: () => void,
  at: Date,
): Promise<boolean> => {
  // Its policies must have been matched first; otherwise wait for the next run.
  if (notice.policyIds.some((id) => cat.all.get(id)?.needsMatch)) return true
  const key = `policy-match:notice:${notice.id}`
  const pass = (await readPass(deps.store, key)) ?? { cursor: null, region: 0 }
  const message: Message = {
    title: notice.title,
    body: `${notice.body.slice(0, 80)}${notice.body.length > 80 ? '…' : ''}`,
    link: { kind: 'notice', id: notice.id },
    dedupeKey: `notice:${notice.id}`,
  }
  for (let i = pass.region ?? 0; i < notice.policyIds.length; i++) {
    let cursor = i === pass.region ? pass.cursor : null
    do {
      if (outOfTime()) return false
      const page: Page<PolicyReachRecord> = await deps.store.find(policyReach, {
        where: [
          { field: 'policyId', op: 'eq', value: notice.policyIds[i]! },
          { field: 'verdict', op: 'eq', value: 'eligible' },
        ],
        orderBy: [{ field: 'community', dir: 'asc' }],
        limit: PAGE,
        cursor,
      })
      for (const r of page.items) {
        if (!notice.regions.some((region) => r.community.startsWith(region))) continue
        const person = await deps.store.get(persons, r.personId)
        if (person) await tell(person, message)
      }
      cursor = page.nextCursor
      countPage()
      await writePass(deps.store, key, { cursor, region: cursor ? i : i + 1 }, at)
    } while (cursor)
  }
  return true
}

/**
 * Deduction candidates for `quarter`, once it has ended: each person still eligible for a
 * subsidy they have not applied for, who had been eligible for at least CANDIDATE_GRACE_DAYS
 * by the quarter's last day. Returns how many were found, or null when out of time.
 */
const listCandidates = async (
  deps: Deps,
  quarter: string,
  cat: Catalogue,
  outOfTime: () => boolean,
  countPage: () => void,
  at: Date,
): Promise<number | null> => {
  const key = `policy-match:candidates:${quarter}`
  const pass = (await readPass(deps.store, key)) ?? { cursor: null }
  if (pass.since === 'done') return 0
  const { last } = quarterDates(quarter)
  const latest = new Date(
    Date.parse(`${last}T23:59:59+08:00`) - CANDIDATE_GRACE_DAYS * 86_400_000,
  ).toISOString()
  let cursor = pass.cursor
  let found = 0
  do {
    if (outOfTime()) return null
    const page: Page<PolicyReachRecord> = await deps.store.find(policyReach, {
      where: [
        { field: 'verdict', op: 'eq', value: 'eligible' },
        { field: 'appliedAt', op: 'eq', value: null },
      ],
      orderBy: [{ field: 'community', dir: 'asc' }],
      limit: PAGE,
      cursor,
    })
    for (const r of page.items) {
      const policy = cat.all.get(r.policyId)
      if (!policy?.subsidy || policy.status !== 'published' || r.eligibleSince > latest) continue
      try {
        await deps.store.insert(deductionCandidates, {
          id: `${quarter}:${r.id}`,
          quarter,
          policyId: r.policyId,
          policyTitle: policy.title,
          personId: r.personId,
          personName: r.personName,
          town: r.community.slice(0, 9),
          community: r.community,
          eligibleSince: r.eligibleSince,
          status: 'candidate',
          decidedAt: null,
          decidedBy: null,
          reason: null,
          createdAt: at.toISOString(),
        })
        found++
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err
      }
    }
    cursor = page.nextCursor
    countPage()
    await writePass(deps.store, key, { cursor }, at)
  } while (cursor)
  await writePass(deps.store, key, { cursor: null, since: 'done' }, at)
  return found
}

export type { Notifier }
