import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

/**
 * Zod speaks Chinese here: residents read these messages in forms and in error replies.
 * Importing this module once (the functions' runtime and the app both do) sets the locale; only
 * the one locale is imported so the mini-program package stays small.
 */
z.config({
  ...zhCN(),
  // The locale's words for a few common cases read as machine talk ("期望 int，实际接收 数字").
  customError: (iss) => {
    if (iss.code !== 'invalid_type') return undefined
    if (iss.expected === 'int') return '应为整数，不能有小数'
    if (iss.expected === 'number') return '应为数字'
    return undefined
  },
})

export { z }

/** Query strings carry text; these read them as the types the use cases want. */
export const queryInt = (opts: { min: number; max: number; label: string }) =>
  z
    .string()
    .regex(/^\d+$/, `${opts.label}必须是整数`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(opts.min, `${opts.label}不能小于 ${opts.min}`)
        .max(opts.max, `${opts.label}不能大于 ${opts.max}`),
    )

export const queryBool = (label: string) =>
  z.enum(['true', 'false'], { error: `${label}只能是 true 或 false` }).transform((v) => v === 'true')

/** A page cursor as the client got it back: opaque, bounded, with one message however it is wrong. */
export const cursorParam = z
  .string({ error: '分页参数无效，请刷新后重试' })
  .min(1, '分页参数无效，请刷新后重试')
  .max(2000, '分页参数无效，请刷新后重试')
