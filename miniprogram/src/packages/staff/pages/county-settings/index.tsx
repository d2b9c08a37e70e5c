import { isStaffRole } from '@shared/auth/identity'
import {
  type CountySettingsView,
  countySettingsSchema,
  FOLLOW_SCOPES,
  type FollowScope,
} from '@shared/people/working-age'
import { Input, Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { KeyValue } from '../../../../components/Application'
import { ChoiceChips, FormField } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { formatDateTime } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { toastText } from '../../../../utils/toast'
import ReportSettingsCard from '../../components/ReportSettingsCard'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

const SCOPE_OPTIONS = (Object.entries(FOLLOW_SCOPES) as [FollowScope, string][]).map(([value, label]) => ({
  value,
  label,
}))

interface Form {
  maleFrom: string
  maleTo: string
  femaleFrom: string
  femaleTo: string
  followScope: FollowScope
}

const toForm = (v: CountySettingsView): Form => ({
  maleFrom: String(v.workingAge.male.from),
  maleTo: String(v.workingAge.male.to),
  femaleFrom: String(v.workingAge.female.from),
  femaleTo: String(v.workingAge.female.to),
  followScope: v.followScope,
})

/** Digits only reach the server as numbers; "60.5" or "六十" stay text and are refused by name. */
const num = (s: string): number | string => (/^\d{1,3}$/.test(s.trim()) ? Number(s.trim()) : s)

const LABELS: Record<string, string> = {
  'workingAge.male.from': '男性起始年龄',
  'workingAge.male.to': '男性退休年龄',
  'workingAge.female.from': '女性起始年龄',
  'workingAge.female.to': '女性退休年龄',
  followScope: '跟踪范围',
}

/**
 * 县级参数: the legal working age per gender (the retirement age is rising step by step, so each
 * county sets it) and whom the monthly follow-up covers. Staff below the county see them.
 */
export default function CountySettingsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const mayEdit = session.status === 'done' && session.session.role === 'county'
  const [view, setView] = useState<CountySettingsView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [dirty, setDirty] = useState(false)
  const [reportDirty, setReportDirty] = useState(false)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      const v = await api('getCountySettings', {})
      setView(v)
      setForm(toForm(v))
      setDirty(false)
    } catch (e) {
      setLoadError(errorMessage(e))
    }
  }, [])
  useEffect(() => {
    if (isStaff) void load()
  }, [isStaff, load])

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate) return <PageShell className="staff wb">{gate}</PageShell>
  if (loadError)
    return (
      <PageShell className="staff wb">
        <ErrorView id="county-settings-error" message={loadError} onRetry={() => void load()} />
      </PageShell>
    )
  if (!view || !form)
    return (
      <PageShell className="staff wb">
        <LoadingView />
      </PageShell>
    )

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f))
    setDirty(true)
    setErrors({})
  }

  const save = async () => {
    if (busy) return
    const parsed = parseWith(
      countySettingsSchema,
      {
        workingAge: {
          male: { from: num(form.maleFrom), to: num(form.maleTo) },
          female: { from: num(form.femaleFrom), to: num(form.femaleTo) },
        },
        followScope: form.followScope,
      },
      LABELS,
    )
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setBusy(true)
    try {
      const saved = await api('setCountySettings', { body: parsed.data })
      setView(saved)
      setForm(toForm(saved))
      setDirty(false)
      toastText('已保存，下次跟踪任务生成和零就业核查时生效')
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const ageInput = (id: string, key: keyof Omit<Form, 'followScope'>) => (
    <Input
      id={id}
      className="form-input wb-age"
      type="digit"
      maxlength={3}
      disabled={!mayEdit}
      value={form[key]}
      onInput={(e) => set(key, e.detail.value)}
    />
  )

  return (
    <PageShell
      className="staff wb wb--with-bar"
      beforeLeave={() => confirmDiscard(dirty || reportDirty)}
      guard={dirty || reportDirty}
    >
      <View className="staff__head">
        <Text className="staff__title">县级参数</Text>
        <Text className="staff__region">
          {view.countyName ?? view.county} ·{' '}
          {view.isDefault
            ? '使用默认值'
            : `${view.updatedBy ?? ''} ${formatDateTime(view.updatedAt ?? '')} 修改`}
        </Text>
      </View>

      <View className="card" id="county-working-age">
        <Text className="card-title">法定劳动年龄</Text>
        <Text className="muted">
          从起始年龄的生日当天起，到退休年龄生日的前一天止。用于零就业家庭认定和跟踪对象范围。
        </Text>
        <FormField
          id="county-field-male"
          label="男性（周岁）"
          error={errors['workingAge.male.from'] ?? errors['workingAge.male.to']}
        >
          <View className="wb-age-row">
            {ageInput('county-male-from', 'maleFrom')}
            <Text>至</Text>
            {ageInput('county-male-to', 'maleTo')}
          </View>
        </FormField>
        <FormField
          id="county-field-female"
          label="女性（周岁）"
          error={errors['workingAge.female.from'] ?? errors['workingAge.female.to']}
        >
          <View className="wb-age-row">
            {ageInput('county-female-from', 'femaleFrom')}
            <Text>至</Text>
            {ageInput('county-female-to', 'femaleTo')}
          </View>
        </FormField>
      </View>

      <View className="card" id="county-follow-scope">
        <Text className="card-title">跟踪服务范围</Text>
        {mayEdit ? (
          <ChoiceChips
            id="county-scope"
            idPrefix="county-scope-"
            options={SCOPE_OPTIONS}
            value={form.followScope}
            onChange={(v) => set('followScope', v as FollowScope)}
          />
        ) : (
          <KeyValue label="范围" value={<Text>{FOLLOW_SCOPES[view.followScope]}</Text>} />
        )}
        <Text className="muted">
          重点群体人员：登记失业、就业困难、高校毕业生、相对贫困、退役军人、返乡农民工中处于法定劳动年龄、未退出人力资源市场的人员。
        </Text>
      </View>

      <ReportSettingsCard mayEdit={mayEdit} onDirty={setReportDirty} />

      {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      {mayEdit ? (
        <View className="wb-bar">
          <View
            id="county-settings-save"
            className={`btn btn--primary${busy || !dirty ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => (dirty ? void save() : undefined)}
          >
            {busy ? '保存中…' : '保存劳动年龄与跟踪范围'}
          </View>
        </View>
      ) : (
        <View className="card">
          <Text className="muted">参数由县（市、区）人社局设置。</Text>
        </View>
      )}
    </PageShell>
  )
}
