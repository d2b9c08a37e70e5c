import { calendarDateSchema, plainText } from '../text'
import { z } from '../validation'

/**
 * 就业援助协议（一人一策）: what the coordinator and an assisted person agree — the goal, and the
 * services promised with a date for each — signed by the person (a tap on their own phone, or a
 * photo of the signed paper). The follow-ups tick the items off as they are delivered.
 */
export const AGREEMENT_ITEM_KINDS = {
  guidance: '职业指导',
  referral: '推荐岗位',
  training: '技能培训',
  welfare_post: '公益性岗位安置',
  policy: '政策落实',
  other: '其他帮扶',
} as const
export type AgreementItemKind = keyof typeof AGREEMENT_ITEM_KINDS

export const AGREEMENT_STATUSES = { draft: '待本人确认', signed: '已签订' } as const
export type AgreementStatus = keyof typeof AGREEMENT_STATUSES

export const SIGN_METHODS = { tap: '本人在手机上确认', photo: '纸质协议签字（照片存档）' } as const
export type SignMethod = keyof typeof SIGN_METHODS

export const agreementDraftSchema = z
  .object({
    goals: plainText('援助目标', { min: 4, max: 300 }),
    items: z
      .array(
        z
          .object({
            kind: z.enum(Object.keys(AGREEMENT_ITEM_KINDS) as [AgreementItemKind, ...AgreementItemKind[]], {
              error: (iss) =>
                iss.input === undefined
                  ? '请选择服务类型'
                  : `服务类型只能是 ${Object.values(AGREEMENT_ITEM_KINDS).join('、')}`,
            }),
            label: plainText('服务内容', { min: 2, max: 60 }),
            due: calendarDateSchema('完成时限'),
          })
          .strict(),
        { error: '请填写约定的服务事项' },
      )
      .min(1, '至少约定一项服务')
      .max(12, '最多约定 12 项服务'),
    /** The version the editor started from: a save over someone else's change is refused. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .strict()
export type AgreementDraftInput = z.infer<typeof agreementDraftSchema>

export const agreementSignSchema = z
  .object({
    method: z.enum(Object.keys(SIGN_METHODS) as [SignMethod, ...SignMethod[]], {
      error: '签订方式只能是 tap（本人确认）或 photo（签字照片）',
    }),
    fileId: z
      .string()
      .regex(/^file_[a-z0-9_]{1,40}$/, '签字照片编号格式不正确')
      .optional(),
    /** The version the person read: they agree to that text, not to a later revision. */
    version: z.number({ error: '缺少协议版本' }).int().min(1),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'photo' && !v.fileId)
      ctx.addIssue({ code: 'custom', path: ['fileId'], message: '请上传签字后的协议照片' })
  })
export type AgreementSignInput = z.infer<typeof agreementSignSchema>

export interface AgreementItemView {
  id: string
  kind: AgreementItemKind
  kindLabel: string
  label: string
  due: string
  doneAt: string | null
  doneBy: string | null
  /** Past its date and not done. */
  overdue: boolean
}

export interface AgreementView {
  personId: string
  personName: string
  status: AgreementStatus
  statusLabel: string
  goals: string
  items: AgreementItemView[]
  signed: { method: SignMethod; methodLabel: string; at: string; by: string; fileId: string | null } | null
  progress: { done: number; total: number }
  version: number
  updatedAt: string
  updatedBy: string
}
