import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { FieldSpec } from '../forms/application-fields'
import { todayInChina } from '../utils/format'
import { ChoiceChips, DateBox, FormField } from './Form'

interface Props {
  spec: FieldSpec
  value: string
  error?: string
  onChange: (value: string) => void
}

/** One field of an application form, drawn from its spec; the wrapper is `field-<name>`. */
export default function ApplicationField({ spec, value, error, onChange }: Props) {
  const placeholder = spec.placeholder ?? `请填写${spec.label}`
  const today = todayInChina()
  let control: ReactNode
  switch (spec.kind) {
    case 'select':
      control = (
        <ChoiceChips
          idPrefix={`field-${spec.name}-`}
          options={spec.options ?? []}
          value={value}
          onChange={onChange}
        />
      )
      break
    case 'date':
      control = (
        <DateBox fields="day" value={value} end={today} placeholder="请选择日期" onChange={onChange} />
      )
      break
    case 'month':
      control = (
        <DateBox
          fields="month"
          value={value}
          end={today.slice(0, 7)}
          placeholder="请选择月份"
          onChange={onChange}
        />
      )
      break
    case 'textarea':
      control = (
        <>
          <Textarea
            className="form-textarea"
            value={value}
            maxlength={spec.maxLength ?? 500}
            placeholder={placeholder}
            placeholderClass="form-placeholder"
            onInput={(e) => onChange(e.detail.value)}
          />
          <Text className="form-count">
            {Array.from(value).length}/{spec.maxLength ?? 500}
          </Text>
        </>
      )
      break
    case 'number':
    case 'decimal':
      control = (
        <View className="form-unit-row">
          <Input
            className="form-input"
            // A keypad with the point for whole numbers too: a typed 1.2 is then refused as
            // not whole, where a number keypad would silently make it 12.
            type="digit"
            value={value}
            maxlength={12}
            placeholder={placeholder}
            placeholderClass="form-placeholder"
            onInput={(e) => onChange(e.detail.value)}
          />
          {spec.unit ? <Text className="form-unit">{spec.unit}</Text> : null}
        </View>
      )
      break
    default:
      control = (
        <Input
          className="form-input"
          type="text"
          value={value}
          maxlength={spec.maxLength ?? 60}
          placeholder={placeholder}
          placeholderClass="form-placeholder"
          onInput={(e) => onChange(e.detail.value)}
        />
      )
  }
  return (
    <FormField
      id={`field-${spec.name}`}
      label={spec.label}
      required={!spec.optional}
      error={error}
      hint={spec.hint}
    >
      {control}
    </FormField>
  )
}
