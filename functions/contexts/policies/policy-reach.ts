import { type Identity, isStaffRole } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import {
  EXPLAIN_CHANNELS,
  type ExplainChannel,
  type ReachRow,
  type UnenjoyedItem,
  VERDICTS,
} from '../../../shared/policies/policy'
import { isWithinRegion } from '../../../shared/regions/region-code'
import { shanghaiDate } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { type PolicyReachRecord, policies, policyReach } from '../../store/collections'
import type { Filter, Store } from '../../store/port'
import { actorLabel } from '../applications/application-mapper'
import { recordAudit } from '../audit/record-audit'
import { childRegions, regionLabel } from '../regions/region-directory'
import { loadCatalogue } from './catalogue'

/**
 * How far each policy has reached each eligible person: told (inbox), read, explained in
 * person (宣讲到人), applied, enjoying. The coordinator's "eligible but not enjoying" (应享未享)
 * list and the know-rate / enjoy-rate of street and county officers are read from here.
 */
export const reachId = (policyId: string, personId: string) => `${policyId}:${personId}`

type Stamp = 'readAt' | 'appliedAt' | 'enjoyingAt' | 'notifiedAt'

/** Stamp a step (read, applied, enjoying, notified) the first time it happens. */
export const markReach = async (
  store: Store,
  policyIds: string[],
  personId: string,
  stamp: Stamp,
  at: Date,
) => {
  for (const policyId of policyIds) {
    await store.update(policyReach, reachId(policyId, personId), { [stamp]: at.toISOString() }, {
      expect: { [stamp]: null },
    } as never)
  }
}

/** The published policies an application of `type` leads to (to stamp "applied" on). */
export const policiesLeadingTo = async (store: Store, type: string): Promise<string[]> =>
  [...(await loadCatalogue(store)).all.values()]
    .filter((p) => p.status === 'published' && p.applicationType === type)
    .map((p) => p.id)

const scopeOf = (who: Identity): string => {
  if (!isStaffRole(who.role) || !who.region) throw new AppError('AUTH.FORBIDDEN')
  return who.region
}

const toItem = (r: PolicyReachRecord, title: string): UnenjoyedItem => ({
  id: r.id,
  personId: r.personId,
  personName: r.personName,
  community: r.community,
  communityName: regionLabel(r.community),
  policyId: r.policyId,
  policyTitle: title,
  verdict: r.verdict,
  verdictLabel: VERDICTS[r.verdict],
  eligibleSince: r.eligibleSince,
  notifiedAt: r.notifiedAt,
  readAt: r.readAt,
  explainedAt: r.explainedAt,
  explained: r.explained
    ? {
        ...r.explained,
        channelLabel: EXPLAIN_CHANNELS[r.explained.channel as ExplainChannel] ?? r.explained.channel,
      }
    : null,
  appliedAt: r.appliedAt,
})

/**
 * 应享未享: people of the caller's region who are eligible for a policy and not enjoying it —
 * the people to brief. `state`: still to brief (default), already briefed, or all.
 */
export const listUnenjoyed = async (
  deps: Deps,
  who: Identity,
  q: {
    policyId?: string
    community?: string
    personId?: string
    state?: 'to_brief' | 'briefed' | 'all'
    cursor?: string
  },
) => {
  const region = scopeOf(who)
  if (q.community && !isWithinRegion(q.community, region)) throw new AppError('AUTH.FORBIDDEN')
  const cat = await loadCatalogue(deps.store)
  // Only policies in force: a withdrawn or expired policy has nobody left to brief.
  const live = cat.active(shanghaiDate(deps.clock.now())).map((p) => p.id)
  const where: Filter[] = [
    { field: 'community', op: 'prefix', value: q.community ?? region },
    { field: 'verdict', op: 'eq', value: 'eligible' },
    { field: 'policyId', op: 'in', value: q.policyId ? live.filter((id) => id === q.policyId) : live },
  ]
  if (q.personId) where.push({ field: 'personId', op: 'eq', value: q.personId })
  const state = q.state ?? 'to_brief'
  // Still to brief: neither briefed nor already applied (an applicant knows the policy).
  if (state === 'to_brief') {
    where.push({ field: 'explainedAt', op: 'eq', value: null })
    where.push({ field: 'appliedAt', op: 'eq', value: null })
  }
  if (state === 'briefed') where.push({ field: 'explainedAt', op: 'ne', value: null })
  const page = await deps.store.find(policyReach, {
    where,
    orderBy: [{ field: 'community', dir: 'asc' }],
    limit: 20,
    cursor: q.cursor,
  })
  return {
    items: page.items.map((r) => toItem(r, cat.all.get(r.policyId)?.title ?? r.policyId)),
    nextCursor: page.nextCursor,
  }
}

