import { createHash } from 'node:crypto'
import { type AuditRecord, auditLog, meta } from '../../store/collections'
import type { Store } from '../../store/port'

/**
 * The audit log made tamper-evident. A seal job takes records not yet sealed, oldest first, and
 * gives each its place in one chain: `hash = sha256(previous hash + the record's content)`. A
 * record changed afterwards no longer matches its hash; one removed leaves a gap in the numbers;
 * one inserted out of turn has no place. `npm run audit:verify` walks the chain.
 *
 * Sealing runs after the fact (every few minutes) rather than on every write, so recording an
 * audit entry stays one insert and concurrent requests never queue on the chain's head.
 */
const HEAD = 'audit-chain-head'
/** What retention removed: the chain resumes from here. */
const ANCHOR = 'audit-chain-anchor'
const GENESIS = '0'.repeat(64)

interface Link {
  seq: number
  hash: string
}

const sortedDetail = (d: AuditRecord['detail']) =>
  d ? Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b))) : null

/** The content a seal covers: everything the record says, in a fixed order. */
export const sealedContent = (r: AuditRecord): string =>
  JSON.stringify([r.id, r.at, r.actor, r.actorRole, r.action, r.subject, r.result, sortedDetail(r.detail)])

export const linkHash = (prevHash: string, r: AuditRecord): string =>
  createHash('sha256')
    .update(`${prevHash}\n${sealedContent(r)}`)
    .digest('hex')

const readLink = async (store: Store, id: string): Promise<Link | null> => {
  const m = await store.get(meta, id)
  return m ? (JSON.parse(m.value) as Link) : null
}

/**
 * Records are sealed once they are this old: every request that could still write one with an
 * earlier time has ended (functions time out within a minute), so (at, id) order is final.
 */
const SETTLE_MS = 5 * 60_000

/** Seal every settled, unsealed record in (at, id) order; resumable and safe to run twice at once. */
export const sealAuditLog = async (store: Store, at: Date): Promise<{ sealed: number }> => {
  let sealed = 0
  const settled = new Date(at.getTime() - SETTLE_MS).toISOString()
  const genesis = JSON.stringify({ seq: 0, hash: GENESIS })
  await store.insert(meta, { id: HEAD, value: genesis, updatedAt: at.toISOString() }).catch((err) => {
    if ((err as Error).name !== 'DuplicateKeyError') throw err
  })
  for (;;) {
    const page = await store.find(auditLog, {
      where: [
        { field: 'sealed', op: 'eq', value: false },
        { field: 'at', op: 'lt', value: settled },
      ],
      orderBy: [
        { field: 'at', dir: 'asc' },
        { field: 'id', dir: 'asc' },
      ],
      limit: 200,
      bulk: true,
    })
    if (!page.items.length) return { sealed }
    for (const r of page.items) {
      const head = (await readLink(store, HEAD)) ?? { seq: 0, hash: GENESIS }
      const link = { seq: head.seq + 1, hash: linkHash(head.hash, r) }
      const ok = await store
        .transaction(async (tx) => {
          const moved = await tx.update(
            meta,
            HEAD,
            { value: JSON.stringify(link), updatedAt: at.toISOString() },
            { expect: { value: JSON.stringify(head) } },
          )
          if (!moved) return false
          const done = await tx.update(
            auditLog,
            r.id,
            { sealed: true, seal: { seq: link.seq, prevHash: head.hash, hash: link.hash } },
            { expect: { sealed: false } },
          )
          if (!done) throw new SealRace()
          return true
        })
        .catch((err) => {
          if (err instanceof SealRace) return false
          throw err
        })
      // Another sealer moved the head (or took this record) first: read again and go on.
      if (ok) sealed++
    }
  }
}

class SealRace extends Error {}

export interface ChainReport {
  ok: boolean
  checked: number
  /** The first record that breaks the chain, and how. */
  broken: { id: string | null; seq: number; problem: 'changed' | 'missing' | 'out-of-order' } | null
}

/** Walk the sealed chain from its anchor to its head. */
export const verifyAuditChain = async (store: Store): Promise<ChainReport> => {
  const anchor = (await readLink(store, ANCHOR)) ?? { seq: 0, hash: GENESIS }
  const head = await readLink(store, HEAD)
  let prev = anchor
  let checked = 0
  let cursor: string | undefined
  do {
    const page = await store.find(auditLog, {
      where: [{ field: 'sealed', op: 'eq', value: true }],
      orderBy: [
        { field: 'at', dir: 'asc' },
        { field: 'id', dir: 'asc' },
      ],
      limit: 1000,
      bulk: true,
      cursor,
    })
    // Sealing follows (at, id) order, so the chain reads back in the same order.
    for (const r of page.items) {
      const seal = r.seal
      // Retention moved the anchor past this one but stopped before removing it.
      if (seal && seal.seq <= anchor.seq) continue
      if (!seal || seal.seq !== prev.seq + 1) {
        const problem = seal && seal.seq > prev.seq + 1 ? 'missing' : 'out-of-order'
        return { ok: false, checked, broken: { id: r.id, seq: prev.seq + 1, problem } }
      }
      if (seal.prevHash !== prev.hash || linkHash(prev.hash, r) !== seal.hash) {
        return { ok: false, checked, broken: { id: r.id, seq: seal.seq, problem: 'changed' } }
      }
      prev = { seq: seal.seq, hash: seal.hash }
      checked++
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  if (head && (head.seq !== prev.seq || head.hash !== prev.hash)) {
    return { ok: false, checked, broken: { id: null, seq: prev.seq + 1, problem: 'missing' } }
  }
  return { ok: true, checked, broken: null }
}

/**
 * Retention: sealed records older than the retention period are removed, oldest first, and the
 * anchor moves to the last one removed so the chain still verifies from there.
 */
export const expireAuditLog = async (store: Store, at: Date, retentionDays: number): Promise<number> => {
  const cutoff = new Date(at.getTime() - retentionDays * 86_400_000).toISOString()
  let removed = 0
  for (;;) {
    const page = await store.find(auditLog, {
      where: [
        { field: 'sealed', op: 'eq', value: true },
        { field: 'at', op: 'lt', value: cutoff },
      ],
      orderBy: [
        { field: 'at', dir: 'asc' },
        { field: 'id', dir: 'asc' },
      ],
      limit: 200,
      bulk: true,
    })
    if (!page.items.length) return removed
    for (const r of page.items) {
      const link = JSON.stringify({ seq: r.seal!.seq, hash: r.seal!.hash })
      const now = at.toISOString()
      // The anchor first: a crash after it leaves a record the walk starts past, never a gap.
      const moved = await store.update(meta, ANCHOR, { value: link, updatedAt: now })
      if (!moved) await store.insert(meta, { id: ANCHOR, value: link, updatedAt: now }).catch(() => null)
      await store.delete(auditLog, r.id)
      removed++
    }
  }
}
