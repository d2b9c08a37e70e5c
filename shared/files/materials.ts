/**
 * What an uploaded material may be: the server refuses anything else, and the app says so before
 * sending (and names the rule when the server refuses).
 */
export const MATERIAL_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const
export const MATERIAL_MAX_BYTES = 5 * 1024 * 1024

export const MATERIAL_TYPES_TEXT = '只能上传 JPG、PNG 图片或 PDF 文件'
export const MATERIAL_SIZE_TEXT = `文件不能超过 ${MATERIAL_MAX_BYTES / 1024 / 1024} MB`
/** The hint under the materials: both rules in one line. */
export const MATERIAL_RULES_TEXT = `支持 JPG、PNG 图片或 PDF，每个不超过 ${MATERIAL_MAX_BYTES / 1024 / 1024} MB`

/** The refusal of a file the app is about to send, or null when it may go. */
export const materialProblem = (type: string, bytes: number): string | null => {
  if (!(MATERIAL_TYPES as readonly string[]).includes(type)) return MATERIAL_TYPES_TEXT
  if (bytes > MATERIAL_MAX_BYTES) return MATERIAL_SIZE_TEXT
  return null
}
