import { PassThrough, type Writable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { KEY_GROUPS } from '../../../shared/people/person'
import { type QuarterlyReport, SUMMARY_COLUMNS } from '../../../shared/reports/report'
import { inShanghai } from '../../platform/time'

/**
 * The quarter's tables as the official workbook: 一览表 and 明细表 sheets with the title, the
 * reporting unit and period, merged two-level headers with units, a 合计 row (a SUM formula
 * carrying its value), and the signature line. Written with exceljs's streaming writer: rows are
 * committed as they are written, so a county's 明细表 of 100,000 rows does not sit in memory as
 * a workbook model.
 */

const thin = { style: 'thin' as const }
const BORDER = { top: thin, left: thin, bottom: thin, right: thin }
const CENTER = { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true }
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEDEFF3' } }

const col = (n: number) => String.fromCharCode(64 + n) // 1 → A (the tables stay within 26 columns)

/** An instant as officers read it: Beijing time, to the minute. */
export const beijingTime = (iso: string) => inShanghai(new Date(iso)).format('YYYY-MM-DD HH:mm')

const stampLine = (r: QuarterlyReport) =>
  `数据生成：${beijingTime(r.computedAt)}（${r.source === 'frozen' ? '季度报表已锁定' : r.partial ? '本季度尚未结束，数据截至生成时' : '实时数据'}），数据版本 ${r.dataVersion}`

const SIGNATURE =
  '填报人：            审核人：            单位负责人（签字）：            填报日期：      年    月    日'

// One style object per kind of cell, shared by every cell of that kind: exceljs then finds the
// style once instead of building it per cell (half the time of a 100,000-row 明细表).
const BODY: Partial<ExcelJS.Style> = { border: BORDER, alignment: CENTER }
const HEAD: Partial<ExcelJS.Style> = {
  border: BORDER,
  alignment: CENTER,
  font: { bold: true },
  fill: HEAD_FILL,
}
const TOTAL: Partial<ExcelJS.Style> = { border: BORDER, alignment: CENTER, font: { bold: true } }

const styleRow = (row: ExcelJS.Row, cells: number, opts: { bold?: boolean; fill?: boolean } = {}) => {
  const style = opts.fill ? HEAD : opts.bold ? TOTAL : BODY
  for (let c = 1; c <= cells; c++) row.getCell(c).style = style
}

const titleRows = (ws: ExcelJS.Worksheet, width: number, title: string, r: QuarterlyReport) => {
  const t = ws.addRow([title])
  t.height = 30
  t.getCell(1).font = { bold: true, size: 16 }
  t.getCell(1).alignment = CENTER
  ws.mergeCells(1, 1, 1, width)
  t.commit()
  const unit = ws.addRow([`填报单位：${r.regionName ?? r.region}（盖章）`])
  const half = Math.ceil(width / 2)
  unit.getCell(half + 1).value = `统计期：${r.quarterLabel}（${r.from} 至 ${r.to}）`
  ws.mergeCells(2, 1, 2, half)
  ws.mergeCells(2, half + 1, 2, width)
  unit.commit()
  const stamp = ws.addRow([`单位：人、人次　　${stampLine(r)}`])
  ws.mergeCells(3, 1, 3, width)
  stamp.commit()
}

const summarySheet = (wb: ExcelJS.stream.xlsx.WorkbookWriter, r: QuarterlyReport) => {
  const width = 1 + SUMMARY_COLUMNS.length // 人员类别 + the columns
  const ws = wb.addWorksheet('一览表', { pageSetup: { orientation: 'landscape', fitToPage: true } })
  ws.columns = [{ width: 20 }, ...SUMMARY_COLUMNS.map(() => ({ width: 11 }))]
  titleRows(ws, width, '服务重点群体情况一览表', r)
  // Two header rows: 跟踪服务 over four columns, "131"服务 over three, the rest spanning both rows.
  const top = ['人员类别', ...SUMMARY_COLUMNS.map((c) => `${c.label}（${c.unit}）`)]
  const follow = SUMMARY_COLUMNS.findIndex((c) => c.key === 'followupsDue') + 2
  const svc = SUMMARY_COLUMNS.findIndex((c) => c.key === 'guidance') + 2
  top[follow - 1] = '跟踪服务'
  top[svc - 1] = '“131”服务'
  const h1 = ws.addRow(top)
  const sub = Array<string>(width).fill('')
  for (let i = 0; i < 4; i++)
    sub[follow - 1 + i] =
      `${SUMMARY_COLUMNS[follow - 2 + i]!.label}（${SUMMARY_COLUMNS[follow - 2 + i]!.unit}）`
  for (let i = 0; i < 3; i++)
    sub[svc - 1 + i] = `${SUMMARY_COLUMNS[svc - 2 + i]!.label}（${SUMMARY_COLUMNS[svc - 2 + i]!.unit}）`
  styleRow(h1, width, { bold: true, fill: true })
  h1.height = 24
  const h2 = ws.addRow(sub)
  styleRow(h2, width, { bold: true, fill: true })
  h2.height = 36
  for (let c = 1; c <= width; c++) {
    const inFollow = c >= follow && c < follow + 4
    const inSvc = c >= svc && c < svc + 3
    if (!inFollow && !inSvc) ws.mergeCells(4, c, 5, c)
  }
  ws.mergeCells(4, follow, 4, follow + 3)
  ws.mergeCells(4, svc, 4, svc + 2)
  h1.commit()
  h2.commit()
  const first = 6
  const groups = r.summary.filter((s) => s.group !== 'total')
  for (const s of groups) {
    const row = ws.addRow([s.label, ...SUMMARY_COLUMNS.map((c) => s[c.key])])
    styleRow(row, width)
    row.commit()
  }
  const last = first + groups.length - 1
  const total = r.summary.find((s) => s.group === 'total')!
  const totalRow = ws.addRow([
    '合计',
    ...SUMMARY_COLUMNS.map((c, i) => ({
      formula: `SUM(${col(i + 2)}${first}:${col(i + 2)}${last})`,
      result: total[c.key],
    })),
  ])
  styleRow(totalRow, width, { bold: true })
  totalRow.commit()
  const note = ws.addRow([
    `注：合计为各类人员人次之和，同一人属多个类别的分别计入；去重后共 ${r.distinctPersons} 人，见明细表。`,
  ])
  ws.mergeCells(note.number, 1, note.number, width)
  note.commit()
  ws.addRow([]).commit()
  const sign = ws.addRow([SIGNATURE])
  ws.mergeCells(sign.number, 1, sign.number, width)
  sign.commit()
  ws.commit()
}

export const DETAIL_HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '性别',
  '所在社区',
  '人员类别',
  '就业状态',
  '应跟踪（人次）',
  '跟踪到位（人次）',
  '漏跟踪（人次）',
  '跟踪记录（次）',
  '职业指导（人次）',
  '职业介绍（人次）',
  '技能培训（人次）',
  '本季度实现就业',
  '享受政策',
  '备注',
] as const

