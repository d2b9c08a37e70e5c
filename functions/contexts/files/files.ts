import { createHash } from 'node:crypto'
import type { Identity } from '../../../shared/auth/identity'
import { AppError } from '../../../shared/errors'
import { MATERIAL_MAX_BYTES, MATERIAL_SIZE_TEXT } from '../../../shared/files/materials'
import { newId } from '../../platform/ids'
import type { Deps } from '../../runtime/deps'
import { type FileRecord, files, meta, persons } from '../../store/collections'
import { recordAudit } from '../audit/record-audit'
import { findMyPerson } from '../people/me'
import { staffCanSee } from '../people/person-access'
import { cleanMaterial } from './material-check'

/** What we accept as material: photos and scans. The magic bytes must agree with the type. */
export { MATERIAL_MAX_BYTES, MATERIAL_TYPES } from '../../../shared/files/materials'

export interface FileView {
  id: string
  name: string
  contentType: string
  size: number
  createdAt: string
}

const toView = (f: FileRecord): FileView => ({
  id: f.id,
  name: f.name,
  contentType: f.contentType,
  size: f.size,
  createdAt: f.createdAt,
})

const EXTENSION: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/pdf': '.pdf',
}

/**
 * The name a material is offered under: its last path segment only, and the extension of what
 * it was checked to be (a PNG never downloads as `x.html`).
 */
export const materialName = (name: string, contentType: string): string => {
  const base = name.split(/[\\/]/).at(-1)!.replace(/^\.+/, '').trim() || '材料'
  const ext = EXTENSION[contentType] ?? ''
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '')
  return `${stem || '材料'}${ext}`
}

/** What one person may keep: materials for a handful of applications, with room to spare. */
export const MATERIAL_QUOTA = { files: 60, bytes: 60 * 1024 * 1024 }

const withinQuota = async (deps: Deps, personId: string, adding: number) => {
  const held = await deps.store.find(files, {
    where: [{ field: 'personId', op: 'eq', value: personId }],
    orderBy: [],
    limit: MATERIAL_QUOTA.files + 1,
    fields: ['size'],
  })
  const bytes = held.items.reduce((sum, f) => sum + f.size, 0)
  if (held.items.length >= MATERIAL_QUOTA.files || bytes + adding > MATERIAL_QUOTA.bytes)
    throw new AppError('FILE.QUOTA_EXCEEDED')
}

/**
 * Files no record names (a crash between writing the file and its record), older than an hour
 * so an upload in progress is never taken: removed. Runs in the nightly housekeeping.
 */
export const sweepOrphanFiles = async (deps: Deps, at: Date): Promise<number> => {
  if (!deps.files.list) return 0
  let removed = 0
  for await (const f of deps.files.list()) {
    if (at.getTime() - f.modifiedAt.getTime() < 3_600_000) continue
    const id = f.key.endsWith('.part') ? null : f.key.split('/').at(-1)
    const record = id ? await deps.store.get(files, id) : null
    if (record?.storageKey === f.key) continue
    await deps.files.delete(f.key)
    removed++
  }
  return removed
}

/**
 * A resident uploads a material for their own applications; staff upload one for a person in
 * their region (`forPerson`: evidence of a key group recorded on a home visit).
 */
export const uploadMaterial = async (
  deps: Deps,
  who: Identity,
  upload: { bytes: Buffer; contentType: string } | null,
  name: string,
  forPerson?: string,
): Promise<FileView> => {
  if (!upload)
    throw new AppError('REQUEST.INVALID', {
      message: '请选择要上传的文件',
      issues: [{ field: 'body', message: '缺少文件内容' }],
    })
  const clean = cleanMaterial(upload.bytes, upload.contentType)
  name = materialName(name, upload.contentType)
  let me = forPerson ? await deps.store.get(persons, forPerson) : await findMyPerson(deps, who)
  if (forPerson && (!me || !staffCanSee(who, me))) me = null
  if (!me) throw new AppError(forPerson ? 'PERSON.NOT_FOUND' : 'PERSON.NOT_REGISTERED')
  await withinQuota(deps, me.id, clean.length)
  const at = deps.clock.now()
  const id = newId('file', at)
  const sha256 = createHash('sha256').update(clean).digest('hex')
  const key = `${me.id}/${id}`.replace(/[^a-z0-9_/]/g, '_')
  // The file first, then its record; if the record can't be written the file goes too, and a
  // crash between the two leaves a file no record names, which the nightly sweep removes.
  // The record keeps the reference the store answered (on CloudBase, the cloud file id).
  const storageKey = await deps.files.put(key, clean, upload.contentType)
  const record: FileRecord = {
    id,
    owner: `wx:${who.openid}`,
    personId: me.id,
    community: me.community,
    name,
    contentType: upload.contentType,
    size: clean.length,
    sha256,
    storageKey,
    createdAt: at.toISOString(),
  }
  try {
    await deps.store.insert(files, record)
  } catch (err) {
    await deps.files.delete(storageKey).catch(() => undefined)
    throw err
  }
  await recordAudit(deps.store, at, who, {
    action: 'file.upload',
    subject: id,
    result: 'ok',
    detail: { size: record.size },
  })
  return toView(record)
}

