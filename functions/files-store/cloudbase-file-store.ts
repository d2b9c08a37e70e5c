import type { FileStore } from './port'

/** CloudBase cloud storage through @cloudbase/node-sdk (inside CloudBase no keys are needed). */
export const cloudbaseFileStore = async (opts: {
  env?: string
  secretId?: string
  secretKey?: string
}): Promise<FileStore> => {
  const tcb = await import('@cloudbase/node-sdk')
  const sdk = (tcb as unknown as { default?: typeof tcb }).default ?? tcb
  const app = sdk.init({
    env: opts.env ?? (sdk.SYMBOL_CURRENT_ENV as unknown as string),
    ...(opts.secretId && opts.secretKey ? { secretId: opts.secretId, secretKey: opts.secretKey } : {}),
  })
  const fileIds = new Map<string, string>()
  return {
    kind: 'cloudbase',
    async put(key, bytes) {
      const res = await app.uploadFile({ cloudPath: `materials/${key}`, fileContent: bytes })
      if (res.fileID) fileIds.set(key, res.fileID)
    },
    async delete(key) {
      const fileID = fileIds.get(key) ?? `cloud://${opts.env ?? ''}/materials/${key}`
      await app.deleteFile({ fileList: [fileID] }).catch(() => undefined)
      fileIds.delete(key)
    },
    async get(key) {
      const fileID = fileIds.get(key) ?? `cloud://${opts.env ?? ''}/materials/${key}`
      try {
        const res = await app.downloadFile({ fileID })
        return res.fileContent ? Buffer.from(res.fileContent) : null
      } catch {
        return null
      }
    },
  }
}
