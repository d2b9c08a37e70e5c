/**
 * Where uploaded materials (ID card photos, certificates) are kept: a folder in the data
 * directory for the embedded demo, a table on PostgreSQL, CloudBase cloud storage there.
 *
 * `put` answers the file's reference — what the material's record keeps and what `get` and
 * `delete` take: the key itself for the folder and the table, the file id CloudBase assigned
 * (`cloud://…`) for cloud storage, which can't be derived from the key after a cold start.
 */
export interface FileStore {
  readonly kind: 'local' | 'database' | 'cloudbase'
  /** `key` is opaque, server-made, [a-z0-9_/]. */
  put(key: string, bytes: Buffer, contentType: string): Promise<string>
  get(ref: string): Promise<Buffer | null>
  /** Remove a file; a missing one is not an error. */
  delete(ref: string): Promise<void>
  /** Every reference with its last write, for the orphan sweep (stores that can list). */
  list?(): AsyncIterable<{ key: string; modifiedAt: Date }>
}

export const SAFE_FILE_KEY = /^[a-z0-9_/]+(\.part)?$/