/**
 * Uploads in the mini-program on CloudBase go to cloud storage first (wx.cloud.uploadFile: a
 * function call can't carry 5 MB), to a path the server handed out for this account; then the
 * file is imported: read here, checked like any upload, kept under materials/, the incoming copy
 * removed. Only a path issued to the caller, unexpired, can be imported — never another's file.
 */
const SLOT_MINUTES = 10
const slotKey = (cloudPath: string) => `upload-slot:${cloudPath}`

export const cloudUploadSlot = async (deps: Deps, who: Identity) => {
  if (deps.files.kind !== 'cloudbase') throw new AppError('FILE.CLOUD_ONLY')
  const at = deps.clock.now()
  const owner = createHash('sha256').update(who.openid).digest('hex').slice(0, 16)
  const cloudPath = `incoming/${owner}/${newId('up', at)}`
  await deps.store.insert(meta, {
    id: slotKey(cloudPath),
    value: `wx:${who.openid}`,
    updatedAt: new Date(at.getTime() + SLOT_MINUTES * 60_000).toISOString(),
  })
  return { cloudPath, expiresInSeconds: SLOT_MINUTES * 60 }
}

/** `cloud://<env>.<bucket>/<path>` → `<path>`. */
const cloudPathOf = (fileId: string) => /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1] ?? null

export const importCloudFile = async (
  deps: Deps,
  who: Identity,
  input: { fileId: string; name: string; contentType: string; personId?: string },
): Promise<FileView> => {
  if (deps.files.kind !== 'cloudbase') throw new AppError('FILE.CLOUD_ONLY')
  const path = cloudPathOf(input.fileId)
  const slot = path ? await deps.store.get(meta, slotKey(path)) : null
  if (!slot || slot.value !== `wx:${who.openid}` || slot.updatedAt < deps.clock.now().toISOString())
    throw new AppError('FILE.SLOT_UNKNOWN')
  const bytes = await deps.files.get(input.fileId)
  if (!bytes) throw new AppError('FILE.NOT_FOUND', { message: '未找到上传的文件，请重新上传' })
  try {
    if (bytes.length > MATERIAL_MAX_BYTES)
      throw new AppError('REQUEST.TOO_LARGE', { message: MATERIAL_SIZE_TEXT })
    return await uploadMaterial(
      deps,
      who,
      { bytes, contentType: input.contentType },
      input.name,
      input.personId,
    )
  } finally {
    // Kept or refused, the incoming copy and its slot go: a slot is used once.
    await deps.files.delete(input.fileId).catch(() => undefined)
    await deps.store.delete(meta, slotKey(path!))
  }
}

/**
 * Whose file it is — the uploader, or the person it belongs to (staff may upload a resident's
 * ID photo on a visit: it is the resident's) — or staff whose region holds that person's
 * community; audited, as materials are personal.
 */
export const downloadMaterial = async (deps: Deps, who: Identity, id: string) => {
  const file = await deps.store.get(files, id)
  const at = deps.clock.now()
  let allowed = false
  if (file) {
    const person = await deps.store.get(persons, file.personId)
    allowed =
      file.owner === `wx:${who.openid}` ||
      person?.accountId === `wx:${who.openid}` ||
      (person !== null && staffCanSee(who, person))
  }
  if (!file || !allowed) {
    await recordAudit(deps.store, at, who, { action: 'file.download', subject: id, result: 'refused' })
    throw new AppError('FILE.NOT_FOUND')
  }
  const bytes = await deps.files.get(file.storageKey)
  if (!bytes) throw new AppError('FILE.NOT_FOUND')
  await recordAudit(deps.store, at, who, { action: 'file.download', subject: id, result: 'ok' })
  return { bytes, contentType: file.contentType, name: file.name }
}

/** Check materials named in a submission: known keys, the applicant's own files. */
export const resolveMaterials = async (
  deps: Deps,
  personId: string,
  allowedKeys: string[],
  given: { key: string; fileId: string }[],
): Promise<{ key: string; fileId: string; name: string }[]> => {
  const out: { key: string; fileId: string; name: string }[] = []
  for (const [i, m] of given.entries()) {
    if (!allowedKeys.includes(m.key)) {
      throw new AppError('REQUEST.INVALID', {
        issues: [{ field: `materials.${i}.key`, message: '该申请不需要这项材料' }],
      })
    }
    const file = await deps.store.get(files, m.fileId)
    if (!file || file.personId !== personId) {
      throw new AppError('REQUEST.INVALID', {
        issues: [{ field: `materials.${i}.fileId`, message: '材料文件不存在，请重新上传' }],
      })
    }
    out.push({ key: m.key, fileId: m.fileId, name: file.name })
  }
  return out
}
