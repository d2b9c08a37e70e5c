import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cloudbaseFileStore } from '../../functions/files-store/cloudbase-file-store'
import { databaseFileStore } from '../../functions/files-store/database-file-store'
import { localFileStore } from '../../functions/files-store/local-file-store'
import type { FileStore } from '../../functions/files-store/port'
import { startLocalCloudBase } from '../../functions/local/cloudbase-service'
import { localCloudBaseTarget } from '../../functions/store/cloudbase-app'
import type { SqlStore } from '../../functions/store/sql-store'
import { availableAdapters } from './adapters'

/**
 * Where materials live, one contract for each: the data folder (embedded demo), the database
 * (PGlite and PostgreSQL: the API-gateway path, whose disk is read-only), and cloud storage
 * through the real CloudBase SDK against the local service.
 */
interface FileStoreUnderTest {
  name: string
  open(): Promise<{ files: FileStore; dispose(): Promise<void> }>
}

const underTest: FileStoreUnderTest[] = [
  {
    name: 'local folder',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pes-files-'))
      return {
        files: localFileStore(dir),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      }
    },
  },
  {
    name: 'cloudbase storage (local service, real SDK)',
    open: async () => {
      const service = await startLocalCloudBase()
      const files = await cloudbaseFileStore(localCloudBaseTarget(service.url))
      return { files, dispose: () => service.close() }
    },
  },
  ...availableAdapters()
    .adapters.filter((a) => a.name === 'pglite' || a.name === 'postgres')
    .map((a) => ({
      name: `database (${a.name})`,
      open: async () => {
        const { store, dispose } = await a.open()
        return { files: databaseFileStore((store as SqlStore).sql), dispose }
      },
    })),
]

describe.each(underTest)('file store contract: $name', (t) => {
  let files: FileStore
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ files, dispose } = await t.open())
  })
  afterAll(() => dispose())

  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254])

  it('gives back what was put, byte for byte, by the reference put answered', async () => {
    const ref = await files.put('psn_1/file_a', bytes, 'image/png')
    expect(typeof ref).toBe('string')
    expect((await files.get(ref))?.equals(bytes)).toBe(true)
  })

  it('removes a file; a missing one is no error and reads as absent', async () => {
    const ref = await files.put('psn_1/file_b', bytes, 'image/png')
    await files.delete(ref)
    expect(await files.get(ref)).toBeNull()
    await expect(files.delete(ref)).resolves.toBeUndefined()
  })

  it('refuses a key that could leave its folder', async () => {
    await expect(files.put('../etc/passwd', bytes, 'image/png')).rejects.toThrow(/unsafe/)
  })

  it('lists what it holds where it can list (for the orphan sweep)', async () => {
    if (!files.list) return expect(files.kind).toBe('cloudbase')
    const ref = await files.put('psn_2/file_c', bytes, 'image/png')
    const keys: string[] = []
    for await (const f of files.list()) keys.push(f.key)
    expect(keys).toContain(ref)
  })
})
