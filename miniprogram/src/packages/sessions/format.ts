const OFFSET = 8 * 3_600_000
const WEEK = ['日', '一', '二', '三', '四', '五', '六']
const pad = (n: number) => String(n).padStart(2, '0')
const china = (iso: string) => new Date(Date.parse(iso) + OFFSET)

/** "12月12日 周六 09:00–11:00" in China time: how a resident says when a session is. */
export const formatSpan = (startsAt: string, endsAt: string): string => {
  const s = china(startsAt)
  const e = china(endsAt)
  const day = `${s.getUTCMonth() + 1}月${s.getUTCDate()}日 周${WEEK[s.getUTCDay()]}`
  const sameDay = s.toISOString().slice(0, 10) === e.toISOString().slice(0, 10)
  const end = sameDay
    ? `${pad(e.getUTCHours())}:${pad(e.getUTCMinutes())}`
    : `${e.getUTCMonth() + 1}月${e.getUTCDate()}日 ${pad(e.getUTCHours())}:${pad(e.getUTCMinutes())}`
  return `${day} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}–${end}`
}

/** "09:00–09:30" for a one-to-one slot. */
export const formatTimes = (startsAt: string, endsAt: string): string => {
  const s = china(startsAt)
  const e = china(endsAt)
  return `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}–${pad(e.getUTCHours())}:${pad(e.getUTCMinutes())}`
}

/** What a session's state means to someone about to book it. */
export const SESSION_STATE: Record<string, { text: string; tone: string }> = {
  open: { text: '可预约', tone: 'tag--ok' },
  full: { text: '已满 · 可候补', tone: 'tag--accent' },
  not_open: { text: '未开放预约', tone: 'tag--muted' },
  closed: { text: '预约已截止', tone: 'tag--muted' },
  ended: { text: '已结束', tone: 'tag--muted' },
  cancelled: { text: '已取消', tone: 'tag--muted' },
}

export const BOOKING_TONE: Record<string, string> = {
  confirmed: 'tag--ok',
  waiting: 'tag--accent',
  attended: 'tag--ok',
  no_show: 'tag--muted',
  cancelled: 'tag--muted',
}
