import { type KeyGroup, keyGroupSchema } from '../people/person'
import { plainText } from '../text'
import { z } from '../validation'

/**
 * Guidance sessions residents book themselves (预约): career and startup guidance, training
 * courses, policy briefings and job fairs, published by street/town offices and the county.
 * Attending one counts itself into the person's "131" services: guidance as the career
 * guidance, a training course (enough of its dates) as the skills training.
 */
export const SESSION_KINDS = {
  career_guidance: '职业指导',
  startup_guidance: '创业指导',
  training: '技能培训',
  policy_briefing: '政策宣讲',
  job_fair: '招聘会',
} as const
export type SessionKind = keyof typeof SESSION_KINDS
export const sessionKindSchema = z.enum(Object.keys(SESSION_KINDS) as [SessionKind, ...SessionKind[]], {
  error: `活动类型只能是 ${Object.values(SESSION_KINDS).join('、')}`,
})

/** Which 131 service attending a kind gives (policy briefings and job fairs give none). */
export const SERVICE_OF_KIND: Partial<Record<SessionKind, 'guidance' | 'training'>> = {
  career_guidance: 'guidance',
  startup_guidance: 'guidance',
  training: 'training',
}

export const BOOKING_STATUSES = {
  confirmed: '已预约',
  waiting: '候补中',
  cancelled: '已取消',
  attended: '已签到',
  no_show: '未到场',
} as const
export type BookingStatus = keyof typeof BOOKING_STATUSES

export const sessionIdSchema = z.string().regex(/^ses_[A-Za-z0-9_-]{1,60}$/, { error: '活动编号不正确' })
export const bookingIdSchema = z.string().regex(/^bkg_[A-Za-z0-9_-]{1,80}$/, { error: '预约编号不正确' })

