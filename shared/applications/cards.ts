import { employmentStatusSchema } from '../people/person'
import { z } from '../validation'

/**
 * The employment-assistance card's life (Xinjiang 2010 card rules, arts. 10–16): issued after
 * certification; inspected yearly by the community; kept by the employer or the holder during
 * the policy period; returned when no longer eligible; revoked when the holder leaves the
 * labour market; replaced when re-issued after a new certification.
 */
export const CARD_STATUS_LABELS = {
  active: '有效',
  kept_by_employer: '用人单位保管（享受政策期内）',
  kept_by_holder: '本人保管（自主就业，享受政策期内）',
  returned: '已退回发放机构',
  revoked: '已注销',
  replaced: '已换发新卡',
} as const
export type CardStatusName = keyof typeof CARD_STATUS_LABELS

/** Which moves staff may make; re-issue happens only through a new certification. */
export const CARD_TRANSITIONS: Record<CardStatusName, CardStatusName[]> = {
  active: ['kept_by_employer', 'kept_by_holder', 'returned', 'revoked'],
  kept_by_employer: ['returned', 'revoked'],
  kept_by_holder: ['returned', 'revoked'],
  returned: ['revoked'],
  revoked: [],
  replaced: [],
}

export const cardStatusChangeSchema = z
  .object({
    status: z.enum(['kept_by_employer', 'kept_by_holder', 'returned', 'revoked'], {
      error: '卡片状态不正确',
    }),
    reason: z.string().trim().min(2, '请填写原因').max(200),
  })
  .strict()

export const cardInspectionSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    employmentStatus: employmentStatusSchema,
    policiesVerified: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    note: z.string().trim().max(300).nullable().default(null),
  })
  .strict()

export interface CardView {
  id: string
  number: string
  status: CardStatusName
  statusLabel: string
  community: string
  communityName: string | null
  issuedAt: string
  lastInspectedYear: number
  inspections: {
    year: number
    at: string
    actor: string
    employmentStatus: string
    policiesVerified: string[]
    note: string | null
  }[]
  history: { at: string; status: CardStatusName; actor: string; reason?: string }[]
  holder?: { personId: string; name: string; idNumber: string }
}
