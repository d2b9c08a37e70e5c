import { Picker, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface FieldProps {
  /** Element id of the wrapper (browser tests find the field by it). */
  id?: string
  label: string
  required?: boolean
  error?: string
  hint?: string
  children: ReactNode
}

/** A labelled form field with its hint or its inline error below. */
export function FormField({ id, label, required = true, error, hint, children }: FieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--error' : ''}`} id={id}>
      <View className="form-field__label">
        <Text>{label}</Text>
        {required ? (
          <Text className="form-field__req">*</Text>
        ) : (
          <Text className="form-field__opt">选填</Text>
        )}
      </View>
      {children}
      {error ? <Text className="form-field__error">{error}</Text> : null}
      {!error && hint ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  )
}

interface ChoiceProps {
  id?: string
  /** Prefix of each option's element id: `${idPrefix}${value}`. */
  idPrefix?: string
  options: readonly { value: string; label: string }[]
  value: string
  onChange: (value: string) => void
}

/** Options as tappable chips: every choice visible, big targets, no wheel to spin. */
export function ChoiceChips({ id, idPrefix, options, value, onChange }: ChoiceProps) {
  return (
    <View className="chips" id={id}>
      {options.map((o) => (
        <View
          key={o.value}
          id={idPrefix ? `${idPrefix}${o.value}` : undefined}
          className={`chip${o.value === value ? ' chip--on' : ''}`}
          hoverClass="btn--hover"
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}

/** The closed look of a picker: the chosen text or a grey prompt, and a ▾. */
export function SelectBox({
  text,
  placeholder,
  disabled,
}: {
  text?: string
  placeholder: string
  disabled?: boolean
}) {
  return (
    <View className={`form-select${disabled ? ' form-select--disabled' : ''}`}>
      <Text className={text ? '' : 'form-placeholder'}>{text || placeholder}</Text>
      <Text className="form-select__arrow">▾</Text>
    </View>
  )
}

interface DateProps {
  id?: string
  value: string
  /** 'day' -> YYYY-MM-DD, 'month' -> YYYY-MM */
  fields: 'day' | 'month'
  start?: string
  end: string
  /** Where the wheel opens when nothing is chosen yet (default: the end date). */
  initial?: string
  placeholder: string
  onChange: (value: string) => void
}

/** A date or month picker; opens on the end date (usually today) when nothing is chosen yet. */
export function DateBox({ id, value, fields, start, end, initial, placeholder, onChange }: DateProps) {
  const first = fields === 'month' ? '1950-01' : '1950-01-01'
  return (
    <Picker
      id={id}
      mode="date"
      fields={fields}
      value={value || initial || end}
      start={start ?? first}
      end={end}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <SelectBox text={value} placeholder={placeholder} />
    </Picker>
  )
}