const detailSheet = (wb: ExcelJS.stream.xlsx.WorkbookWriter, r: QuarterlyReport) => {
  const width = DETAIL_HEADERS.length
  const ws = wb.addWorksheet('明细表', { pageSetup: { orientation: 'landscape', fitToPage: true } })
  ws.columns = [6, 10, 21, 6, 22, 24, 10, 9, 9, 9, 9, 9, 9, 9, 9, 28, 22].map((width) => ({ width }))
  titleRows(ws, width, '服务重点群体情况明细表', r)
  const head = ws.addRow([...DETAIL_HEADERS])
  styleRow(head, width, { bold: true, fill: true })
  head.height = 36
  head.commit()
  let n = 0
  for (const d of r.details) {
    const row = ws.addRow([
      ++n,
      d.name,
      d.idNumberMasked,
      d.gender === 'male' ? '男' : '女',
      d.communityName ?? d.community,
      d.groups.map((g) => KEY_GROUPS[g]).join('、'),
      d.employmentStatus,
      d.followupsDue,
      d.followupsDone,
      d.followupsMissed,
      d.followupRecords,
      d.guidance,
      d.referral,
      d.training,
      d.employedInQuarter ? '是' : '否',
      d.policiesEnjoyed.join('、'),
      d.note ?? '',
    ])
    styleRow(row, width)
    row.commit()
  }
  const first = 5
  const last = first + r.details.length - 1
  const sum = (c: number, value: number) =>
    r.details.length ? { formula: `SUM(${col(c)}${first}:${col(c)}${last})`, result: value } : 0
  const t = (
    k:
      | 'followupsDue'
      | 'followupsDone'
      | 'followupsMissed'
      | 'followupRecords'
      | 'guidance'
      | 'referral'
      | 'training',
  ) => r.details.reduce((s, d) => s + d[k], 0)
  const totalRow = ws.addRow([
    '合计',
    `${r.details.length} 人`,
    '',
    '',
    '',
    '',
    '',
    sum(8, t('followupsDue')),
    sum(9, t('followupsDone')),
    sum(10, t('followupsMissed')),
    sum(11, t('followupRecords')),
    sum(12, t('guidance')),
    sum(13, t('referral')),
    sum(14, t('training')),
    `${r.details.filter((d) => d.employedInQuarter).length} 人`,
    `${r.details.reduce((s, d) => s + d.policiesEnjoyed.length, 0)} 项次`,
    '',
  ])
  styleRow(totalRow, width, { bold: true })
  totalRow.commit()
  ws.addRow(['注：身份证号已脱敏；完整信息请在系统内经授权查询。']).commit()
  const sign = ws.addRow([SIGNATURE])
  ws.mergeCells(sign.number, 1, sign.number, width)
  sign.commit()
  ws.commit()
}

