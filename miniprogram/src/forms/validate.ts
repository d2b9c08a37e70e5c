import type { FieldIssue } from '@shared/errors'
import type { z } from '@shared/validation'

/** Inline messages by field path ("name", "jobWishes.expectedPay"). */
export type FieldErrors = Record<string, string>

type RawIssue = z.core.$ZodRawIssue

/**
 * Chinese messages, with the field's label, for the checks a schema left to zod's defaults
 * (which name types like "number"). Messages the schema sets itself always win over these.
 */
const friendly =
  (labels: Record<string, string>) =>
  (iss: RawIssue): string => {
    const label = labels[(iss.path ?? []).map(String).join('.')] ?? '此项'
    const info = iss as RawIssue & {
      origin?: string
      minimum?: number | bigint
      maximum?: number | bigint
      expected?: string
    }
    switch (iss.code) {
      case 'too_small':
        if (info.origin === 'string') return `${label}至少 ${info.minimum} 个字`
        if (info.origin === 'array') return `${label}至少 ${info.minimum} 项`
        return `${label}不能小于 ${info.minimum}`
      case 'too_big':
        if (info.origin === 'string') return `${label}最多 ${info.maximum} 个字`
        if (info.origin === 'array') return `${label}最多 ${info.maximum} 项`
        return `${label}不能大于 ${info.maximum}`
      case 'invalid_type':
        if (iss.input === undefined || iss.input === null) return `请填写${label}`
        if (info.expected === 'int') return `${label}应为整数`
        if (info.expected === 'number') return `${label}应为数字`
        return `${label}格式不正确`
      case 'invalid_value':
        return `请选择${label}`
      default:
        return `${label}填写有误`
    }
  }

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors }

/** Check `input` with `schema`; on failure, the first message for each field path. */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  labels: Record<string, string>,
): Parsed<z.output<S>> => {
  const result = schema.safeParse(input, { error: friendly(labels) })
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.')
    if (!(key in errors)) errors[key] = issue.message
  }
  return { ok: false, errors }
}

/**
 * The server's field issues as inline messages. `prefix` is what the server puts before the form's
 * own field names ("data." for an application's form data); issues outside it are left out.
 */
export const serverErrors = (issues: readonly FieldIssue[] | undefined, prefix = ''): FieldErrors => {
  const errors: FieldErrors = {}
  for (const issue of issues ?? []) {
    if (!issue.field.startsWith(prefix)) continue
    const key = issue.field.slice(prefix.length)
    if (key && !(key in errors)) errors[key] = issue.message
  }
  return errors
}

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0

/** A list typed into one box (技能、意向岗位): split on the separators people use. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)

/** "skills.3" and "jobWishes.places.0" belong to the field of the whole list: its first message. */
export const normaliseListErrors = (errors: FieldErrors): FieldErrors => {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(errors)) {
    const key = path.replace(/\.\d+$/, '')
    if (!(key in out)) out[key] = message
  }
  return out
}
