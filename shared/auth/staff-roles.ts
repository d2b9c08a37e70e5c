import { z } from 'zod'
import { regionCodeSchema } from '../regions/region-code'
import { ROLE_LABELS, ROLE_REGION_DIGITS, STAFF_ROLES, type StaffRole } from './identity'

/**
 * Staff roles outside the demo: a person who works for a community, a street/town office or
 * the county asks for their role in the app; a county system administrator (系统管理员) grants
 * it — or takes it away — and the change holds from the next request on.
 */
export const staffRoleSchema = z.enum(STAFF_ROLES, { error: '请选择岗位：社区、街道/镇或县级' })

/** The region must be a division of the role's level. */
const regionFitsRole = (v: { role: StaffRole; region: string }, ctx: z.RefinementCtx) => {
  const digits = ROLE_REGION_DIGITS[v.role]
  if (v.region.length !== digits)
    ctx.addIssue({
      code: 'custom',
      path: ['region'],
      message: `${ROLE_LABELS[v.role]}应选择${digits === 12 ? '所在社区/村' : digits === 9 ? '所在镇/街道' : '本县'}`,
    })
}

export const staffRequestSchema = z
  .object({
    name: z.string().trim().min(2, '请填写真实姓名').max(20, '姓名最多 20 个字'),
    role: staffRoleSchema,
    region: regionCodeSchema,
    /** The unit and post, for the administrator to check ("城东镇劳动保障所 协理员"). */
    unit: z.string().trim().min(2, '请填写工作单位和岗位').max(60, '最多 60 个字'),
  })
  .strict()
  .superRefine(regionFitsRole)
export type StaffRequestInput = z.infer<typeof staffRequestSchema>

export const grantStaffRoleSchema = z
  .object({
    role: staffRoleSchema,
    region: regionCodeSchema,
    /** A county account may also administer roles. */
    admin: z.boolean().default(false),
  })
  .strict()
  .superRefine(regionFitsRole)
  .refine((v) => !v.admin || v.role === 'county', {
    path: ['admin'],
    message: '只有县级工作人员可设为系统管理员',
  })
export type GrantStaffRoleInput = z.infer<typeof grantStaffRoleSchema>

export const revokeStaffRoleSchema = z
  .object({
    reason: z
      .string({ error: '请写明收回权限的原因' })
      .trim()
      .min(2, '请写明收回权限的原因（至少 2 个字）')
      .max(100, '最多 100 个字'),
  })
  .strict()

export const refuseStaffRequestSchema = z
  .object({
    reason: z
      .string({ error: '请写明未通过的原因，申请人会看到' })
      .trim()
      .min(2, '请写明未通过的原因（至少 2 个字），申请人会看到')
      .max(100, '最多 100 个字'),
  })
  .strict()

export type StaffRequestStatus = 'pending' | 'granted' | 'refused' | 'revoked'

export interface StaffRequestView {
  /** The account asking (`wx:<openid>`). */
  accountId: string
  name: string
  role: StaffRole
  roleLabel: string
  region: string
  regionName: string
  unit: string
  status: StaffRequestStatus
  at: string
  decidedAt: string | null
  /** Why it was refused, or the role later taken back, for the one who asked. */
  reason: string | null
}

export interface StaffAccountView {
  accountId: string
  /** As they gave it when asking; null for accounts granted before requests existed. */
  name: string | null
  unit: string | null
  role: StaffRole
  roleLabel: string
  region: string
  regionName: string
  admin: boolean
  grantedAt: string | null
  lastLoginAt: string
  /** The caller's own account: they can't take their own role away. */
  self: boolean
}