/** 宣讲到人: the coordinator explained the policy to the person (channel, date); counts as knowing. */
export const recordExplained = async (
  deps: Deps,
  who: Identity,
  id: string,
  input: { channel: ExplainChannel; date: string; note?: string },
) => {
  const region = scopeOf(who)
  const r = await deps.store.get(policyReach, id)
  if (!r || !isWithinRegion(r.community, region)) throw new AppError('REACH.NOT_FOUND')
  const at = deps.clock.now()
  const saved = await deps.store.update(policyReach, id, {
    explainedAt: r.explainedAt ?? at.toISOString(),
    explained: { channel: input.channel, date: input.date, by: actorLabel(who), note: input.note ?? null },
  })
  await recordAudit(deps.store, at, who, {
    action: 'policy.explained',
    subject: r.personId,
    result: 'ok',
    detail: { policyId: r.policyId, channel: input.channel },
  })
  const title = (await deps.store.get(policies, r.policyId))?.title ?? r.policyId
  return toItem(saved!, title)
}

const countRow = async (store: Store, key: string, name: string, base: Filter[]): Promise<ReachRow> => {
  // Every figure counts among the people the policy is for now: someone told last year who no
  // longer qualifies is not "told" of today's target.
  const target: Filter = { field: 'verdict', op: 'in', value: ['eligible', 'enjoying'] }
  const n = (more: Filter[]) => store.count(policyReach, [...base, target, ...more])
  const targeted = await n([])
  const notified = await n([{ field: 'notifiedAt', op: 'ne', value: null }])
  const read = await n([{ field: 'readAt', op: 'ne', value: null }])
  const explained = await n([{ field: 'explainedAt', op: 'ne', value: null }])
  const explainedUnread = await n([
    { field: 'explainedAt', op: 'ne', value: null },
    { field: 'readAt', op: 'eq', value: null },
  ])
  const applied = await n([{ field: 'appliedAt', op: 'ne', value: null }])
  const enjoying = await n([{ field: 'verdict', op: 'eq', value: 'enjoying' }])
  const known = read + explainedUnread
  const rate = (x: number) => (targeted ? Math.round((x / targeted) * 1000) / 10 : null)
  return {
    key,
    name,
    targeted,
    notified,
    read,
    explained,
    known,
    applied,
    enjoying,
    knowRate: rate(known),
    enjoyRate: rate(enjoying),
  }
}

/**
 * Reach in the caller's region: per policy (no `policyId`), or for one policy per subordinate
 * region (towns for the county, communities for a street/town). Rates are percentages of the
 * people targeted (eligible or enjoying).
 */
export const reachStats = async (deps: Deps, who: Identity, q: { region?: string; policyId?: string }) => {
  const scope = scopeOf(who)
  const region = q.region ?? scope
  if (!isWithinRegion(region, scope)) throw new AppError('AUTH.FORBIDDEN')
  const cat = await loadCatalogue(deps.store)
  const inRegion: Filter = { field: 'community', op: 'prefix', value: region }
  if (!q.policyId) {
    const rows: ReachRow[] = []
    for (const p of cat.all.values()) {
      if (p.status !== 'published') continue
      rows.push(
        await countRow(deps.store, p.id, p.title, [inRegion, { field: 'policyId', op: 'eq', value: p.id }]),
      )
    }
    return { region, regionName: regionLabel(region), policyId: null, rows }
  }
  const policy = cat.all.get(q.policyId)
  if (!policy) throw new AppError('POLICY.NOT_FOUND')
  const byPolicy: Filter = { field: 'policyId', op: 'eq', value: policy.id }
  const rows: ReachRow[] = [
    await countRow(deps.store, region, `合计（${regionLabel(region) ?? region}）`, [inRegion, byPolicy]),
  ]
  for (const child of childRegions(region) ?? []) {
    rows.push(
      await countRow(deps.store, child.code, child.name, [
        { field: 'community', op: 'prefix', value: child.code },
        byPolicy,
      ]),
    )
  }
  return { region, regionName: regionLabel(region), policyId: policy.id, policyTitle: policy.title, rows }
}
