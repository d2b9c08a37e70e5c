import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import { EJSON } from 'bson'
import { update as applyUpdate, find } from 'mingo'

/**
 * A local stand-in for the CloudBase document database that the real `@cloudbase/node-sdk`
 * talks to over HTTP: every database call is one POST of `{action, collectionName, query, …}`
 * with EJSON strings, answered `{requestId, data}` or `{code, message}` (always HTTP 200, as the
 * SDK expects). MongoDB query and update semantics come from `mingo`; unique indexes come from
 * infra/cloudbase/database.json, as they would be created in the console. Transactions buffer
 * their writes and, like MongoDB's snapshot transactions, fail with a write conflict when a
 * document they write was changed by another commit after they began (reads never conflict);
 * the SDK's runTransaction, and the adapter after it, retry.
 *
 * Not modelled (see DEPLOY.md): the service's own limits beyond 1,000 a query, latency, and its
 * treatment of missing fields in unique indexes (here a missing or null value never collides).
 */
type Doc = Record<string, unknown> & { _id: string }
type Params = Record<string, unknown> & { action: string; collectionName?: string; transactionId?: string }
interface Tx {
  writes: Map<string, Map<string, Doc | null>>
  /** The commit count when it began: a document it writes, changed by a commit since, conflicts. */
  start: number
  /** When it began (ms): an abandoned transaction stops holding its documents after a while. */
  startedAt: number
  open: boolean
}

/** MongoDB ends a transaction left open this long (transactionLifetimeLimitSeconds is 60). */
const TX_LIFETIME_MS = 60_000

class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** File ids as CloudBase writes them: `cloud://<env>.<bucket>/<path>`. */
const FILE_ID_PREFIX = 'cloud://local.local-bucket/'

const REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

/** Canonical EJSON as the SDK writes it, into plain values (bson's parser refuses some flags). */
const decode = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(decode)
  if (v === null || typeof v !== 'object') return v
  const o = v as Record<string, unknown>
  const keys = Object.keys(o)
  if (keys.length === 1) {
    const x = o[keys[0]!]
    switch (keys[0]) {
      case '$numberInt':
      case '$numberDouble':
      case '$numberLong':
      case '$numberDecimal':
        return Number(x)
      case '$date':
        return new Date(
          typeof x === 'object' && x && '$numberLong' in x
            ? Number((x as { $numberLong: string }).$numberLong)
            : (x as string),
        )
      case '$oid':
        return String(x)
      case '$regularExpression': {
        const r = x as { pattern: string; options?: string }
        return new RegExp(r.pattern, [...(r.options ?? '')].filter((f) => REGEX_FLAGS.has(f)).join(''))
      }
      case '$tcb_server_date':
        return new Date(Date.now() + Number(decode((x as { offset?: unknown }).offset) ?? 0))
      case '$undefined':
        return undefined
    }
  }
  return Object.fromEntries(keys.map((k) => [k, decode(o[k])]))
}
const parse = (s: unknown): Record<string, unknown> | undefined =>
  typeof s === 'string' && s !== '' ? (decode(JSON.parse(s)) as Record<string, unknown>) : undefined
const encode = (doc: unknown): string => EJSON.stringify(doc as never, { relaxed: false })

/** Unique keys per collection, as infra/cloudbase/database.json declares them. */
export const uniqueKeysFromDeclaration = (file = join(__dirname, '../../infra/cloudbase/database.json')) => {
  const declared = JSON.parse(readFileSync(file, 'utf8')) as {
    collections: { name: string; indexes: { unique?: boolean; keys: { field: string }[] }[] }[]
  }
  return Object.fromEntries(
    declared.collections.map((c) => [
      c.name,
      c.indexes.filter((i) => i.unique).map((i) => i.keys.map((k) => k.field)),
    ]),
  )
}

export interface LocalCloudBase {
  /** The URL to give the SDK (`TCB_CONTEXT_CNFG={"URL": …}` or `serviceUrl`). */
  url: string
  server: Server
  /** Empty every collection (between test files). */
  reset(): void
  close(): Promise<void>
}

