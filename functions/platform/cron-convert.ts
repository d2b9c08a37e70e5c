/**
 * Convert the manifest's 5-field cron (`min hour day-of-month month day-of-week`, the classic
 * Unix form, read in Asia/Shanghai time) into the two forms the deploy targets want:
 *
 * - AWS (EventBridge Scheduler, via serverless.yml): `cron(min hour dom month dow year)`. One of
 *   day-of-month / day-of-week must be `?`, and day-of-week counts 1-7 from Sunday, so it is
 *   written with names (MON-FRI) to leave no doubt. The timezone is set on the schedule itself.
 * - CloudBase timer triggers: 7 fields `sec min hour dom month dow year`, evaluated in UTC+8.
 *   Day-of-week is also written with names: CloudBase's own docs disagree on whether 0 is Sunday
 *   or Monday, names are unambiguous.
 *
 * Accepted input per field: `*`, numbers, `a-b`, `*\/n`, `a/n`, `a-b/n`, comma lists of those,
 * and month (JAN-DEC) / weekday (SUN-SAT) names; day-of-week 7 is Sunday. Anything else
 * (`?`, `L`, `W`, `#`, `@daily`) is rejected, as is restricting both day-of-month and
 * day-of-week: classic cron ORs the two, which neither target can express.
 *
 * Steps are emitted as `start/n` (neither target is documented to take `*\/n`); a stepped range
 * `a-b/n` is expanded into a list.
 */

export class CronError extends Error {
  constructor(cron: string, reason: string) {
    super(`unsupported cron "${cron}": ${reason}`)
    this.name = 'CronError'
  }
}

interface FieldSpec {
  name: string
  min: number
  max: number
  names?: readonly string[]
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const

const MINUTE: FieldSpec = { name: 'minute', min: 0, max: 59 }
const HOUR: FieldSpec = { name: 'hour', min: 0, max: 23 }
const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31 }
/** Names map to 1..12. */
const MONTH: FieldSpec = { name: 'month', min: 1, max: 12, names: MONTHS }
/** Names map to 0..6; 7 is accepted as Sunday. */
const DAY_OF_WEEK: FieldSpec = { name: 'day-of-week', min: 0, max: 7, names: WEEKDAYS }

type Item =
  | { kind: 'all' }
  | { kind: 'step'; start: number; step: number }
  | { kind: 'value'; value: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'list'; values: number[] }

interface Field {
  /** The field is literally `*`: no restriction. */
  any: boolean
  items: Item[]
}

export interface ParsedCron {
  minute: Field
  hour: Field
  dayOfMonth: Field
  month: Field
  dayOfWeek: Field
}

const parseValue = (cron: string, spec: FieldSpec, text: string): number => {
  const upper = text.toUpperCase()
  const named = spec.names?.indexOf(upper) ?? -1
  let value: number
  if (named >= 0) value = spec === MONTH ? named + 1 : named
  else if (/^\d+$/.test(text)) value = Number(text)
  else throw new CronError(cron, `bad ${spec.name} value "${text}"`)
  if (value < spec.min || value > spec.max) {
    throw new CronError(cron, `${spec.name} ${value} is outside ${spec.min}-${spec.max}`)
  }
  return value
}

const parseStep = (cron: string, spec: FieldSpec, text: string): number => {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CronError(cron, `bad ${spec.name} step "${text}"`)
  return Number(text)
}

const parseItem = (cron: string, spec: FieldSpec, text: string): Item => {
  const [base = '', stepText, extra] = text.split('/')
  if (extra !== undefined || base === '') throw new CronError(cron, `bad ${spec.name} "${text}"`)
  const step = stepText === undefined ? undefined : parseStep(cron, spec, stepText)
  const bounds = base === '*' ? null : base.split('-')
  if (bounds && (bounds.length > 2 || bounds.some((b) => b === ''))) {
    throw new CronError(cron, `bad ${spec.name} "${text}"`)
  }
  const from = bounds ? parseValue(cron, spec, bounds[0]!) : spec.min
  const to = bounds?.[1] !== undefined ? parseValue(cron, spec, bounds[1]) : undefined
  if (to !== undefined && to < from) throw new CronError(cron, `${spec.name} range "${text}" runs backwards`)

  if (step === undefined) {
    if (!bounds) return { kind: 'all' }
    return to === undefined ? { kind: 'value', value: from } : { kind: 'range', from, to }
  }
  if (to === undefined) return { kind: 'step', start: from, step }
  const values: number[] = []
  for (let v = from; v <= to; v += step) values.push(v)
  return { kind: 'list', values }
}