/** An instant as ISO 8601 with a zone ("2026-12-03T09:00:00+08:00"), kept as UTC. */
const instant = (label: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请选择${label}` : `${label}应为时间`) })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, {
      error: `${label}格式应为 2026-12-03T09:00:00+08:00`,
    })
    .refine((s) => !Number.isNaN(Date.parse(s)), `${label}不是有效时间`)
    .transform((s) => new Date(s).toISOString())

const span = z
  .object({ startsAt: instant('开始时间'), endsAt: instant('结束时间') })
  .strict()
  .refine((d) => d.endsAt > d.startsAt, { error: '结束时间应晚于开始时间', path: ['endsAt'] })

const regionCode = z
  .string({ error: '请选择举办地区' })
  .regex(/^(\d{6}|\d{9}|\d{12})$/, { error: '地区应为县、镇（街道）或社区代码' })

export const sessionInputSchema = z
  .object({
    kind: sessionKindSchema,
    title: plainText('活动名称', { min: 2, max: 40 }),
    /** Where it is held: the county, a town or a community. Residents of that place see it first. */
    region: regionCode,
    place: plainText('活动地点', { max: 80 }).default(''),
    onlineLink: z
      .string()
      .url({ error: '线上链接应为 http(s) 网址' })
      .max(300, { error: '线上链接过长' })
      .refine((u) => /^https?:\/\//.test(u), { error: '线上链接应为 http(s) 网址' })
      .optional(),
    startsAt: instant('开始时间'),
    endsAt: instant('结束时间'),
    capacity: z
      .number({ error: (iss) => (iss.input === undefined ? '请填写名额' : '名额应为数字') })
      .int({ error: '名额应为整数' })
      .min(1, { error: '名额至少 1 个' })
      .max(2000, { error: '名额不超过 2000 个' }),
    /** One-to-one guidance: time slots of one seat each (the capacity is their number). */
    slots: z.array(span).max(60, { error: '时段不超过 60 个' }).optional(),
    /** A training course's further dates, after the first (startsAt–endsAt). */
    moreDates: z.array(span).max(60, { error: '课程日期不超过 60 个' }).optional(),
    /** Who may book: empty means everyone; otherwise any of these key groups… */
    keyGroups: z.array(keyGroupSchema).max(10).default([]),
    /** …and/or people living in these regions (empty: anywhere). */
    regions: z.array(regionCode).max(20).default([]),
    /** Booking opens (default: now) and closes (default: the start). */
    bookingOpensAt: instant('预约开始时间').optional(),
    bookingClosesAt: instant('预约截止时间').optional(),
    description: plainText('活动说明', { max: 500 }).default(''),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.endsAt <= s.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间应晚于开始时间' })
    if (!s.place && !s.onlineLink)
      ctx.addIssue({ code: 'custom', path: ['place'], message: '请填写活动地点或线上链接' })
    if (s.slots?.length) {
      if (s.kind !== 'career_guidance' && s.kind !== 'startup_guidance')
        ctx.addIssue({
          code: 'custom',
          path: ['slots'],
          message: '只有职业指导、创业指导可以按时段一对一预约',
        })
      if (s.capacity !== s.slots.length)
        ctx.addIssue({ code: 'custom', path: ['capacity'], message: '一对一指导的名额应等于时段数' })
      for (const [i, slot] of s.slots.entries()) {
        if (slot.startsAt < s.startsAt || slot.endsAt > s.endsAt)
          ctx.addIssue({ code: 'custom', path: ['slots', i], message: '时段应在活动时间之内' })
      }
    }
    if (s.moreDates?.length && s.kind !== 'training')
      ctx.addIssue({ code: 'custom', path: ['moreDates'], message: '只有技能培训可以有多个上课日期' })
    if (s.moreDates?.some((d) => d.startsAt <= s.startsAt))
      ctx.addIssue({ code: 'custom', path: ['moreDates'], message: '后续课程日期应晚于第一次课' })
    // Lessons in time order: each begins after the one before has ended (two on one hour would
    // ask a trainee to attend twice at once).
    const lessons = [{ startsAt: s.startsAt, endsAt: s.endsAt }, ...(s.moreDates ?? [])].sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    )
    if (lessons.some((d, i) => i > 0 && d.startsAt < lessons[i - 1]!.endsAt))
      ctx.addIssue({ code: 'custom', path: ['moreDates'], message: '课程时间不能重复或重叠' })
    if (s.bookingClosesAt && s.bookingClosesAt > s.startsAt)
      ctx.addIssue({ code: 'custom', path: ['bookingClosesAt'], message: '预约截止时间不能晚于开始时间' })
    if (s.bookingOpensAt && s.bookingOpensAt >= s.startsAt)
      ctx.addIssue({ code: 'custom', path: ['bookingOpensAt'], message: '预约开始时间应早于活动开始时间' })
    if (s.bookingOpensAt && s.bookingClosesAt && s.bookingOpensAt >= s.bookingClosesAt)
      ctx.addIssue({ code: 'custom', path: ['bookingOpensAt'], message: '预约开始时间应早于截止时间' })
  })
export type SessionInput = z.infer<typeof sessionInputSchema>

export const bookingInputSchema = z
  .object({
    /** Staff booking on a resident's behalf (a phone call from an elderly resident). */
    personId: z
      .string()
      .regex(/^psn_[A-Za-z0-9_-]{1,60}$/, { error: '人员编号不正确' })
      .optional(),
    /** One-to-one guidance: the chosen time slot. */
    slotId: z
      .string()
      .regex(/^s\d{1,2}$/, { error: '时段不正确' })
      .optional(),
    /** After repeated no-shows: "I will come this time". */
    confirmAttendance: z.boolean().optional(),
  })
  .strict()
export type BookingInput = z.infer<typeof bookingInputSchema>

export const attendanceInputSchema = z
  .object({
    bookingId: bookingIdSchema.optional(),
    /** The 6-digit code the resident shows (or reads out). */
    code: z
      .string()
      .regex(/^\d{6}$/, { error: '签到码应为 6 位数字' })
      .optional(),
    /** Which date of a training course (0 = the first); other kinds have one. */
    date: z.number().int().min(0).max(60).default(0),
  })
  .strict()
  .refine((a) => a.bookingId || a.code, { error: '请填写签到码或选择预约人', path: ['code'] })
export type AttendanceInput = z.infer<typeof attendanceInputSchema>

export const capacityChangeSchema = z
  .object({
    capacity: z
      .number({ error: '名额应为数字' })
      .int({ error: '名额应为整数' })
      .min(1, { error: '名额至少 1 个' })
      .max(2000, { error: '名额不超过 2000 个' }),
  })
  .strict()

/** A host calling a session off before it begins: everyone booked is told why. */
export const sessionCancelSchema = z.object({ reason: plainText('取消原因', { min: 2, max: 200 }) }).strict()

export interface SessionSlotView {
  id: string
  startsAt: string
  endsAt: string
  taken: boolean
}

export interface SessionView {
  id: string
  kind: SessionKind
  kindLabel: string
  title: string
  host: string
  region: string
  regionName: string | null
  place: string
  onlineLink: string | null
  startsAt: string
  endsAt: string
  dates: { startsAt: string; endsAt: string }[]
  capacity: number
  booked: number
  waiting: number
  remaining: number
  slots: SessionSlotView[]
  keyGroups: KeyGroup[]
  regions: string[]
  /** The regions' names, for "仅面向海安镇的居民". */
  regionNames: string[]
  /** From when a seat can no longer be cancelled (null where the viewer can't book). */
  cancelCutoffAt: string | null
  bookingOpensAt: string
  bookingClosesAt: string
  description: string
  status: 'open' | 'full' | 'not_open' | 'closed' | 'ended' | 'cancelled'
  /** Why the host called the session off, when it is cancelled. */
  cancelReason: string | null
  /** For the viewer: their own active booking of it, if any. */
  myBooking: BookingView | null
  /** For the viewer: why they may not book it ("仅面向就业困难人员"), null when they may. */
  notForMe: string | null
  /** Staff: attended and no-shows, once known. */
  attended?: number
  noShows?: number
}

export interface BookingView {
  id: string
  sessionId: string
  sessionTitle: string
  kind: SessionKind
  kindLabel: string
  startsAt: string
  endsAt: string
  place: string
  status: BookingStatus
  statusLabel: string
  /** The check-in code: shown to its owner and the host, never to others. */
  code: string | null
  slot: { id: string; startsAt: string; endsAt: string } | null
  /** Place in the waiting list (1 = next), while waiting. */
  waitingPosition: number | null
  byStaff: boolean
  canCancel: boolean
  attendedDates: number[]
  personId: string
  name: string
  communityName: string | null
  at: string
}
