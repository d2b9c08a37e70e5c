import { isStaffRole } from '@shared/auth/identity'
import { type EmployerView, employerInputSchema } from '@shared/employers/employer'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../../../api/client'
import { KeyValue } from '../../../../components/Application'
import { FormField } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import RegionPicker from '../../../../components/RegionPicker'
import { ErrorView, LoadingView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { formatDateTime } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { openPage } from '../../../../utils/nav'
import { showFormErrors, toastText } from '../../../../utils/toast'
import { FOLLOWUP_DESK, staffGate } from '../../../staff/StaffGate'
import { employerGate } from '../../EmployerGate'
import { VACANCIES_PATH } from '../../paths'
import '../../../staff/staff.scss'
import '../../../staff/workbench.scss'
import '../../employer.scss'

type Load =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'error'; message: string }
  | { status: 'done'; unit: EmployerView }

const LABELS: Record<string, string> = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  region: '所在地',
  address: '地址',
  industry: '行业',
  'contact.name': '联系人',
  'contact.phone': '联系电话',
}

const EMPTY = {
  name: '',
  creditCode: '',
  region: '',
  address: '',
  industry: '',
  contactName: '',
  contactPhone: '',
}

/**
 * A unit's record: register it (then wait for verification), or see it and its verification.
 * With `?visit=1` it is staff registering a unit met on a visit (走访企业).
 */
