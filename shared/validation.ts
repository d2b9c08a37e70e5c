import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

/**
 * Zod speaks Chinese here: residents read these messages in forms and in error replies.
 * Importing this module once (the functions' runtime and the app both do) sets the locale; only
 * the one locale is imported so the mini-program package stays small.
 */
z.config(zhCN())

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
