import { isStaffRole } from '@shared/auth/identity'
import { type VacancyView, vacancyInputSchema } from '@shared/employers/employer'
import { JOB_CATEGORIES } from '@shared/jobs/job'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { DateBox, FormField, SelectBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import RegionPicker from '../../../../components/RegionPicker'
import { ErrorView, LoadingView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, todayInChina } from '../../../../utils/format'
import { showFormErrors, toastText } from '../../../../utils/toast'
import { FOLLOWUP_DESK, staffGate } from '../../../staff/StaffGate'
import { employerGate } from '../../EmployerGate'
import { vacancyPath } from '../../paths'
import '../../../staff/staff.scss'
import '../../../staff/workbench.scss'
import '../../employer.scss'
import { confirmDiscard } from '../../../../utils/leave'

const CATEGORIES = Object.entries(JOB_CATEGORIES).map(([value, label]) => ({ value, label }))
const LABELS: Record<string, string> = {
  title: '岗位名称',
  category: '岗位类别',
  count: '招聘人数',
  salaryMin: '最低月薪',
  salaryMax: '最高月薪',
  region: '工作地点',
  validUntil: '有效期',
  description: '岗位说明',
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * A new vacancy: what, how many, the pay, where, until when — sent to review or kept as a draft.
 * With `?employer=<id>&name=<unit>` it is staff posting on a unit's behalf.
 */
export default function VacancyEditPage() {
  const params = useRouter().params
  const onBehalf = params.employer
    ? { id: params.employer, name: decodeURIComponent(params.name ?? '') }
    : null
  const { state: session, reload: reloadSession } = useSession()
  const [form, setForm] = useState({
    title: '',
    category: '',
    count: '1',
    salaryMin: '',
    salaryMax: '',
    hours: '',
    region: '',
    address: '',
    validUntil: inDays(60),
    description: '',
    requirements: '',
    benefits: '',
    contactPhone: '',
  })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [dirty, setDirty] = useState(false)
  // `?id=<vacancy>`: correcting one that is not published yet (a draft, pending, or sent back).
  const editId = params.id ?? null
  const [editing, setEditing] = useState<VacancyView | null>(null)
  const [loadError, setLoadError] = useState('')
  const loggedIn = session.status === 'done'
  useEffect(() => {
    if (!editId || !loggedIn) return
    api('getVacancy', { params: { id: editId } })
      .then((v) => {
        setEditing(v)
        setForm({
          title: v.title,
          category: v.category,
          count: String(v.count),
          salaryMin: String(v.salaryMin),
          salaryMax: String(v.salaryMax),
          hours: v.hours,
          region: v.region,
          address: v.address,
          validUntil: v.validUntil.length > 10 ? formatDate(v.validUntil) : v.validUntil,
          description: v.description,
          requirements: v.requirements.join('\n'),
          benefits: v.benefits.join('、'),
          contactPhone: '',
        })
      })
      .catch((e) => setLoadError(errorMessage(e)))
  }, [editId, loggedIn])

  const gate =
    onBehalf && !(session.status === 'done' && session.session.role === 'employer')
      ? staffGate(session, () => void reloadSession(), {
          name: '代单位发布岗位',
          idPrefix: 'vacancy-edit',
          staff: FOLLOWUP_DESK.staff,
        })
      : employerGate(session, () => void reloadSession())
  if (gate) return <PageShell className="staff wb employer">{gate}</PageShell>
  if (editId && !editing)
    return (
      <PageShell className="staff wb employer">
        {loadError ? <ErrorView message={loadError} onRetry={() => Taro.navigateBack()} /> : <LoadingView />}
      </PageShell>
    )

  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setDirty(true)
    setErrors((e) => {
      const { [key]: _, ...rest } = e
      return rest
    })
  }
  const list = (text: string) =>
    text
      .split(/[,，、;；\n]+/)
      .map((s) => s.trim())
      .filter(Boolean)
  const num = (text: string) => (text.trim() === '' ? undefined : Number(text))

  const save = async (draft: boolean) => {
    if (busy) return
    const parsed = parseWith(
      vacancyInputSchema,
      {
        title: form.title,
        category: form.category || undefined,
        count: num(form.count),
        salaryMin: num(form.salaryMin),
        salaryMax: num(form.salaryMax),
        hours: form.hours,
        region: form.region,
        address: form.address,
        validUntil: form.validUntil,
        description: form.description,
        requirements: list(form.requirements),
        benefits: list(form.benefits),
        contactPhone: form.contactPhone,
        ...(onBehalf && session.status === 'done' && isStaffRole(session.session.role)
          ? { employerId: onBehalf.id }
          : {}),
        draft,
      },
      LABELS,
    )
    if (!parsed.ok) {
      setErrors(parsed.errors)
      showFormErrors()
      return
    }
    setBusy(true)
    try {
      const saved = editing
        ? await api('updateVacancy', { params: { id: editing.id }, body: parsed.data })
        : await api('createVacancy', { body: parsed.data })
      setDirty(false)
      toastText(draft ? '已保存草稿' : saved.status === 'published' ? '已发布' : '已提交审核')
      // Correcting: back to the vacancy page, which shows what was saved.
      if (editing) void Taro.navigateBack()
      else void Taro.redirectTo({ url: vacancyPath(saved.id) })
    } catch (e) {
      if (isApiError(e) && e.issues?.length) setErrors(serverErrors(e.issues))
      else setErrors({ form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const confirmLeave = () => confirmDiscard(dirty)

  const categoryIndex = CATEGORIES.findIndex((c) => c.value === form.category)
  return (
    <PageShell
      className="staff wb employer"
      title={editing ? '修改岗位' : undefined}
      beforeLeave={confirmLeave}
      guard={dirty}
    >
      {onBehalf ? (
        <Text className="employer__intro" id="vacancy-on-behalf">
          代“{onBehalf.name}”发布岗位，
          {session.status === 'done' &&
          (session.session.role === 'street' || session.session.role === 'county')
            ? '单位已核验的，提交后直接发布。'
            : '提交后由街道（镇）审核。'}
        </Text>
      ) : null}
      {editing?.status === 'rejected' ? (
        <Text className="employer__intro" id="vacancy-rejected-reason">
          审核意见：{editing.timeline.filter((t) => t.status === 'rejected').at(-1)?.reason ?? '—'}
          。修改后重新提交审核。
        </Text>
      ) : null}
      <View className="card" id="vacancy-form">
        <FormField label="岗位名称" error={errors.title}>
          <Input
            id="vacancy-title"
            className="form-input"
            type="text"
            maxlength={40}
            value={form.title}
            placeholder="如：挡车工、仓库管理员"
            placeholderClass="form-placeholder"
            onInput={(e) => set('title', e.detail.value)}
          />
        </FormField>
        <FormField label="岗位类别" error={errors.category}>
          <Picker
            id="vacancy-category"
            mode="selector"
            range={CATEGORIES.map((c) => c.label)}
            value={Math.max(0, categoryIndex)}
            onChange={(e) => set('category', CATEGORIES[Number(e.detail.value)]?.value ?? '')}
          >
            <SelectBox text={CATEGORIES[categoryIndex]?.label} placeholder="请选择类别" />
          </Picker>
        </FormField>
        <FormField label="招聘人数" error={errors.count}>
          <View className="form-unit-row">
            <Input
              id="vacancy-count"
              className="form-input"
              type="digit"
              maxlength={3}
              value={form.count}
              onInput={(e) => set('count', e.detail.value)}
            />
            <Text className="form-unit">人</Text>
          </View>
        </FormField>
        <FormField label="月薪" error={errors.salaryMin ?? errors.salaryMax}>
          <View className="form-unit-row">
            <Input
              id="vacancy-salary-min"
              className="form-input"
              type="digit"
              maxlength={7}
              value={form.salaryMin}
              placeholder="最低"
              placeholderClass="form-placeholder"
              onInput={(e) => set('salaryMin', e.detail.value)}
            />
            <Text className="form-unit">至</Text>
            <Input
              id="vacancy-salary-max"
              className="form-input"
              type="digit"
              maxlength={7}
              value={form.salaryMax}
              placeholder="最高"
              placeholderClass="form-placeholder"
              onInput={(e) => set('salaryMax', e.detail.value)}
            />
            <Text className="form-unit">元</Text>
          </View>
        </FormField>
        <FormField label="工作时间" required={false}>
          <Input
            id="vacancy-hours"
            className="form-input"
            type="text"
            maxlength={40}
            value={form.hours}
            placeholder="如：两班倒、朝九晚五"
            placeholderClass="form-placeholder"
            onInput={(e) => set('hours', e.detail.value)}
          />
        </FormField>
        <FormField label="工作地点" error={errors.region}>
          <RegionPicker
            value={form.region}
            onChange={(v) => set('region', v)}
            wholeTown
            townId="vacancy-town"
            communityId="vacancy-community"
          />
        </FormField>
        <FormField label="有效期至" error={errors.validUntil}>
          <DateBox
            id="vacancy-valid"
            fields="day"
            value={form.validUntil}
            start={inDays(1)}
            end={inDays(365)}
            placeholder="请选择"
            onChange={(v) => set('validUntil', v)}
          />
        </FormField>
        <FormField label="岗位说明" error={errors.description}>
          <Textarea
            id="vacancy-description"
            className="form-textarea"
            maxlength={2000}
            value={form.description}
            placeholder="工作内容、班次、待遇"
            placeholderClass="form-placeholder"
            onInput={(e) => set('description', e.detail.value)}
          />
        </FormField>
        <FormField label="任职要求" required={false} hint="多条用逗号或换行分开">
          <Input
            className="form-input"
            type="text"
            maxlength={300}
            value={form.requirements}
            placeholder="如：身体健康，能适应倒班"
            placeholderClass="form-placeholder"
            onInput={(e) => set('requirements', e.detail.value)}
          />
        </FormField>
        <FormField label="福利" required={false}>
          <Input
            className="form-input"
            type="text"
            maxlength={200}
            value={form.benefits}
            placeholder="如：五险一金，包吃住"
            placeholderClass="form-placeholder"
            onInput={(e) => set('benefits', e.detail.value)}
          />
        </FormField>
        <FormField label="招聘电话" required={false} hint="公开给求职者，可填座机">
          <Input
            className="form-input"
            type="text"
            maxlength={20}
            value={form.contactPhone}
            placeholderClass="form-placeholder"
            onInput={(e) => set('contactPhone', e.detail.value)}
          />
        </FormField>
        {errors.form ? (
          <Text className="form-field__error" id="vacancy-error">
            {errors.form}
          </Text>
        ) : null}
      </View>
      <View className="review__bar">
        <View
          className={`btn btn--plain${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void save(true)}
        >
          存为草稿
        </View>
        <View
          id="vacancy-submit"
          className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void save(false)}
        >
          {busy ? '提交中…' : '提交审核'}
        </View>
      </View>
      <Text className="employer__intro">今天是 {todayInChina()}；有效期到期后岗位自动下架。</Text>
    </PageShell>
  )
}