const parseField = (cron: string, spec: FieldSpec, text: string): Field => {
  if (text === '') throw new CronError(cron, `empty ${spec.name}`)
  const items = text.split(',').map((part) => parseItem(cron, spec, part))
  if (items.length > 1 && items.some((i) => i.kind === 'all')) {
    throw new CronError(cron, `${spec.name} "${text}" lists * with other values`)
  }
  return { any: text === '*', items }
}

export const parseCron = (cron: string): ParsedCron => {
  const parts = cron.trim().split(/\s+/)
  if (parts.length !== 5) throw new CronError(cron, `expected 5 fields, got ${parts.length}`)
  const [minute, hour, dayOfMonth, month, dayOfWeek] = parts as [string, string, string, string, string]
  const parsed: ParsedCron = {
    minute: parseField(cron, MINUTE, minute),
    hour: parseField(cron, HOUR, hour),
    dayOfMonth: parseField(cron, DAY_OF_MONTH, dayOfMonth),
    month: parseField(cron, MONTH, month),
    dayOfWeek: parseField(cron, DAY_OF_WEEK, dayOfWeek),
  }
  if (!parsed.dayOfMonth.any && !parsed.dayOfWeek.any) {
    throw new CronError(cron, 'both day-of-month and day-of-week are restricted (cron ORs them)')
  }
  return parsed
}

const renderItem = (item: Item): string => {
  switch (item.kind) {
    case 'all':
      return '*'
    case 'step':
      return `${item.start}/${item.step}`
    case 'value':
      return String(item.value)
    case 'range':
      return `${item.from}-${item.to}`
    case 'list':
      return item.values.join(',')
  }
}

const renderField = (field: Field): string => (field.any ? '*' : field.items.map(renderItem).join(','))

/** The set of weekdays (0 = Sunday .. 6) a day-of-week field selects. */
const weekdays = (field: Field): number[] => {
  const days = new Set<number>()
  const add = (d: number) => days.add(d % 7)
  for (const item of field.items) {
    switch (item.kind) {
      case 'all':
        for (let d = 0; d < 7; d++) add(d)
        break
      case 'step':
        for (let d = item.start; d <= DAY_OF_WEEK.max; d += item.step) add(d)
        break
      case 'value':
        add(item.value)
        break
      case 'range':
        for (let d = item.from; d <= item.to; d++) add(d)
        break
      case 'list':
        for (const d of item.values) add(d)
        break
    }
  }
  return [...days].sort((a, b) => a - b)
}

/** [1,2,3,4,5] -> MON-FRI; [0,6] -> SUN,SAT; runs of three or more become ranges. */
const renderWeekdays = (days: number[]): string => {
  const out: string[] = []
  let i = 0
  while (i < days.length) {
    let j = i
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++
    if (j - i >= 2) out.push(`${WEEKDAYS[days[i]!]}-${WEEKDAYS[days[j]!]}`)
    else for (let k = i; k <= j; k++) out.push(WEEKDAYS[days[k]!]!)
    i = j + 1
  }
  return out.join(',')
}

/** `30 1 * * *` -> `cron(30 1 * * ? *)`, for a serverless.yml `schedule` event (EventBridge Scheduler). */
export const toAwsCron = (cron: string): string => {
  const c = parseCron(cron)
  let dom: string
  let dow: string
  if (c.dayOfWeek.any) {
    dom = renderField(c.dayOfMonth)
    dow = '?'
  } else {
    dom = '?'
    dow = renderWeekdays(weekdays(c.dayOfWeek))
  }
  return `cron(${renderField(c.minute)} ${renderField(c.hour)} ${dom} ${renderField(c.month)} ${dow} *)`
}

/** `30 1 * * *` -> `0 30 1 * * * *`, for a CloudBase timer trigger (seconds first, year last). */
export const toCloudbaseCron = (cron: string): string => {
  const c = parseCron(cron)
  const dow = c.dayOfWeek.any ? '*' : renderWeekdays(weekdays(c.dayOfWeek))
  return `0 ${renderField(c.minute)} ${renderField(c.hour)} ${renderField(c.dayOfMonth)} ${renderField(c.month)} ${dow} *`
}