export const startLocalCloudBase = async (
  opts: { port?: number; uniqueKeys?: Record<string, string[][]> } = {},
): Promise<LocalCloudBase> => {
  const unique = opts.uniqueKeys ?? uniqueKeysFromDeclaration()
  const data = new Map<string, Map<string, Doc>>()
  /** The commit count at which each document last changed. */
  const changedAt = new Map<string, number>()
  let commits = 0
  const txs = new Map<string, Tx>()
  const coll = (name: string) => {
    const c = data.get(name) ?? new Map<string, Doc>()
    data.set(name, c)
    return c
  }
  const keyOf = (name: string, id: string) => `${name}/${id}`

  const docsOf = (name: string, tx?: Tx): Doc[] => {
    const base = coll(name)
    const over = tx?.writes.get(name)
    if (!over) return [...base.values()]
    const out: Doc[] = []
    for (const [id, d] of base) if (!over.has(id)) out.push(d)
    for (const d of over.values()) if (d) out.push(d)
    return out
  }
  const checkUnique = (name: string, doc: Doc, tx?: Tx) => {
    for (const fields of unique[name] ?? []) {
      const values = fields.map((f) => doc[f])
      if (values.some((v) => v === undefined || v === null)) continue
      const clash = docsOf(name, tx).find(
        (d) =>
          d._id !== doc._id && fields.every((f, i) => JSON.stringify(d[f]) === JSON.stringify(values[i])),
      )
      if (clash)
        throw new DbError(
          'DATABASE_DUPLICATE_WRITE',
          `E11000 duplicate key error collection: ${name} index: ${fields.join('_')} dup key`,
        )
    }
  }
  /** The open transaction that has written each document and not yet committed. */
  const heldBy = new Map<string, Tx>()
  const holds = (t: Tx | undefined) => t?.open === true && Date.now() - t.startedAt < TX_LIFETIME_MS
  const release = (tx: Tx) => {
    tx.open = false
    for (const [name, over] of tx.writes)
      for (const id of over.keys()) if (heldBy.get(keyOf(name, id)) === tx) heldBy.delete(keyOf(name, id))
  }
  /**
   * A transaction is about to write a document (even to the value it already has): as MongoDB
   * does at the write itself, it conflicts when someone committed a change to the document since
   * the transaction began — its reads were of an older state — or another open transaction has
   * written it (the first writer wins). The conflict ends the transaction on the server, as in
   * MongoDB; the SDK retries with a new one and never rolls this one back.
   */
  const claim = (name: string, id: string, tx: Tx) => {
    const key = keyOf(name, id)
    const holder = heldBy.get(key)
    if ((changedAt.get(key) ?? 0) > tx.start || (holder !== tx && holds(holder))) {
      release(tx)
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'write conflict')
    }
    heldBy.set(key, tx)
  }
  const write = (name: string, id: string, doc: Doc | null, tx?: Tx) => {
    if (tx) claim(name, id, tx)
    if (doc) checkUnique(name, doc, tx)
    if (tx) {
      const over = tx.writes.get(name) ?? new Map<string, Doc | null>()
      tx.writes.set(name, over)
      over.set(id, doc)
      return
    }
    changedAt.set(keyOf(name, id), ++commits)
    if (doc) coll(name).set(id, doc)
    else coll(name).delete(id)
  }
  const select = (p: Params, tx?: Tx): Doc[] => {
    return find(docsOf(p.collectionName!, tx), parse(p.query) ?? {}).all() as Doc[]
  }

  const handlers: Record<string, (p: Params, tx?: Tx) => Record<string, unknown>> = {
    'database.addCollection': (p) => {
      coll(p.collectionName!)
      return { data: {} }
    },
    'database.insertDocument': (p, tx) => {
      const ids: string[] = []
      for (const s of p.data as string[]) {
        const doc = parse(s) as Doc
        doc._id ??= randomBytes(12).toString('hex')
        if (docsOf(p.collectionName!, tx).some((d) => d._id === doc._id))
          throw new DbError(
            'DATABASE_DUPLICATE_WRITE',
            `E11000 duplicate key error collection: ${p.collectionName} index: _id_ dup key`,
          )
        write(p.collectionName!, doc._id, doc, tx)
        ids.push(doc._id)
      }
      return { data: { insertedIds: ids } }
    },
    'database.getDocument': (p, tx) => {
      let cursor = find(docsOf(p.collectionName!, tx), parse(p.query) ?? {}, parse(p.projection) as never)
      const order = parse(p.order)
      if (order && Object.keys(order).length) cursor = cursor.sort(order as never)
      if (p.offset) cursor = cursor.skip(Number(p.offset))
      cursor = cursor.limit(Math.min(Number(p.limit ?? 100), 1000))
      return { data: { list: cursor.all().map(encode) } }
    },
    'database.calculateDocument': (p, tx) => ({ data: { total: select(p, tx).length } }),
    'database.modifyDocument': (p, tx) => {
      const change = parse(p.data) ?? {}
      let targets = select(p, tx)
      if (!p.multi) targets = targets.slice(0, 1)
      // Matched is written, as far as conflicts go, whether or not the values change.
      if (tx) for (const d of targets) claim(p.collectionName!, d._id, tx)
      let updated = 0
      for (const d of targets) {
        if (p.merge === false) {
          const replaced = { ...change, _id: d._id } as Doc
          if (encode(replaced) !== encode(d)) {
            write(p.collectionName!, d._id, replaced, tx)
            updated++
          }
        } else if (Object.keys(change).length) {
          const next = structuredClone(d)
          if (applyUpdate(next, change as never).length) {
            write(p.collectionName!, d._id, next, tx)
            updated++
          }
        }
      }
      const reply: Record<string, unknown> = { updated }
      if (!targets.length && p.upsert) {
        const q = parse(p.query) ?? {}
        const doc = (p.merge === false ? { ...change } : {}) as Doc
        if (p.merge !== false) applyUpdate(doc, change as never)
        doc._id = typeof q._id === 'string' ? q._id : randomBytes(12).toString('hex')
        write(p.collectionName!, doc._id, doc, tx)
        reply.upsert_id = doc._id
      }
      return { data: reply }
    },
    'database.removeDocument': (p, tx) => {
      let targets = select(p, tx)
      if (!p.multi) targets = targets.slice(0, 1)
      for (const d of targets) write(p.collectionName!, d._id, null, tx)
      return { data: { deleted: targets.length } }
    },
    'database.startTransaction': () => {
      const id = randomBytes(12).toString('hex')
      txs.set(id, { writes: new Map(), start: commits, startedAt: Date.now(), open: true })
      return { transactionId: id }
    },
    'database.commitTransaction': (p, tx) => {
      txs.delete(p.transactionId!)
      if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', 'transaction not found or finished')
      release(tx)
      for (const [name, over] of tx.writes)
        for (const id of over.keys())
          if ((changedAt.get(keyOf(name, id)) ?? 0) > tx.start)
            throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'write conflict')
      // Unique keys are checked again against what committed since.
      for (const over of tx.writes.entries()) for (const d of over[1].values()) if (d) checkUnique(over[0], d)
      for (const [name, over] of tx.writes) for (const [id, d] of over) write(name, id, d)
      return {}
    },
    'database.abortTransaction': (p, tx) => {
      txs.delete(p.transactionId!)
      if (tx) release(tx)
      return {}
    },
    // Cloud storage: the SDK asks where to PUT a path, PUTs the bytes there, asks for a
    // temporary URL to GET, and deletes by file id — all pointed back at this server.
    'storage.getUploadMetadata': (p) => {
      const path = String(p.path ?? '')
      if (!path || path.startsWith('/')) throw new DbError('STORAGE_INVALID_PATH', 'invalid cloud path')
      return {
        data: {
          url: `${origin()}/cos/${path}`,
          token: 'local',
          authorization: 'local',
          fileId: `${FILE_ID_PREFIX}${path}`,
          cosFileId: path,
        },
      }
    },
    'storage.batchGetDownloadUrl': (p) => ({
      data: {
        download_list: (p.file_list as ({ fileid: string } | string)[]).map((f) => {
          const fileID = typeof f === 'string' ? f : f.fileid
          const path = pathOfFileId(fileID)
          return path && blobs.has(path)
            ? { fileID, tempFileURL: `${origin()}/cos/${path}`, code: 'SUCCESS' }
            : { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
        }),
      },
    }),
    'storage.batchDeleteFile': (p) => ({
      data: {
        delete_list: (p.fileid_list as string[]).map((fileID) => {
          const path = pathOfFileId(fileID)
          const had = path !== null && blobs.delete(path)
          return { fileID, code: had ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
        }),
      },
    }),
  }

  /** Stored files by cloud path. */
  const blobs = new Map<string, Buffer>()
  const pathOfFileId = (fileID: string) =>
    fileID.startsWith(FILE_ID_PREFIX) ? fileID.slice(FILE_ID_PREFIX.length) : null
  /** The upload and download URLs: the object storage's part of this server. */
  const serveObject = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const path = decodeURIComponent((req.url ?? '').slice('/cos/'.length).split('?')[0]!)
    if (req.method === 'PUT') {
      blobs.set(path, body)
      // An empty body is the SDK's success; it parses anything else as COS's XML error.
      res.writeHead(200)
      return res.end()
    }
    const bytes = req.method === 'GET' ? blobs.get(path) : undefined
    if (!bytes) {
      res.writeHead(404, { 'content-type': 'application/xml' })
      return res.end('<Error><Code>NoSuchKey</Code></Error>')
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' })
    res.end(bytes)
  }

  let seq = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.url?.startsWith('/cos/')) return serveObject(req, res, Buffer.concat(chunks))
      const requestId = `local-${++seq}`
      const reply = (body: Record<string, unknown>) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ requestId, ...body }))
      }
      let p: Params
      try {
        p = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Params
      } catch {
        return reply({ code: 'INVALID_PARAM', message: 'body is not JSON' })
      }
      const handle = handlers[p.action]
      if (!handle) return reply({ code: 'INVALID_PARAM', message: `unsupported action ${p.action}` })
      const held = p.transactionId ? txs.get(p.transactionId) : undefined
      const tx = held?.open ? held : undefined
      if (p.transactionId && !tx && p.action !== 'database.abortTransaction')
        return reply({ code: 'DATABASE_TRANSACTION_FAIL', message: 'transaction not found or finished' })
      try {
        reply(handle(p, tx))
      } catch (err) {
        const e = err as { code?: string; message?: string }
        reply({ code: e.code ?? 'DATABASE_REQUEST_FAILED', message: e.message ?? 'failed' })
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  const origin = () => `http://127.0.0.1:${port}`
  return {
    url: `${origin()}/admin`,
    server,
    reset: () => {
      data.clear()
      blobs.clear()
      changedAt.clear()
      txs.clear()
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
