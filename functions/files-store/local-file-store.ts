import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { FileStore } from './port'

/** Files under `<DATA_DIR>/files`, written atomically enough for one process (write, then it exists). */
export const localFileStore = (dataDir: string): FileStore => {
  const root = resolve(dataDir, 'files')
  const path = (key: string) => {
    if (!/^[a-z0-9_/]+$/.test(key)) throw new Error('unsafe file key')
    return join(root, key)
  }
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = path(key)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, bytes, { mode: 0o600 })
    },
    async get(key) {
      return readFile(path(key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null
        throw err
      })
    },
  }
}
