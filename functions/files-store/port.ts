/**
 * Where uploaded materials (ID card photos, certificates) are kept: a folder in the data
 * directory locally, CloudBase cloud storage in production. Keys are opaque and server-made.
 */
export interface FileStore {
  readonly kind: 'local' | 'cloudbase'
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  get(key: string): Promise<Buffer | null>
  /** Remove a file; a missing one is not an error. */
  delete(key: string): Promise<void>
  /** Every key with its last write, for the orphan sweep (stores that can list). */
  list?(): AsyncIterable<{ key: string; modifiedAt: Date }>
}