/**
 * exceljs, loaded when a workbook is first written: it is most of the reports function's code,
 * and a deployed bundle keeps it in a chunk of its own (scripts/lib/bundle-plugins.cjs) so
 * every other request's cold start doesn't read it.
 */
const excel = async (): Promise<typeof ExcelJS> => {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS
  return mod.default ?? mod
}

/** Write the quarter's workbook to `out` (a file, a response, a counter in the benchmark). */
export const writeQuarterlyWorkbook = async (r: QuarterlyReport, out: Writable): Promise<void> => {
  const ExcelJS = await excel()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = '基层公共就业服务平台'
  wb.created = new Date(r.computedAt)
  summarySheet(wb, r)
  detailSheet(wb, r)
  await wb.commit()
}

/** Collect a streamed workbook into bytes (an API reply carries the file whole). */
export const workbookBytes = async (write: (out: Writable) => Promise<void>): Promise<Buffer> => {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  await write(out)
  await ended
  return Buffer.concat(chunks)
}

/** A plain one-sheet list with a title, a header and the signature line (花名册). */
export const writeRosterWorkbook = async (
  out: Writable,
  sheet: {
    title: string
    unit: string
    stamp: string
    headers: string[]
    widths: number[]
    rows: (string | number)[][]
  },
): Promise<void> => {
  const ExcelJS = await excel()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = '基层公共就业服务平台'
  const width = sheet.headers.length
  const ws = wb.addWorksheet('花名册', { pageSetup: { orientation: 'landscape', fitToPage: true } })
  ws.columns = sheet.widths.map((w) => ({ width: w }))
  const t = ws.addRow([sheet.title])
  t.getCell(1).font = { bold: true, size: 16 }
  t.getCell(1).alignment = CENTER
  t.height = 30
  ws.mergeCells(1, 1, 1, width)
  t.commit()
  const u = ws.addRow([`填报单位：${sheet.unit}（盖章）　　${sheet.stamp}`])
  ws.mergeCells(2, 1, 2, width)
  u.commit()
  const head = ws.addRow(sheet.headers)
  styleRow(head, width, { bold: true, fill: true })
  head.commit()
  for (const r of sheet.rows) {
    const row = ws.addRow(r)
    styleRow(row, width)
    row.commit()
  }
  ws.addRow([`合计：${sheet.rows.length} 人`]).commit()
  const sign = ws.addRow([SIGNATURE])
  ws.mergeCells(sign.number, 1, sign.number, width)
  sign.commit()
  ws.commit()
  await wb.commit()
}
