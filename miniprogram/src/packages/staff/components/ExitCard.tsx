import { EXIT_REASONS, type ExitReason, type PersonView, personExitSchema } from '@shared/people/person'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { api, errorMessage, isApiError } from '../../../api/client'
import { ConfirmSheet, KeyValue } from '../../../components/Application'
import { ChoiceChips, DateBox } from '../../../components/Form'
import { type FieldErrors, parseWith, serverErrors } from '../../../forms/validate'
import { formatDate, todayInChina } from '../../../utils/format'
import { toastText } from '../../../utils/toast'

const REASON_OPTIONS = (Object.entries(EXIT_REASONS) as [ExitReason, string][]).map(([value, label]) => ({
  value,
  label,
}))

/**
 * 退出跟踪: a person who retired, moved away, died or left the labour market is no longer
 * followed from the date recorded — no new tasks, the open ones set aside without deduction.
 */
export function ExitCard({ person, onChange }: { person: PersonView; onChange: (p: PersonView) => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<ExitReason | ''>('')
  const [date, setDate] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(
      personExitSchema,
      { reason: reason || undefined, date: date || undefined, note },
      { reason: '退出原因', date: '退出日期', note: '说明' },
    )
    if (!parsed.ok) {
      setErrors({ ...parsed.errors, ...(reason ? {} : { reason: '请选择退出原因' }) })
      return
    }
    setBusy(true)
    try {
      onChange(await api('exitPerson', { params: { id: person.id }, body: parsed.data }))
      setOpen(false)
      toastText('已登记退出跟踪')
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card" id="person-exit">
      <Text className="card-title">跟踪状态</Text>
      <KeyValue
        label="跟踪服务"
        id="person-exit-state"
        value={
          person.exit ? (
            <Text>
              {formatDate(person.exit.date)} 起{person.exit.reasonLabel}，不再跟踪
              {person.exit.note ? `（${person.exit.note}）` : ''}
            </Text>
          ) : (
            <Text className={person.followup && !person.followup.followed ? 'muted' : undefined}>
              {person.followup?.note ?? '按期跟踪中'}
            </Text>
          )
        }
      />
      <View
        id="person-exit-open"
        className="btn btn--ghost btn--small"
        hoverClass="btn--hover"
        onClick={() => {
          setErrors({})
          setReason(person.exit?.reason ?? '')
          setDate(person.exit?.date ?? '')
          setNote(person.exit?.note ?? '')
          setOpen(true)
        }}
      >
        {person.exit ? '更正退出登记' : '登记退出跟踪'}
      </View>
      <ConfirmSheet
        open={open}
        title="登记退出跟踪"
        confirmText="登记"
        confirmId="person-exit-submit"
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Text className="wb-sheet__label">退出原因</Text>
        <ChoiceChips
          id="person-exit-reason"
          idPrefix="person-exit-reason-"
          options={REASON_OPTIONS}
          value={reason}
          onChange={(v) => {
            setReason(v as ExitReason)
            setErrors({})
          }}
        />
        {errors.reason ? <Text className="form-field__error">{errors.reason}</Text> : null}
        <Text className="wb-sheet__label">退出日期</Text>
        <DateBox
          id="person-exit-date"
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
        <Text className="wb-sheet__label">说明（选填）</Text>
        <Textarea
          id="person-exit-note"
          className="form-textarea"
          maxlength={200}
          value={note}
          placeholder="如：随子女迁往苏州"
          placeholderClass="form-placeholder"
          onInput={(e) => setNote(e.detail.value)}
        />
        {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
        <Text className="wb-sheet__label">退出后不再生成跟踪任务，当月未完成的任务不扣分。</Text>
      </ConfirmSheet>
    </View>
  )
}
