import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { type FileStore, SAFE_FILE_KEY } from './port'

/** Files under `<DATA_DIR>/files`, written atomically enough for one process (write, then it exists). */
export const localFileStore = (dataDir: string): FileStore => {
  const root = resolve(dataDir, 'files')
  const path = (key: string) => {
    if (!SAFE_FILE_KEY.test(key)) throw new Error('unsafe file key')
    return join(root, key)
  }
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = path(key)
      await mkdir(dirname(file), { recursive: true })
      // Written aside, then renamed: a crash mid-write never leaves half a file under the key.
      const part = `${file}.part`
      await writeFile(part, bytes, { mode: 0o600 })
      await rename(part, file)
      return key
    },
    async delete(key) {
      await rm(path(key), { force: true })
    },
    async *list() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return []
          throw err
        },
      )
      for (const e of entries) {
        if (!e.isFile()) continue
        const full = join(e.parentPath, e.name)
        const key = relative(root, full).split(sep).join('/')
        yield { key, modifiedAt: (await stat(full)).mtime }
      }
    },
    async get(key) {
      return readFile(path(key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null
        throw err
      })
    },
  }
}
