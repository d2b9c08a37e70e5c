const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** Days since the epoch in China time (UTC+8, no daylight saving). */
const chinaDay = (ms: number): number => Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS)

const parse = (value: string): number | null => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00+08:00`)
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/** "2025-03-08" in China time from an ISO timestamp or a date; the input unchanged when unreadable. */
export const formatDate = (value: string): string => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const ms = parse(value)
  if (ms === null) return value
  const d = new Date(ms + CHINA_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** "今天发布" / "3 天前发布" / "2025-03-08 发布", for list items. */
export const formatPublished = (value: string, now: number = Date.now()): string => {
  const ms = parse(value)
  if (ms === null) return value
  const days = chinaDay(now) - chinaDay(ms)
  if (days <= 0) return '今天发布'
  if (days === 1) return '昨天发布'
  if (days < 7) return `${days} 天前发布`
  return `${formatDate(value)} 发布`
}

/** "2025-03-08 14:05" in China time, for timelines and messages; the input unchanged when unreadable. */
export const formatDateTime = (value: string): string => {
  const ms = parse(value)
  if (ms === null || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const d = new Date(ms + CHINA_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${formatDate(value)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Today in China time as "YYYY-MM-DD" (date pickers end here). */
export const todayInChina = (now: number = Date.now()): string => formatDate(new Date(now).toISOString())
