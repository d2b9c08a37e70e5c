import { z } from './validation'

/**
 * Free text as people type it. Postgres `jsonb` cannot hold `\u0000` or an unpaired surrogate,
 * and control characters have no business in a name or a reason, so they are refused here, at
 * the edge, with a message naming the rule — never discovered later as a 500.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// Tabs and line breaks are allowed in long text; every other C0/C1 control character is not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

export const isCleanText = (s: string): boolean => !LONE_SURROGATE.test(s) && !CONTROL.test(s)

/** Trimmed text of `min`..`max` characters with a Chinese message for each rule. */
export const plainText = (label: string, opts: { min?: number; max: number }) => {
  const min = opts.min ?? 0
  return z
    .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}应为文字`) })
    .refine(isCleanText, `${label}含有不支持的字符`)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        // Nothing typed is "fill it in", however long the text must be.
        .min(min > 0 ? 1 : 0, `请填写${label}`)
        .min(min, `${label}至少 ${min} 个字`)
        .max(opts.max, `${label}最多 ${opts.max} 个字`),
    )
}

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30). */
export const calendarDateSchema = (label: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请选择${label}` : `${label}应为日期`) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
    }, `${label}不是有效日期`)

/**
 * A last day given as a date (YYYY-MM-DD) or an instant (ISO 8601): either way the calendar date
 * in Asia/Shanghai, which is how residents and employers think of "valid until".
 */
export const dayOrInstantSchema = (label: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `请选择${label}` : `${label}应为日期`) })
    .transform((s, ctx) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
        const d = new Date(`${s}T00:00:00Z`)
        if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s) return s
      } else if (/^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s))) {
        return new Date(Date.parse(s) + 8 * 3_600_000).toISOString().slice(0, 10)
      }
      ctx.addIssue({ code: 'custom', message: `${label}格式应为 YYYY-MM-DD` })
      return z.NEVER
    })
