import { type CloudBaseTarget, initCloudBase } from '../store/cloudbase-app'
import { type FileStore, SAFE_FILE_KEY } from './port'

/**
 * CloudBase cloud storage through @cloudbase/node-sdk (inside CloudBase no keys are needed).
 * The reference kept with a material is the file id the upload answered (`cloud://env.bucket/…`);
 * the bucket part isn't knowable from the key, so nothing is guessed after a cold start.
 */
export const cloudbaseFileStore = async (target: CloudBaseTarget): Promise<FileStore> => {
  const app = await initCloudBase(target)
  const isFileId = (ref: string) => ref.startsWith('cloud://')
  return {
    kind: 'cloudbase',
    async put(key, bytes) {
      if (!SAFE_FILE_KEY.test(key)) throw new Error('unsafe file key')
      const res = await app.uploadFile({ cloudPath: `materials/${key}`, fileContent: bytes })
      if (!res.fileID) throw new Error('cloud storage answered no file id')
      return res.fileID
    },
    async delete(ref) {
      if (!isFileId(ref)) return
      await app.deleteFile({ fileList: [ref] })
    },
    async get(ref) {
      if (!isFileId(ref)) return null
      try {
        const res = await app.downloadFile({ fileID: ref })
        return res.fileContent ? Buffer.from(res.fileContent) : null
      } catch (err) {
        if (/NONEXIST|NOT_EXIST/i.test(String((err as { code?: string }).code ?? (err as Error).message)))
          return null
        throw err
      }
    },
  }
}
