import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

/**
 * The one time module: everything that needs calendar arithmetic comes through here, in
 * Asia/Shanghai, the time every policy deadline is written in.
 */
dayjs.extend(utc)
dayjs.extend(timezone)

export const TIMEZONE = 'Asia/Shanghai'

export const inShanghai = (at: Date) => dayjs(at).tz(TIMEZONE)

/** Parse an ISO-8601 instant; throws on anything else so bad input never becomes "now". */
export const parseInstant = (text: string): Date => {
  const d = new Date(text)
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new Error(`not an ISO-8601 time: ${text}`)
  }
  return d
}

export const isoNow = (at: Date): string => at.toISOString()

/** The calendar date in Asia/Shanghai (UTC+8 all year: China keeps no daylight saving). */
export const shanghaiDate = (at: Date): string =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** The quarter an instant falls in, Asia/Shanghai: `2026Q4`. */
export const quarterOf = (at: Date): string => {
  const d = shanghaiDate(at)
  return `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`
}

/** The first and last calendar dates of a quarter (`2026Q4` → 2026-10-01 .. 2026-12-31). */
export const quarterDates = (quarter: string): { first: string; last: string } => {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(5))
  const first = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`
  const end = new Date(Date.UTC(year, q * 3, 1) - 86_400_000)
  return { first, last: end.toISOString().slice(0, 10) }
}

/** The quarter before `quarter`. */
export const previousQuarter = (quarter: string): string => {
  const year = Number(quarter.slice(0, 4))
  const q = Number(quarter.slice(5))
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`
}
