import { APPLICATION_TYPES, type ApplicationType } from '@shared/applications/application-types'
import { type FormValues, toData, visibleFields } from './application-fields'
import { type FieldErrors, hasErrors, parseWith } from './validate'

/**
 * Check an application's form as the resident filled it: empty required fields and unreadable
 * numbers first (with plain messages), then the type's schema from the shared contract.
 */
export const validateApplicationForm = (
  type: ApplicationType,
  values: FormValues,
): { data: Record<string, unknown>; errors: FieldErrors } => {
  const fields = visibleFields(type, values)
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]))
  const errors: FieldErrors = {}
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim()
    if (raw === '') {
      if (!f.optional)
        errors[f.name] =
          `${f.kind === 'select' || f.kind === 'date' || f.kind === 'month' ? '请选择' : '请填写'}${f.label}`
    } else if ((f.kind === 'number' || f.kind === 'decimal') && !Number.isFinite(Number(raw))) {
      errors[f.name] = `${f.label}应为数字`
    }
  }
  const data = toData(type, values)
  const parsed = parseWith(APPLICATION_TYPES[type].form, data, labels)
  if (!parsed.ok) {
    for (const [key, message] of Object.entries(parsed.errors)) {
      if (key && !(key in errors)) errors[key] = message
    }
  }
  return { data, errors: hasErrors(errors) ? errors : {} }
}
