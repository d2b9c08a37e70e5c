import { regionCodeSchema } from '../regions/region-code'
import { z } from '../validation'

/** Who may act. Staff scope is a division-code prefix. */
export const ROLES = ['resident', 'employer', 'coordinator', 'street', 'county'] as const
export type Role = (typeof ROLES)[number]
/** Roles with a region to serve; residents and employers act for themselves only. */
export const STAFF_ROLES = ['coordinator', 'street', 'county'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
export const isStaffRole = (role: Role): role is StaffRole => (STAFF_ROLES as readonly Role[]).includes(role)

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  employer: '用人单位',
  coordinator: '社区劳动保障协理员',
  // The offices' official names (Hai'an 2021; DOMAIN.md: Official terms).
  street: '街道（乡镇）劳动保障事务所',
  county: '县（市、区）人社局',
}

/** The division level each staff role works at: its region code has this many digits. */
export const ROLE_REGION_DIGITS: Record<StaffRole, number> = {
  coordinator: 12,
  street: 9,
  county: 6,
}

export const roleSchema = z.enum(ROLES, {
  error: '角色只能是 resident、employer、coordinator、street 或 county',
})

export const devLoginSchema = z
  .object({
    openid: z.string().trim().min(1).max(64),
    role: roleSchema,
    region: regionCodeSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!isStaffRole(v.role)) return
    const digits = ROLE_REGION_DIGITS[v.role]
    if (!v.region) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: `${ROLE_LABELS[v.role]}必须指定所属区划` })
    } else if (v.region.length !== digits) {
      ctx.addIssue({
        code: 'custom',
        path: ['region'],
        message: `${ROLE_LABELS[v.role]}的区划代码应为 ${digits} 位`,
      })
    }
  })
export type DevLoginInput = z.infer<typeof devLoginSchema>

export const wechatLoginSchema = z.object({ code: z.string().min(1).max(128) }).strict()

/** The caller as the functions know them after authentication. */
export interface Identity {
  openid: string
  role: Role
  /** Division-code prefix the caller may act in; a resident's own community when known. */
  region: string | null
}

export interface SessionInfo {
  role: Role
  roleLabel: string
  region: string | null
  regionName: string | null
  /** A county system administrator: grants and revokes staff roles (人员权限). */
  admin?: boolean
}