export default function UnitPage() {
  const visit = useRouter().params.visit === '1'
  const { state: session, reload: reloadSession } = useSession()
  const isEmployer = !visit && session.status === 'done' && session.session.role === 'employer'
  const isStaff = visit && session.status === 'done' && isStaffRole(session.session.role)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const fetchUnit = useCallback(async () => {
    try {
      setLoad({ status: 'done', unit: await api('myEmployer') })
    } catch (e) {
      setLoad(
        errorCode(e) === 'EMPLOYER.NOT_REGISTERED'
          ? { status: 'none' }
          : { status: 'error', message: errorMessage(e) },
      )
    }
  }, [])
  useEffect(() => {
    if (isEmployer) void fetchUnit()
  }, [isEmployer, fetchUnit])

  const gate = visit
    ? staffGate(session, () => void reloadSession(), {
        name: '走访登记',
        idPrefix: 'visit',
        staff: FOLLOWUP_DESK.staff,
      })
    : employerGate(session, () => void reloadSession())
  if (gate) return <PageShell className="staff wb employer">{gate}</PageShell>
  // Typed and not submitted: leaving asks first (a unit's name and credit code are tedious to type twice).
  const dirty =
    (isStaff || load.status === 'none') &&
    Object.entries(form).some(([k, v]) => v !== EMPTY[k as keyof typeof EMPTY])
  const confirmLeave = () => confirmDiscard(dirty)

  const set = (key: keyof typeof EMPTY, value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    const errorKey = key === 'contactName' ? 'contact.name' : key === 'contactPhone' ? 'contact.phone' : key
    setErrors((e) => {
      const { [errorKey]: _, ...rest } = e
      return rest
    })
  }

  const submit = async () => {
    if (busy) return
    const body = {
      name: form.name,
      creditCode: form.creditCode,
      region: form.region,
      address: form.address,
      industry: form.industry,
      contact: { name: form.contactName, phone: form.contactPhone },
    }
    const parsed = parseWith(employerInputSchema, body, LABELS)
    if (!parsed.ok) {
      setErrors(parsed.errors)
      showFormErrors()
      return
    }
    setBusy(true)
    try {
      const unit = await api('registerEmployer', { body: parsed.data })
      if (isStaff) {
        toastText(unit.status === 'verified' ? '已登记并核验' : '已登记，等待街道（镇）核验')
        void Taro.navigateBack()
        return
      }
      setLoad({ status: 'done', unit })
      toastText('已提交，等待街道（镇）核验')
    } catch (e) {
      if (isApiError(e) && e.issues?.length) setErrors(serverErrors(e.issues))
      else setErrors({ form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  if (!isStaff && load.status === 'loading')
    return (
      <PageShell className="staff wb employer">
        <LoadingView />
      </PageShell>
    )
  if (!isStaff && load.status === 'error')
    return (
      <PageShell className="staff wb employer">
        <ErrorView message={load.message} onRetry={() => void fetchUnit()} />
      </PageShell>
    )

  if (!isStaff && load.status === 'done') {
    const u = load.unit
    return (
      <PageShell className="staff wb employer">
        <View className="card" id="unit-card">
          <View className="wb-head__row">
            <Text className="card-title">{u.name}</Text>
            <Text className={`tag ${u.status === 'verified' ? 'tag--ok' : 'tag--accent'}`} id="unit-status">
              {u.statusLabel}
            </Text>
          </View>
          <KeyValue label="信用代码" value={u.creditCode} />
          <KeyValue label="所在地" value={u.regionName ?? u.region} />
          <KeyValue label="地址" value={u.address || '—'} />
          <KeyValue label="联系人" value={`${u.contact.name} ${u.contact.phone}`} />
        </View>
        {u.status === 'pending' ? (
          <View className="note" id="unit-pending">
            <Text>
              单位信息已提交，街道（镇）人社服务机构核验后，您发布的岗位才能公开。可以先编辑岗位，提交后进入审核。
            </Text>
          </View>
        ) : null}
        {u.status === 'rejected' ? (
          <View className="note" id="unit-rejected">
            <Text>核验未通过：{u.history.at(-1)?.reason ?? ''}。请联系所在街道（镇）人社服务机构。</Text>
          </View>
        ) : null}
        <View className="card">
          <Text className="card-title">办理记录</Text>
          {[...u.history].reverse().map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows
            <View key={i} className="employer-history">
              <Text>
                {formatDateTime(h.at)} {h.action}
              </Text>
              <Text className="muted">
                {h.by}
                {h.reason ? ` · ${h.reason}` : ''}
              </Text>
            </View>
          ))}
        </View>
        <View className="review__bar">
          <View
            id="unit-go-vacancies"
            className="btn btn--primary"
            hoverClass="btn--hover"
            onClick={() => openPage(VACANCIES_PATH)}
          >
            岗位管理
          </View>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className="staff wb employer" beforeLeave={confirmLeave} guard={dirty}>
      <Text className="employer__intro">
        {isStaff
          ? '登记走访的用人单位。街道（镇）、县级工作人员登记的单位直接视为已核验；社区登记的由街道（镇）核验。'
          : '登记单位信息后即可发布岗位。单位经街道（镇）人社服务机构核验、岗位经审核后对求职者公开。'}
      </Text>
      <View className="card" id="unit-form">
        <FormField id="unit-field-name" label="单位名称" error={errors.name}>
          <Input
            id="unit-name"
            className="form-input"
            type="text"
            maxlength={60}
            value={form.name}
            placeholder="与营业执照一致"
            placeholderClass="form-placeholder"
            onInput={(e) => set('name', e.detail.value)}
          />
        </FormField>
        <FormField
          id="unit-field-code"
          label="统一社会信用代码"
          error={errors.creditCode}
          hint="营业执照上的 18 位代码"
        >
          <Input
            id="unit-code"
            className="form-input"
            type="text"
            maxlength={18}
            value={form.creditCode}
            placeholder="18 位数字和字母"
            placeholderClass="form-placeholder"
            onInput={(e) => set('creditCode', e.detail.value.toUpperCase())}
          />
        </FormField>
        <FormField label="所在地" error={errors.region}>
          <RegionPicker
            value={form.region}
            onChange={(v) => set('region', v)}
            wholeTown
            townId="unit-town"
            communityId="unit-community"
          />
        </FormField>
        <FormField label="地址" required={false} error={errors.address}>
          <Input
            className="form-input"
            type="text"
            maxlength={100}
            value={form.address}
            placeholder="详细地址"
            placeholderClass="form-placeholder"
            onInput={(e) => set('address', e.detail.value)}
          />
        </FormField>
        <FormField label="行业" required={false} error={errors.industry}>
          <Input
            className="form-input"
            type="text"
            maxlength={30}
            value={form.industry}
            placeholder="如：纺织、电子、物流"
            placeholderClass="form-placeholder"
            onInput={(e) => set('industry', e.detail.value)}
          />
        </FormField>
        <FormField label="联系人" error={errors['contact.name']}>
          <Input
            id="unit-contact"
            className="form-input"
            type="text"
            maxlength={20}
            value={form.contactName}
            placeholderClass="form-placeholder"
            onInput={(e) => set('contactName', e.detail.value)}
          />
        </FormField>
        <FormField label="联系电话" error={errors['contact.phone']} hint="仅工作人员可见，求职者看不到">
          <Input
            id="unit-phone"
            className="form-input"
            type="number"
            maxlength={11}
            value={form.contactPhone}
            placeholder="11 位手机号码"
            placeholderClass="form-placeholder"
            onInput={(e) => set('contactPhone', e.detail.value)}
          />
        </FormField>
        {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      </View>
      <View className="review__bar">
        <View
          id="unit-submit"
          className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void submit()}
        >
          {busy ? '提交中…' : '提交登记'}
        </View>
      </View>
    </PageShell>
  )
}
