import type { SqlClient } from '../store/sql-store'
import { type FileStore, SAFE_FILE_KEY } from './port'

/**
 * Materials in the `file_blobs` table (infra/migrations/0018): the PostgreSQL path, where the
 * functions run behind an API gateway on a read-only, per-instance disk. Materials are at most
 * 5 MB and a person keeps at most 60 MB, well within what bytea carries.
 */
export const databaseFileStore = (sql: SqlClient): FileStore => {
  const checked = (key: string) => {
    if (!SAFE_FILE_KEY.test(key)) throw new Error('unsafe file key')
    return key
  }
  return {
    kind: 'database',
    async put(key, bytes, contentType) {
      await sql.query(
        `INSERT INTO file_blobs (key, bytes, content_type) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET bytes = EXCLUDED.bytes, content_type = EXCLUDED.content_type, created_at = now()`,
        [checked(key), bytes, contentType],
      )
      return key
    },
    async get(ref) {
      const { rows } = await sql.query<{ bytes: Uint8Array }>('SELECT bytes FROM file_blobs WHERE key = $1', [
        checked(ref),
      ])
      return rows[0] ? Buffer.from(rows[0].bytes) : null
    },
    async delete(ref) {
      await sql.query('DELETE FROM file_blobs WHERE key = $1', [checked(ref)])
    },
    async *list() {
      let after = ''
      for (;;) {
        const { rows } = await sql.query<{ key: string; created_at: Date | string }>(
          'SELECT key, created_at FROM file_blobs WHERE key > $1 ORDER BY key LIMIT 500',
          [after],
        )
        for (const r of rows) yield { key: r.key, modifiedAt: new Date(r.created_at) }
        if (rows.length < 500) return
        after = rows.at(-1)!.key
      }
    },
  }
}
