import { createHash } from 'node:crypto'
import { factsUsed } from '../../../shared/policies/rules'
import type { Logger } from '../../platform/logger'
import { previousQuarter, quarterDates, quarterOf, shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import type { Trigger } from '../../runtime/scheduled'
import {
  applications,
  deductionCandidates,
  meta,
  notifications,
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
import { inboxNotifier, inboxRecord, type Message, type Notifier } from '../inbox/notifier'
import { spendCredit } from '../inbox/subscriptions'
import { policyChannel } from '../inbox/wechat-subscription'
import { type Catalogue, inEffect, loadCatalogue, verdictOf } from './catalogue'
import { buildFacts, contextsForPage } from './facts'
import { reachId } from './policy-reach'

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
    link: { kind: 'policies', id: 'mine', policyIds: ps.map((p) => p.id) },
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

  /** Tell a person once; a WeChat message too when they hold a credit. */
  const tell = async (p: PersonRecord, message: Message): Promise<boolean> => {
    const recipient = `psn:${p.id}`
    if (!(await inbox.notify(recipient, message, at))) return false
    if (wechat && p.accountId && (await spendCredit(deps, p.accountId, 'policy'))) {
      await wechat.notify(recipient, message, at)
    }
    summary.notified++
    return true
  }

  /**
   * Evaluate `which` policies for a page of persons; record reach; tell the newly eligible.
   * Reads are batched per page (households, cards, reach, applications: four queries) and so are
   * the writes: the page's messages go in one statement, then its new reach records in one.
   * Messages first: a crash in between leaves records that will be written on the rerun, whose
   * deduplicated messages are already there — never a record saying "told" with no message.
   */
  const evaluatePage = async (page: PersonRecord[], which: PolicyRecord[]) => {
    if (!page.length) return
    const ids = page.map((p) => p.id)
    const used = new Set(which.flatMap((p) => [...factsUsed(p.rules)]))
    const contexts = await contextsForPage(deps.store, page, {
      households: used.has('zeroEmploymentHousehold'),
      cards: used.has('assistanceCard') || which.some((p) => p.applicationType === 'assistance_card'),
    })
    const reach = new Map(
      (
        await findAll(deps.store, policyReach, {
          where: [
            { field: 'personId', op: 'in', value: ids },
            ...(which.length < cat.all.size
              ? [{ field: 'policyId', op: 'in' as const, value: which.map((p) => p.id) }]
              : []),
          ],
          // Ordered by the filtered field, so the read follows its index whatever the statistics say.
          orderBy: [{ field: 'personId', dir: 'asc' }],
        })
      ).map((r) => [r.id, r]),
    )
    // Applications already made (by the resident or filed for them): those people have applied.
    const appliedTypes = new Map<string, Set<string>>()
    for (const a of await findAll(deps.store, applications, {
      where: [{ field: 'personId', op: 'in', value: ids }],
      orderBy: [{ field: 'personId', dir: 'asc' }],
    })) {
      if (a.status === 'rejected' || a.status === 'withdrawn') continue
      const set = appliedTypes.get(a.personId) ?? new Set<string>()
      set.add(a.type)
      appliedTypes.set(a.personId, set)
    }
    const now = at.toISOString()
    const fresh: PolicyReachRecord[] = []
    const changes: { id: string; patch: Partial<PolicyReachRecord> }[] = []
    const messages: { person: PersonRecord; message: Message }[] = []
    for (const person of page) {
      const facts = buildFacts(person, contexts.get(person.id)!, at)
      summary.evaluated++
      const told: PolicyRecord[] = []
      for (const policy of which) {
        if (!policy.regions.some((r) => person.community.startsWith(r))) continue
        const verdict = verdictOf(policy, person, facts, cat)
        const known = reach.get(reachId(policy.id, person.id))
        if (!known && verdict !== 'eligible' && verdict !== 'enjoying') continue
        const applied = Boolean(
          policy.applicationType && appliedTypes.get(person.id)?.has(policy.applicationType),
        )
        // Someone who already applied needs no "you may qualify" message.
        const tellNow = verdict === 'eligible' && !known?.notifiedAt && !known?.appliedAt && !applied
        if (tellNow) told.push(policy)
        if (!known) {
          fresh.push({
            id: reachId(policy.id, person.id),
            policyId: policy.id,
            personId: person.id,
            personName: person.name,
            community: person.community,
            verdict,
            eligibleSince: now,
            evaluatedAt: now,
            notifiedAt: tellNow ? now : null,
            readAt: null,
            explainedAt: null,
            explained: null,
            appliedAt: applied ? now : null,
            enjoyingAt: verdict === 'enjoying' ? now : null,
          })
          continue
        }
        const patch: Partial<PolicyReachRecord> = {}
        if (known.verdict !== verdict) patch.verdict = verdict
        if (verdict === 'enjoying' && !known.enjoyingAt) patch.enjoyingAt = now
        if (known.community !== person.community) patch.community = person.community
        if (known.personName !== person.name) patch.personName = person.name
        if (applied && !known.appliedAt) patch.appliedAt = now
        if (tellNow) patch.notifiedAt = now
        if (Object.keys(patch).length) changes.push({ id: known.id, patch: { ...patch, evaluatedAt: now } })
      }
      // Several new policies at once (a first registration, a new key group): one message.
      if (told.length) {
        messages.push({ person, message: told.length === 1 ? policyMessage(told[0]!) : digestMessage(told) })
      }
    }
    const sent = new Set(
      await deps.store.insertMany(
        notifications,
        messages.map(({ person, message }) => inboxRecord(`psn:${person.id}`, message, at)),
      ),
    )
    for (const { person, message } of messages) {
      if (!sent.has(inboxRecord(`psn:${person.id}`, message, at).id)) continue // delivered by an earlier run
      summary.notified++
      if (wechat && person.accountId && (await spendCredit(deps, person.accountId, 'policy'))) {
        await wechat.notify(`psn:${person.id}`, message, at)
      }
    }
    await deps.store.insertMany(policyReach, fresh)
    for (const c of changes) await deps.store.update(policyReach, c.id, c.patch)
  }

  // 1. Policies published or changed since they were last matched: one pass over the residents
  //    of their regions evaluates all of them together.
  const pending = await findAll(deps.store, policies, {
    where: [{ field: 'needsMatch', op: 'eq', value: true }],
    orderBy: [],
  })
  const due: PolicyRecord[] = []
  for (const policy of pending) {
    if (policy.status !== 'published' || (policy.effectiveTo !== null && policy.effectiveTo < today)) {
      await deps.store.update(
        policies,
        policy.id,
        { needsMatch: false },
        { expect: { version: policy.version } },
      )
    } else if (inEffect(policy, today)) due.push(policy) // not in effect yet: matched on the day it starts
  }
  if (due.length) {
    const batch = due
      .map((p) => `${p.id}@${p.version}`)
      .sort()
      .join(',')
    const key = `policy-match:batch:${createHash('sha256').update(batch).digest('hex').slice(0, 24)}`
    const prefixes = coveringPrefixes(due.flatMap((p) => p.regions))
    const pass = (await readPass(deps.store, key)) ?? { cursor: null, region: 0 }
    for (let r = pass.region ?? 0; r < prefixes.length; r++) {
      let cursor = r === pass.region ? pass.cursor : null
      do {
        if (outOfTime()) return paused(summary, log)
        const page: Page<PersonRecord> = await deps.store.find(persons, {
          where: [{ field: 'community', op: 'prefix', value: prefixes[r]! }],
          orderBy: [{ field: 'community', dir: 'asc' }],
          limit: PAGE,
          cursor,
        })
        await evaluatePage(page.items, due)
        cursor = page.nextCursor
        pages++
        await writePass(deps.store, key, { cursor, region: cursor ? r : r + 1 }, at)
      } while (cursor)
    }
    // Done, unless someone edited a policy meanwhile (its new version is matched next run).
    for (const policy of due) {
      await deps.store.update(
        policies,
        policy.id,
        { needsMatch: false },
        { expect: { version: policy.version } },
      )
    }
    summary.policiesMatched += due.length
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

/** The shortest set of region prefixes covering all of `regions` (320621 covers 320621100). */
export const coveringPrefixes = (regions: string[]): string[] => {
  const sorted = [...new Set(regions)].sort((a, b) => a.length - b.length || a.localeCompare(b))
  const out: string[] = []
  for (const r of sorted) if (!out.some((p) => r.startsWith(p))) out.push(r)
  return out.sort()
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
  const pass = (await readPass(deps.store, key)) ?? { cursor: null, region: 0 }
  if (pass.since === 'done') return 0
  const { last } = quarterDates(quarter)
  const latest = new Date(
    Date.parse(`${last}T23:59:59+08:00`) - CANDIDATE_GRACE_DAYS * 86_400_000,
  ).toISOString()
  const subsidies = [...cat.all.values()].filter((p) => p.subsidy && p.status === 'published')
  let found = 0
  // `region` indexes the subsidy policy being scanned, so a resumed run starts where it stopped.
  for (let i = pass.region ?? 0; i < subsidies.length; i++) {
    const policy = subsidies[i]!
    let cursor = i === pass.region ? pass.cursor : null
    do {
      if (outOfTime()) return null
      const page: Page<PolicyReachRecord> = await deps.store.find(policyReach, {
        where: [
          { field: 'policyId', op: 'eq', value: policy.id },
          { field: 'verdict', op: 'eq', value: 'eligible' },
          { field: 'appliedAt', op: 'eq', value: null },
          { field: 'eligibleSince', op: 'lte', value: latest },
        ],
        orderBy: [{ field: 'community', dir: 'asc' }],
        limit: PAGE,
        cursor,
      })
      found += (
        await deps.store.insertMany(
          deductionCandidates,
          page.items.map((r) => ({
            id: `${quarter}:${r.id}`,
            quarter,
            policyId: r.policyId,
            policyTitle: policy.title,
            personId: r.personId,
            personName: r.personName,
            town: r.community.slice(0, 9),
            community: r.community,
            eligibleSince: r.eligibleSince,
            status: 'candidate' as const,
            decidedAt: null,
            decidedBy: null,
            reason: null,
            createdAt: at.toISOString(),
          })),
        )
      ).length
      cursor = page.nextCursor
      countPage()
      await writePass(deps.store, key, { cursor, region: cursor ? i : i + 1 }, at)
    } while (cursor)
  }
  await writePass(deps.store, key, { cursor: null, since: 'done' }, at)
  return found
}

export type { Notifier }
