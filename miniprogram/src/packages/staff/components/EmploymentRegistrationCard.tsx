import type { Role } from '@shared/auth/identity'
import { MANUAL_DEDUCTION_RULES } from '@shared/followups/followup'
import {
  EMPLOYMENT_KINDS,
  type EmploymentKind,
  employmentRegistrationSchema,
  type PersonView,
} from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { api, errorMessage, isApiError } from '../../../api/client'
import { ConfirmSheet, KeyValue } from '../../../components/Application'
import { ChoiceChips, DateBox } from '../../../components/Form'
import { type FieldErrors, parseWith, serverErrors } from '../../../forms/validate'
import { formatDate, todayInChina } from '../../../utils/format'
import { newIdempotencyKey } from '../../../utils/ids'
import { toastText } from '../../../utils/toast'

const KIND_OPTIONS = (Object.entries(EMPLOYMENT_KINDS) as [EmploymentKind, string][]).map(
  ([value, label]) => ({ value, label }),
)

/**
 * 就业登记: the coordinator records where a person found work; it ends their unemployment
 * registration (the certificate stays theirs) and closes an open placement case. A county officer
 * may also record the Hai'an deduction for a person never told to make their 就业登记.
 */
export function EmploymentRegistrationCard({
  person,
  role,
  onChange,
}: {
  person: PersonView
  role: Role
  onChange: (p: PersonView) => void
}) {
  const [open, setOpen] = useState(false)
  const [employer, setEmployer] = useState('')
  const [date, setDate] = useState('')
  const [kind, setKind] = useState<EmploymentKind | ''>('')
  const [post, setPost] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [dedOpen, setDedOpen] = useState(false)
  const [dedReason, setDedReason] = useState('')
  const [dedKey, setDedKey] = useState('')

  const reg = person.employmentRegistration
  const registered = person.keyGroups.some((g) => g.group === 'registered_unemployed')

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(
      employmentRegistrationSchema,
      { employer, date: date || undefined, kind: kind || undefined, post },
      { employer: '就业单位', date: '就业日期', kind: '就业形式', post: '岗位' },
    )
    if (!parsed.ok) {
      setErrors({ ...parsed.errors, ...(kind ? {} : { kind: '请选择就业形式' }) })
      return
    }
    setBusy(true)
    try {
      onChange(await api('recordEmploymentRegistration', { params: { id: person.id }, body: parsed.data }))
      setOpen(false)
      toastText(registered ? '已登记就业，失业登记同时终止' : '已登记就业')
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const deduct = async () => {
    if (busy) return
    if (dedReason.trim().length < 4) {
      setErrors({ reason: '请写明情况（至少 4 个字）' })
      return
    }
    setBusy(true)
    try {
      await api('recordDeduction', {
        body: {
          personId: person.id,
          rule: 'employment_registration',
          reason: dedReason.trim(),
          idempotencyKey: dedKey,
        },
      })
      setDedOpen(false)
      toastText('已记入扣分')
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card" id="person-employment-registration">
      <Text className="card-title">就业登记</Text>
      <KeyValue
        label="失业登记"
        id="person-unemployment-registration"
        value={
          person.registration ? (
            <Text>
              登记证 {person.registration.certificateNo}
              {person.registration.endedAt
                ? `，${formatDate(person.registration.endedAt)} 就业登记后终止`
                : registered
                  ? '，登记失业中'
                  : ''}
            </Text>
          ) : (
            <Text className="muted">未办理</Text>
          )
        }
      />
      <KeyValue
        label="就业登记"
        id="person-employment-registered"
        value={
          reg ? (
            <View className="wb-lines">
              <Text>
                {formatDate(reg.date)} 起 {reg.kindLabel}：{reg.employer}
                {reg.post ? ` ${reg.post}` : ''}
              </Text>
              <Text className="muted">
                {/* 社区劳动保障协理员 / （海安镇·中坝社区） 登记: breaks before the office, not inside it */}
                {`${reg.by} 登记`.split(/(?=（)/).map((part) => (
                  <Text key={part} className="nowrap">
                    {part}
                  </Text>
                ))}
              </Text>
            </View>
          ) : (
            <Text className="muted">无</Text>
          )
        }
      />
      {registered ? (
        <Text className="muted">
          本人实现就业后，请及时办理就业登记，未及时登记影响待遇享受的年度考核扣分。
        </Text>
      ) : null}
      <View
        id="person-employment-open"
        className="btn btn--ghost btn--small"
        hoverClass="btn--hover"
        onClick={() => {
          setErrors({})
          setEmployer('')
          setDate('')
          setKind('')
          setPost('')
          setOpen(true)
        }}
      >
        {reg ? '更正就业登记' : '办理就业登记'}
      </View>
      {role === 'county' ? (
        <View
          id="person-deduct-open"
          className="btn btn--ghost btn--small"
          hoverClass="btn--hover"
          onClick={() => {
            setErrors({})
            setDedReason('')
            setDedKey(newIdempotencyKey())
            setDedOpen(true)
          }}
        >
          记录扣分：未及时引导就业登记
        </View>
      ) : null}

      <ConfirmSheet
        open={open}
        title="就业登记"
        confirmText="登记"
        confirmId="employment-submit"
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Text className="wb-sheet__label">就业形式</Text>
        <ChoiceChips
          id="employment-kind"
          idPrefix="employment-kind-"
          options={KIND_OPTIONS}
          value={kind}
          onChange={(v) => {
            setKind(v as EmploymentKind)
            setErrors({})
          }}
        />
        {errors.kind ? <Text className="form-field__error">{errors.kind}</Text> : null}
        <Text className="wb-sheet__label">{kind === 'self_employed' ? '经营主体名称' : '就业单位'}</Text>
        <Input
          id="employment-employer"
          className="form-input"
          type="text"
          maxlength={60}
          value={employer}
          placeholder={kind === 'flexible' ? '如：个体经营、网约配送' : '单位全称'}
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setEmployer(e.detail.value)
            setErrors({})
          }}
        />
        {errors.employer ? <Text className="form-field__error">{errors.employer}</Text> : null}
        <Text className="wb-sheet__label">岗位（选填）</Text>
        <Input
          id="employment-post"
          className="form-input"
          type="text"
          maxlength={30}
          value={post}
          placeholder="如：挡车工"
          placeholderClass="form-placeholder"
          onInput={(e) => setPost(e.detail.value)}
        />
        <Text className="wb-sheet__label">就业日期</Text>
        <DateBox
          id="employment-date"
          value={date}
          fields="day"
          end={todayInChina()}
          placeholder="请选择日期"
          onChange={(v) => {
            setDate(v)
            setErrors({})
          }}
        />
        {errors.date ? <Text className="form-field__error">{errors.date}</Text> : null}
        {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
        <Text className="wb-sheet__label">
          {registered
            ? '登记后失业登记终止，就业失业登记证号保留；跟踪改为按就业状态的周期。'
            : '登记后按就业状态调整跟踪周期。'}
        </Text>
      </ConfirmSheet>

      <ConfirmSheet
        open={dedOpen}
        title="记录扣分"
        confirmText="记入扣分"
        confirmId="deduct-submit"
        busy={busy}
        onConfirm={() => void deduct()}
        onCancel={() => setDedOpen(false)}
      >
        <Text className="wb-sheet__label">{MANUAL_DEDUCTION_RULES.employment_registration}（扣 1 分）</Text>
        <Textarea
          id="deduct-reason"
          className="form-textarea"
          maxlength={200}
          value={dedReason}
          placeholder="如：2026 年 9 月已在某厂就业，至今未通知本人办理就业登记"
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setDedReason(e.detail.value)
            setErrors({})
          }}
        />
        {errors.reason ? <Text className="form-field__error">{errors.reason}</Text> : null}
        {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      </ConfirmSheet>
    </View>
  )
}
