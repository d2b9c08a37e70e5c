import officialDays from 'chinese-days/dist/chinese-days.json'
import overridesFile from '../../infra/data/workday-overrides.json'
import { z } from '../../shared/validation'
import { inShanghai } from './time'

/**
 * China's official working-day calendar (statutory holidays and the weekend make-up days, 调休上班),
 * for deadlines written in working days, such as a public notice of 5 working days (公示 5 个工作日).
 * Every date is a calendar date in Asia/Shanghai, as 'YYYY-MM-DD'.
 *
 * The days come from the `chinese-days` package's data file rather than its isWorkday(): the
 * package builds its tables and reads its arguments in the process's local time zone, and west of
 * UTC it answers for the wrong day (it calls Monday 2026-09-28 a holiday in New York). The data
 * file is keyed by plain dates and holds no such trap.
 *
 * The package learns a year's arrangement only after the State Council announces it (November or
 * December) and a release follows; until then infra/data/workday-overrides.json fills the gap, and
 * its entries win over the package.
 */

export type DayKind = 'workday' | 'holiday'
export type WorkdayOverrides = Readonly<Record<string, DayKind>>

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

const dateParts = (key: string): [number, number, number] | null => {
  const m = DATE_KEY.exec(key)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? [y, mo, d] : null
}

const dateKeySchema = z
  .string()
  .refine((key) => dateParts(key) !== null, '日期应为 YYYY-MM-DD 格式的真实日期')

export const workdayOverridesFileSchema = z
  .object({
    note: z.string(),
    days: z.record(dateKeySchema, z.enum(['workday', 'holiday'])),
  })
  .strict()

/** The package's tables: day -> name of the holiday it belongs to. Checked so an upgrade that changes the format fails loudly. */
const officialDaysSchema = z.object({
  holidays: z.record(dateKeySchema, z.string()),
  workdays: z.record(dateKeySchema, z.string()),
})
export type OfficialDays = z.infer<typeof officialDaysSchema>

/** Calendar arithmetic on plain dates: UTC here is only a stand-in for "no time zone". */
const utcDate = (key: string): Date => {
  const parts = dateParts(key)
  if (!parts) throw new Error(`not a date (YYYY-MM-DD): ${key}`)
  return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]))
}
const keyOf = (utc: Date): string => utc.toISOString().slice(0, 10)
const nextDay = (key: string): string => {
  const d = utcDate(key)
  d.setUTCDate(d.getUTCDate() + 1)
  return keyOf(d)
}

/** The Shanghai calendar date of an instant, or a date string checked for shape and reality. */
const toDateKey = (date: Date | string): string => {
  if (typeof date === 'string') return keyOf(utcDate(date))
  if (Number.isNaN(date.getTime())) throw new Error('invalid Date')
  return inShanghai(date).format('YYYY-MM-DD')
}

/** 23:59:59.999 in Shanghai on the given date. */
const endOfShanghaiDay = (key: string): Date =>
  inShanghai(new Date(`${key}T12:00:00+08:00`))
    .endOf('day')
    .toDate()

export interface WorkdayCalendar {
  isWorkday(date: Date | string): boolean
  /**
   * The end of a period of `n` full working days that starts the day after `start`: 23:59:59.999
   * Shanghai time on the n-th working day after `start`'s Shanghai date. The day `start` falls on
   * never counts, whatever kind of day it is; n = 0 gives the end of that day itself.
   *
   * Example: a notice published on Thursday 2026-09-24 for 5 working days. Friday 25 September is
   * the Mid-Autumn Festival, then comes the weekend; 28, 29 and 30 September are working days 1-3;
   * National Day runs 1-7 October; Thursday 8 and Friday 9 October are days 4 and 5. The notice
   * period ends at 2026-10-09 23:59:59.999 Shanghai time (2026-10-09T15:59:59.999Z).
   */
  addWorkdays(start: Date, n: number): Date
  /** 'YYYY-MM-DD' of the first working day of a month (month 1-12). */
  firstWorkdayOfMonth(year: number, month: number): string
  /** How many working days lie in (a, b], by Shanghai calendar date; 0 when b is not after a. */
  workdaysBetween(a: Date | string, b: Date | string): number
  /**
   * Whether either source has any entry for the year. When not, the calendar is plain
   * Monday-to-Friday for that year: deadlines that reach into it may ignore holidays.
   */
  knowsHolidays(year: number): boolean
}

/** A calendar where `overrides` win over `official`; the functions exported below use the package's data and the overrides file. */
export const createWorkdayCalendar = (
  overrides: WorkdayOverrides,
  official: OfficialDays,
): WorkdayCalendar => {
  for (const key of Object.keys(overrides)) utcDate(key)

  const isWorkdayKey = (key: string): boolean => {
    const override = overrides[key]
    if (override) return override === 'workday'
    if (official.workdays[key] !== undefined) return true
    if (official.holidays[key] !== undefined) return false
    const weekday = utcDate(key).getUTCDay()
    return weekday >= 1 && weekday <= 5
  }

  const isWorkday = (date: Date | string): boolean => isWorkdayKey(toDateKey(date))

  const addWorkdays = (start: Date, n: number): Date => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`)
    let key = toDateKey(start)
    for (let left = n; left > 0; ) {
      key = nextDay(key)
      if (isWorkdayKey(key)) left--
    }
    return endOfShanghaiDay(key)
  }

  const firstWorkdayOfMonth = (year: number, month: number): string => {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`)
    if (!Number.isInteger(month) || month < 1 || month > 12)
      throw new RangeError(`not a month (1-12): ${month}`)
    // Every month has a working day within its first two weeks; the bound only stops a runaway loop.
    let key = `${year}-${String(month).padStart(2, '0')}-01`
    for (let i = 0; i < 31 && !isWorkdayKey(key); i++) key = nextDay(key)
    return key
  }

  const workdaysBetween = (a: Date | string, b: Date | string): number => {
    const end = toDateKey(b)
    let count = 0
    for (let key = nextDay(toDateKey(a)); key <= end; key = nextDay(key)) if (isWorkdayKey(key)) count++
    return count
  }

  const knowsHolidays = (year: number): boolean => {
    const prefix = `${year}-`
    return [overrides, official.holidays, official.workdays].some((table) =>
      Object.keys(table).some((key) => key.startsWith(prefix)),
    )
  }

  return { isWorkday, addWorkdays, firstWorkdayOfMonth, workdaysBetween, knowsHolidays }
}

const parseOrExplain = <T>(schema: z.ZodType<T>, data: unknown, source: string): T => {
  const result = schema.safeParse(data)
  if (!result.success) throw new Error(`${source}: ${z.prettifyError(result.error)}`)
  return result.data
}

/** The package's data, as read at start-up. */
export const OFFICIAL_DAYS: OfficialDays = parseOrExplain(
  officialDaysSchema,
  officialDays,
  'chinese-days data',
)
/** infra/data/workday-overrides.json, as read at start-up. */
export const WORKDAY_OVERRIDES: WorkdayOverrides = parseOrExplain(
  workdayOverridesFileSchema,
  overridesFile,
  'infra/data/workday-overrides.json',
).days

const calendar = createWorkdayCalendar(WORKDAY_OVERRIDES, OFFICIAL_DAYS)

export const { isWorkday, addWorkdays, firstWorkdayOfMonth, workdaysBetween, knowsHolidays } = calendar
