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
