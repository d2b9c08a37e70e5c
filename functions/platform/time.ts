import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import {
  previousQuarter as previousReportQuarter,
  type Quarter,
  quarterBounds,
  quarterOfDate,
} from '../../shared/reports/report'

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
export const quarterOf = (at: Date): string => quarterOfDate(shanghaiDate(at))

/** The first and last calendar dates of a quarter (`2026Q4` → 2026-10-01 .. 2026-12-31). */
export const quarterDates = (quarter: string): { first: string; last: string } => {
  const { from, to } = quarterBounds(quarter as Quarter)
  return { first: from, last: to }
}

/** The quarter before `quarter`. */
export const previousQuarter = (quarter: string): string => previousReportQuarter(quarter as Quarter)
