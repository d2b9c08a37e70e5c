import {
  CRITERIA_LABELS,
  type RatingCriteria,
  type ReportSettings,
  reportSettingsSchema,
  STAR_LABELS,
  STAR_LEVELS,
} from '@shared/reports/report'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../api/client'
import { FormField } from '../../../components/Form'
import { type FieldErrors, parseWith, serverErrors } from '../../../forms/validate'
import { toastText } from '../../../utils/toast'

type Reply = ReportSettings & { isDefault: boolean; updatedAt: string | null }
const KEYS = Object.keys(CRITERIA_LABELS) as (keyof RatingCriteria)[]

/** Shares are typed as percentages (「90」 for 90%), as officers say them; households as a count. */
const toText = (key: keyof RatingCriteria, v: number) =>
  key === 'zeroHouseholds' ? String(v) : String(Math.round(v * 10_000) / 100)
const fromText = (key: keyof RatingCriteria, s: string): number | string => {
  const t = s.trim()
  if (key === 'zeroHouseholds') return /^\d{1,4}$/.test(t) ? Number(t) : t
  return /^\d{1,3}(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) / 10_000 : t
}

type Form = { threshold: string; base: string; rating: Record<string, Record<keyof RatingCriteria, string>> }
const toForm = (r: ReportSettings): Form => ({
  threshold: String(Math.round(r.unemploymentThreshold * 10_000) / 100),
  base: String(r.scoreBase),
  rating: Object.fromEntries(
    STAR_LEVELS.map((l) => [l, Object.fromEntries(KEYS.map((k) => [k, toText(k, r.rating[`${l}`][k])]))]),
  ) as Form['rating'],
})

/**
 * 报表与考核参数 (county): the unemployment-rate control line, the annual base score and what each
 * star level of the full-employment community asks. Read by everyone on staff, set by the county.
 */
export default function ReportSettingsCard({
  mayEdit,
  onDirty,
}: {
  mayEdit: boolean
  onDirty: (d: boolean) => void
}) {
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [loadError, setLoadError] = useState('')
  useEffect(() => {
    api('getReportSettings', {})
      .then((r: Reply) => setForm(toForm(r)))
      .catch((e) => setLoadError(errorMessage(e)))
  }, [])
  if (loadError) return <Text className="form-field__error">{loadError}</Text>
  if (!form) return null
  const change = (f: Form) => {
    setForm(f)
    setErrors({})
    onDirty(true)
  }
  const save = async () => {
    if (busy) return
    const pct = (s: string) =>
      /^\d{1,2}(\.\d{1,2})?$/.test(s.trim()) ? Math.round(Number(s.trim()) * 100) / 10_000 : s
    const labels: Record<string, string> = { unemploymentThreshold: '失业率控制线', scoreBase: '考核基础分' }
    for (const l of STAR_LEVELS)
      for (const k of KEYS) labels[`rating.${l}.${k}`] = `${l} 星${CRITERIA_LABELS[k]}`
    const parsed = parseWith(
      reportSettingsSchema,
      {
        unemploymentThreshold: pct(form.threshold),
        scoreBase: /^\d{1,4}$/.test(form.base.trim()) ? Number(form.base.trim()) : form.base,
        rating: Object.fromEntries(
          STAR_LEVELS.map((l) => [
            `${l}`,
            Object.fromEntries(KEYS.map((k) => [k, fromText(k, form.rating[l]![k])])),
          ]),
        ),
      },
      labels,
    )
    if (!parsed.ok) {
      setErrors(parsed.errors)
      toastText(Object.values(parsed.errors)[0] ?? '请检查填写的参数')
      return
    }
    setBusy(true)
    try {
      const saved = await api('setReportSettings', { body: parsed.data })
      setForm(toForm(saved))
      onDirty(false)
      toastText('已保存，报表和星级测算即时按新参数计算')
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
      // The field may be off screen: say it where the finger is too.
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const input = (id: string, value: string, onInput: (v: string) => void) => (
    <Input
      id={id}
      className="form-input wb-age"
      type="digit"
      maxlength={6}
      disabled={!mayEdit}
      value={value}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
  return (
    <View className="card" id="county-report-settings">
      <Text className="card-title">报表与考核参数</Text>
      <FormField
        id="county-field-threshold"
        label="城镇登记失业率控制线（%）"
        error={errors.unemploymentThreshold}
      >
        {input('county-threshold', form.threshold, (v) => change({ ...form, threshold: v }))}
      </FormField>
      <FormField id="county-field-base" label="街道/镇年度考核基础分" error={errors.scoreBase}>
        {input('county-score-base', form.base, (v) => change({ ...form, base: v }))}
      </FormField>
      {STAR_LEVELS.map((l) => (
        <View key={l} className="rp-criterion" id={`county-rating-${l}`}>
          <Text className="card-title">充分就业社区 {STAR_LABELS[l]}</Text>
          {errors[`rating.${l}`] ? <Text className="form-field__error">{errors[`rating.${l}`]}</Text> : null}
          {KEYS.map((k) => (
            <FormField
              key={k}
              id={`county-field-rating-${l}-${k}`}
              label={
                k === 'zeroHouseholds'
                  ? `${CRITERIA_LABELS[k]}不超过（户）`
                  : `${CRITERIA_LABELS[k]}不低于（%）`
              }
              error={errors[`rating.${l}.${k}`]}
            >
              {input(`county-rating-${l}-${k}`, form.rating[l]![k], (v) =>
                change({ ...form, rating: { ...form.rating, [l]: { ...form.rating[l]!, [k]: v } } }),
              )}
            </FormField>
          ))}
        </View>
      ))}
      {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      {mayEdit ? (
        <View
          id="county-report-settings-save"
          className="btn btn--primary"
          hoverClass="btn--hover"
          onClick={() => void save()}
        >
          {busy ? '保存中…' : '保存报表与考核参数'}
        </View>
      ) : null}
    </View>
  )
}
