import type { Material } from '@shared/applications/application-types'
import { MATERIAL_RULES_TEXT } from '@shared/files/materials'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage, uploadMaterial } from '../api/client'
import { toastText } from '../utils/toast'

export type Uploaded = Record<string, { fileId: string; name: string }>

interface Chosen {
  bytes: ArrayBuffer
  name: string
  type?: string
}

/**
 * Pick a photo or a PDF. In a browser a plain file input (which also offers PDFs); in WeChat the
 * album or camera, read from the local file system.
 */
export const chooseFile = async (): Promise<Chosen | null> => {
  if (process.env.TARO_ENV === 'h5') {
    const file = await new Promise<File | null>((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = 'image/jpeg,image/png,application/pdf'
      input.onchange = () => resolve(input.files?.[0] ?? null)
      input.click()
    })
    return file ? { bytes: await file.arrayBuffer(), name: file.name, type: file.type } : null
  }
  try {
    const chosen = await Taro.chooseImage({
      count: 1,
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    })
    const path = chosen.tempFilePaths[0]
    if (!path) return null
    const bytes = Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer
    return { bytes, name: path.split('/').pop() ?? 'photo.jpg' }
  } catch {
    return null
  }
}

interface Props {
  materials: readonly Material[]
  value: Uploaded
  onChange: (next: Uploaded) => void
  /** Staff filing for a resident: the files are the resident's. */
  personId?: string
}

/** One row per material: 上传 (photo or scan), then its file name with 重新上传. Optional: originals can be shown at the counter. */
export default function MaterialUploader({ materials, value, onChange, personId }: Props) {
  const [busy, setBusy] = useState<string | null>(null)

  const pick = async (m: Material) => {
    if (busy) return
    const file = await chooseFile()
    if (!file) return // the resident cancelled
    setBusy(m.key)
    try {
      const uploaded = await uploadMaterial(file.bytes, file.name || `${m.label}.jpg`, file.type, personId)
      onChange({ ...value, [m.key]: { fileId: uploaded.id, name: uploaded.name } })
      toastText('已上传')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className="uploader">
      <Text className="uploader__rules">{MATERIAL_RULES_TEXT}</Text>
      {materials.map((m, i) => {
        const done = value[m.key]
        return (
          <View key={m.key} className="apply__material" id={`material-${m.key}`}>
            <Text className="apply__material-no">{i + 1}.</Text>
            <View className="apply__material-text">
              <Text>{m.label}</Text>
              {done ? <Text className="uploader__file">已上传：{done.name}</Text> : null}
            </View>
            <Text className={`tag apply__material-tag${m.required ? ' tag--accent' : ''}`}>
              {m.required ? '必须' : '如有'}
            </Text>
            <View
              id={`material-upload-${m.key}`}
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => void pick(m)}
            >
              {busy === m.key ? '上传中…' : done ? '重新上传' : '上传'}
            </View>
          </View>
        )
      })}
    </View>
  )
}
