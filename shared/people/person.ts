import { regionCodeSchema } from '../regions/region-code'
import { z } from '../validation'
import { idNumberSchema, mobileSchema, personNameSchema } from './identity-numbers'

/** Employment status drives the follow-up cadence (DOMAIN.md: monthly / half-yearly / yearly). */
export const EMPLOYMENT_STATUSES = {
  unemployed: '失业',
  flexible: '灵活就业',
  stable: '稳定就业',
  no_wish: '无就业意愿',
} as const
export type EmploymentStatus = keyof typeof EMPLOYMENT_STATUSES
export const employmentStatusSchema = z.enum(
  Object.keys(EMPLOYMENT_STATUSES) as [EmploymentStatus, ...EmploymentStatus[]],
  { error: '请选择就业状态（失业、灵活就业、稳定就业或无就业意愿）' },
)

/** The six key groups (重点群体); set by certification or staff, never by the resident alone. */
export const KEY_GROUPS = {
  registered_unemployed: '登记失业人员',
  difficulty: '就业困难人员',
  graduate: '高校毕业生',
  relatively_poor: '相对贫困群体',
  veteran: '复员转业退役军人',
  returning_migrant: '返乡农民工',
} as const
export type KeyGroup = keyof typeof KEY_GROUPS

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const shortText = (label: string, max: number) => z.string().trim().max(max, `${label}最多 ${max} 个字`)

/**
 * What a resident fills in about themselves: identity, contact, home community, and the
 * "five clears" (五清) — skills, job wishes, family situation, employment status, policies enjoyed.
 */
export const profileSchema = z.object({
  employmentStatus: employmentStatusSchema,
  employmentSince: dateSchema.nullable().optional(),
  skills: z.array(shortText('技能', 20)).max(20).optional(),
  jobWishes: z
    .object({
      occupations: z.array(shortText('意向岗位', 20)).max(10).default([]),
      places: z.array(shortText('意向地点', 20)).max(10).default([]),
      expectedPay: z.number().int().min(0).max(1_000_000).nullable().default(null),
    })
    .strict()
    .optional(),
  family: z
    .object({
      householdSize: z.number().int().min(1).max(20).nullable().default(null),
      situation: shortText('家庭情况', 200).nullable().default(null),
    })
    .strict()
    .optional(),
  policiesEnjoyed: z.array(shortText('已享受政策', 40)).max(20).optional(),
})

export const meUpdateSchema = z
  .object({
    name: personNameSchema,
    idNumber: idNumberSchema,
    phone: mobileSchema,
    community: regionCodeSchema.refine((c) => c.length === 12, '请选择所在社区/村'),
    ...profileSchema.shape,
  })
  .strict()
export type MeUpdate = z.infer<typeof meUpdateSchema>

export const revealQuerySchema = z
  .object({ reveal: z.enum(['idNumber'], { error: 'reveal 只能是 idNumber' }).optional() })
  .strict()

/** A person as their owner or entitled staff see them; ID number and phone masked by default. */
export interface PersonView {
  id: string
  name: string
  idNumber: string
  idNumberMasked: boolean
  phone: string
  gender: 'male' | 'female'
  birthDate: string
  community: string
  communityName: string | null
  employmentStatus: EmploymentStatus
  employmentSince: string | null
  skills: string[]
  jobWishes: { occupations: string[]; places: string[]; expectedPay: number | null }
  family: { householdSize: number | null; situation: string | null }
  policiesEnjoyed: string[]
  keyGroups: { group: KeyGroup; label: string; since: string }[]
  registration: { certificateNo: string; registeredAt: string } | null
  householdId: string | null
  updatedAt: string
}
