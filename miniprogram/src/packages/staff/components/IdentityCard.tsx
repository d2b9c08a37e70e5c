import { identityCorrectionSchema, type PersonView } from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { api, errorMessage, isApiError } from '../../../api/client'
import { ConfirmSheet } from '../../../components/Application'
import { type FieldErrors, parseWith, serverErrors } from '../../../forms/validate'
import { toastText } from '../../../utils/toast'

/**
 * 更正身份信息: once a resident's name and ID number are in use (an application, a certificate),
 * they can't change them themselves; staff correct them here after seeing the ID card, with
 * the reason on record. The resident is told.
 */
export function IdentityCard({
  person,
  onChange,
}: {
  person: PersonView
  onChange: (p: PersonView) => void
}) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(
      identityCorrectionSchema,
      { name, ...(idNumber.trim() ? { idNumber: idNumber.trim() } : {}), reason },
      { name: '姓名', idNumber: '身份证号', reason: '更正原因' },
    )
    if (!parsed.ok) return setErrors(parsed.errors)
    setBusy(true)
    try {
      onChange(await api('correctIdentity', { params: { id: person.id }, body: parsed.data }))
      setOpen(false)
      toastText('已更正，已通知本人')
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card" id="person-identity">
      <Text className="card-title">身份信息</Text>
      <Text className="muted">
        {person.identityLocked
          ? '姓名和身份证号已用于办理业务，居民不能自行修改；如有错误，查验身份证原件后在此更正。'
          : '居民尚未办理业务，可自行修改姓名和身份证号；也可在此更正。'}
      </Text>
      <View
        id="person-identity-open"
        className="btn btn--ghost btn--small"
        hoverClass="btn--hover"
        onClick={() => {
          setErrors({})
          setName(person.name)
          setIdNumber('')
          setReason('')
          setOpen(true)
        }}
      >
        更正姓名或身份证号
      </View>
      <ConfirmSheet
        open={open}
        title="更正身份信息"
        confirmText="更正"
        confirmId="person-identity-submit"
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Text className="wb-sheet__label">姓名（与身份证一致）</Text>
        <Input
          id="person-identity-name"
          className="form-input"
          type="text"
          maxlength={30}
          value={name}
          onInput={(e) => {
            setName(e.detail.value)
            setErrors({})
          }}
        />
        {errors.name ? <Text className="form-field__error">{errors.name}</Text> : null}
        <Text className="wb-sheet__label">身份证号（不更正则不填）</Text>
        <Input
          id="person-identity-id"
          className="form-input"
          type="idcard"
          maxlength={18}
          value={idNumber}
          placeholder={person.idNumber}
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setIdNumber(e.detail.value)
            setErrors({})
          }}
        />
        {errors.idNumber ? <Text className="form-field__error">{errors.idNumber}</Text> : null}
        <Text className="wb-sheet__label">更正原因（会记录在案并告知本人）</Text>
        <Textarea
          id="person-identity-reason"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={reason}
          placeholder="如：查验身份证原件，登记时姓名录入有误"
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setReason(e.detail.value)
            setErrors({})
          }}
        />
        {errors.reason ? <Text className="form-field__error">{errors.reason}</Text> : null}
        {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      </ConfirmSheet>
    </View>
  )
}
