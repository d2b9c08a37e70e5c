import { crc32, inflateSync } from 'node:zlib'
import { AppError } from '../../../shared/errors'

/**
 * What a material is allowed to be: exactly one image or one document, and nothing riding along.
 * A file is kept only as far as its own format reaches (a PNG to its IEND chunk, a JPEG to its
 * end-of-image marker, a PDF to its last %%EOF); anything appended (HTML, SVG, a script) is cut
 * off, and metadata that can carry text (PNG text chunks, JPEG comments) is dropped. A PDF with
 * active content (JavaScript, actions run on opening, launches, embedded files, forms that
 * submit) is refused: a scan of a certificate needs none of it.
 */
const bad = (why: string): never => {
  throw new AppError('REQUEST.INVALID', {
    message: `文件格式不正确：${why}`,
    issues: [{ field: 'body', message: why }],
  })
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Chunks that hold free text or metadata, never pixels. */
const PNG_TEXT_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf'])

export const cleanPng = (bytes: Buffer): Buffer => {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) bad('不是有效的 PNG 图片')
  const kept: Buffer[] = [PNG_SIGNATURE]
  let at = 8
  let first = true
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const end = at + 12 + length
    if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.length) bad('PNG 图片结构损坏')
    if (first && (type !== 'IHDR' || length !== 13)) bad('PNG 图片结构损坏')
    first = false
    const crc = bytes.readUInt32BE(end - 4)
    if (crc32(bytes.subarray(at + 4, end - 4)) !== crc) bad('PNG 图片校验失败')
    if (!PNG_TEXT_CHUNKS.has(type)) kept.push(bytes.subarray(at, end))
    if (type === 'IEND') return Buffer.concat(kept)
    at = end
  }
  return bad('PNG 图片不完整')
}

/** Markers with no length field: SOI, EOI, RST0-7, TEM. */
const standalone = (m: number) => m === 0xd8 || m === 0xd9 || (m >= 0xd0 && m <= 0xd7) || m === 0x01

export const cleanJpeg = (bytes: Buffer): Buffer => {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) bad('不是有效的 JPG 图片')
  const kept: Buffer[] = [bytes.subarray(0, 2)]
  let at = 2
  let sawFrame = false
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) bad('JPG 图片结构损坏')
    while (bytes[at] === 0xff && bytes[at + 1] === 0xff) at++ // fill bytes
    const marker = bytes[at + 1]
    if (marker === undefined) break
    if (marker === 0xd9) {
      if (!sawFrame) bad('JPG 图片没有图像数据')
      kept.push(bytes.subarray(at, at + 2))
      return Buffer.concat(kept)
    }
    if (standalone(marker)) {
      kept.push(bytes.subarray(at, at + 2))
      at += 2
      continue
    }
    if (at + 4 > bytes.length) break
    const length = bytes.readUInt16BE(at + 2)
    let end = at + 2 + length
    if (length < 2 || end > bytes.length) bad('JPG 图片结构损坏')
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      sawFrame = true
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      while (end + 1 < bytes.length) {
        if (
          bytes[end] === 0xff &&
          bytes[end + 1] !== 0x00 &&
          !(bytes[end + 1]! >= 0xd0 && bytes[end + 1]! <= 0xd7)
        )
          break
        end++
      }
    }
    // Comments carry free text; nothing a photo of a certificate needs.
    if (marker !== 0xfe) kept.push(bytes.subarray(at, end))
    at = end
  }
  return bad('JPG 图片不完整')
}

/** PDF names that make a document do something when opened or clicked. */
const ACTIVE =
  /\/(JavaScript|JS|OpenAction|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData|GoToR|GoToE)(?=[\s/<>[\]()%{}]|$)/
const MAX_INFLATED = 64 * 1024 * 1024

/** `/J#61vaScript` is `/JavaScript`: names may hide behind #xx escapes. */
const unescapeNames = (text: string) =>
  text.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

export const cleanPdf = (bytes: Buffer): Buffer => {
  if (bytes.toString('latin1', 0, 5) !== '%PDF-') bad('不是有效的 PDF 文件')
  const text = bytes.toString('latin1')
  const eof = text.lastIndexOf('%%EOF')
  if (eof < 0) bad('PDF 文件不完整')
  const body = text.slice(0, eof + 5)
  if (ACTIVE.test(unescapeNames(body))) bad('PDF 含有脚本、自动动作或嵌入文件，请导出为普通 PDF 或拍照上传')
  // Compressed streams (object streams above all) can hold the same names: look inside too.
  let inflated = 0
  const streams = /stream\r?\n/g
  for (let m = streams.exec(body); m; m = streams.exec(body)) {
    const start = m.index + m[0].length
    const stop = body.indexOf('endstream', start)
    if (stop < 0) break
    try {
      const out = inflateSync(bytes.subarray(start, stop), { maxOutputLength: MAX_INFLATED - inflated })
      inflated += out.length
      if (ACTIVE.test(unescapeNames(out.toString('latin1'))))
        bad('PDF 含有脚本、自动动作或嵌入文件，请导出为普通 PDF 或拍照上传')
    } catch (err) {
      if (err instanceof AppError) throw err
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') bad('PDF 文件解压后过大')
      // Not a deflate stream (an image, say): nothing to read in it.
    }
    streams.lastIndex = stop
  }
  return bytes.subarray(0, eof + 5)
}

/** The material as it will be stored, or a 400 saying what is wrong with it. */
export const cleanMaterial = (bytes: Buffer, contentType: string): Buffer => {
  if (contentType === 'image/png') return cleanPng(bytes)
  if (contentType === 'image/jpeg') return cleanJpeg(bytes)
  if (contentType === 'application/pdf') return cleanPdf(bytes)
  return bad('只接收 JPG、PNG 图片或 PDF')
}
