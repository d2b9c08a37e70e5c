import { isStaffRole } from '@shared/auth/identity'
import {
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  HUKOU_TYPES,
  type Hukou,
  meUpdateSchema,
} from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../../../api/client'
import { ChoiceChips, DateBox, FormField } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import RegionPicker from '../../../../components/RegionPicker'
import {
  type FieldErrors,
  hasErrors,
  normaliseListErrors,
  parseWith,
  serverErrors,
  splitList,
} from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { todayInChina } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { showFormErrors, toastError, toastText } from '../../../../utils/toast'
import { addToHousehold, isPersonId, personPath } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

interface Form {
  name: string
  idNumber: string
  phone: string
  community: string
  hukou: Hukou | ''
  employmentStatus: EmploymentStatus | ''
  employmentSince: string
  skills: string
  occupations: string
  situation: string
}

const EMPTY: Form = {
  name: '',
  idNumber: '',
  phone: '',
  community: '',
  hukou: '',
  employmentStatus: '',
  employmentSince: '',
  skills: '',
  occupations: '',
  situation: '',
}

const LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  community: '所在社区/村',
  hukou: '户籍类型',
  employmentStatus: '就业状态',
  employmentSince: '开始日期',
  skills: '技能特长',
  'jobWishes.occupations': '意向岗位',
  'family.situation': '家庭情况',
}

const STATUS_OPTIONS = Object.entries(EMPLOYMENT_STATUSES).map(([value, label]) => ({ value, label }))
const HUKOU_OPTIONS = Object.entries(HUKOU_TYPES).map(([value, label]) => ({ value, label }))

/**
 * 入户登记: a coordinator registers a resident met on a home visit (or a census), with the
 * "five clears" they learned; the resident binds the record later with the same name and ID.
 * Opened from a person's household (`addTo`), the new person joins that household.
 */
export default function RegisterPersonPage() {
  const router = useRouter()
  const addTo = isPersonId(router.params.addTo) ? router.params.addTo : null
  const anchorName = addTo ? decodeURIComponent(router.params.name ?? '') : ''
  const { state: session, reload: reloadSession } = useSession()
  const region = session.status === 'done' ? (session.session.region ?? '') : ''
  const [form, setForm] = useState<Form>(EMPTY)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [dirty, setDirty] = useState(false)
  const [saving, setSaving] = useState(false)

  // A coordinator registers in their own community; a street officer picks one of the town's.
  const community = region.length === 12 ? region : form.community

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done' || !isStaffRole(session.session.role))
    return <PageShell className="staff wb">{gate}</PageShell>
  if (session.session.role === 'county')
    return (
      <PageShell className="staff wb">
        <View className="card">
          <Text>入户登记由社区劳动保障协理员或街道（乡镇）劳动保障事务所办理。</Text>
        </View>
      </PageShell>
    )

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setDirty(true)
    const errorKey =
      key === 'occupations' ? 'jobWishes.occupations' : key === 'situation' ? 'family.situation' : key
    setErrors((e) => {
      if (!(errorKey in e) && !('form' in e)) return e
      const { [errorKey]: _, form: _f, ...rest } = e
      return rest
    })
  }

  const save = async () => {
    if (saving) return
    const early: FieldErrors = {}
    if (!form.name.trim()) early.name = '请填写姓名'
    if (!form.idNumber.trim()) early.idNumber = '请填写身份证号'
    if (!form.phone.trim()) early.phone = '请填写手机号'
    if (community.length !== 12) early.community = '请选择所在社区/村'
    if (!form.employmentStatus) early.employmentStatus = '请选择就业状态'
    const body = {
      name: form.name,
      idNumber: form.idNumber.trim().toUpperCase(),
      phone: form.phone.trim(),
      community,
      hukou: form.hukou || null,
      employmentStatus: form.employmentStatus,
      employmentSince: form.employmentSince || null,
      skills: splitList(form.skills),
      jobWishes: { occupations: splitList(form.occupations), places: [], expectedPay: null },
      family: { householdSize: null, situation: form.situation.trim() || null },
    }
    const parsed = parseWith(meUpdateSchema, body, LABELS)
    const found = { ...(parsed.ok ? {} : normaliseListErrors(parsed.errors)), ...early }
    if (hasErrors(found) || !parsed.ok) {
      setErrors(found)
      showFormErrors()
      return
    }
    setSaving(true)
    try {
      const person = await api('registerPerson', { body: parsed.data })
      setDirty(false)
      if (addTo) {
        // Join the household of the person this was opened from.
        await addToHousehold(addTo, person.id)
      }
      toastText(addTo ? `已登记并加入 ${anchorName} 的家庭` : '已登记')
      setTimeout(() => void Taro.redirectTo({ url: personPath(addTo ?? person.id) }), 700)
    } catch (e) {
      if (errorCode(e) === 'PERSON.ID_TAKEN') setErrors({ idNumber: errorMessage(e) })
      else if (isApiError(e) && e.code === 'REQUEST.INVALID' && e.issues?.length)
        setErrors(normaliseListErrors(serverErrors(e.issues)))
      else toastError(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell
      className="staff wb apply wb--with-bar"
      beforeLeave={() => confirmDiscard(dirty)}
      guard={dirty}
    >
      <View className="staff__head">
        <Text className="staff__title">{addTo ? `入户登记 · ${anchorName}的家庭成员` : '入户登记'}</Text>
        <Text className="staff__region">
          走访时登记居民的实名信息和“五清”情况；本人以后用同一姓名和身份证号绑定即可查看和办理。
        </Text>
      </View>

      <View className="card">
        <Text className="card-title">基本信息</Text>
        <FormField id="register-field-name" label="姓名" error={errors.name}>
          <Input
            id="register-name"
            className="form-input"
            type="text"
            maxlength={30}
            value={form.name}
            placeholder="与身份证一致"
            placeholderClass="form-placeholder"
            onInput={(e) => set('name', e.detail.value)}
          />
        </FormField>
        <FormField id="register-field-id" label="身份证号" error={errors.idNumber}>
          <Input
            id="register-id-number"
            className="form-input"
            type="idcard"
            maxlength={18}
            value={form.idNumber}
            placeholder="18 位居民身份证号码"
            placeholderClass="form-placeholder"
            onInput={(e) => set('idNumber', e.detail.value)}
          />
        </FormField>
        <FormField id="register-field-phone" label="手机号" error={errors.phone}>
          <Input
            id="register-phone"
            className="form-input"
            type="number"
            maxlength={11}
            value={form.phone}
            placeholder="11 位手机号码"
            placeholderClass="form-placeholder"
            onInput={(e) => set('phone', e.detail.value)}
          />
        </FormField>
        <FormField id="register-field-community" label="所在社区/村" error={errors.community}>
          {region.length === 12 ? (
            <View id="register-community" className="form-input form-input--readonly">
              <Text>{session.session.regionName ?? region}</Text>
            </View>
          ) : (
            <RegionPicker
              value={form.community}
              onChange={(code) => set('community', code)}
              townId="register-town"
              communityId="register-community"
            />
          )}
        </FormField>
        <FormField id="register-field-hukou" label="户籍类型" required={false} error={errors.hukou}>
          <ChoiceChips
            id="register-hukou"
            idPrefix="register-hukou-"
            options={HUKOU_OPTIONS}
            value={form.hukou}
            onChange={(v) => set('hukou', v as Hukou)}
          />
        </FormField>
      </View>

      <View className="card">
        <Text className="card-title">就业情况</Text>
        <FormField id="register-field-status" label="就业状态" error={errors.employmentStatus}>
          <ChoiceChips
            id="register-status"
            idPrefix="register-status-"
            options={STATUS_OPTIONS}
            value={form.employmentStatus}
            onChange={(v) => set('employmentStatus', v as EmploymentStatus)}
          />
        </FormField>
        <FormField
          id="register-field-since"
          label="开始日期"
          required={false}
          error={errors.employmentSince}
          hint="失业或就业从哪天开始（可不填）"
        >
          <DateBox
            id="register-since"
            value={form.employmentSince}
            fields="day"
            end={todayInChina()}
            placeholder="请选择日期"
            onChange={(v) => set('employmentSince', v)}
          />
        </FormField>
        <FormField
          id="register-field-skills"
          label="技能特长"
          required={false}
          error={errors.skills}
          hint="多项用顿号或空格分开"
        >
          <Input
            id="register-skills"
            className="form-input"
            type="text"
            maxlength={120}
            value={form.skills}
            placeholder="如：叉车、电焊"
            placeholderClass="form-placeholder"
            onInput={(e) => set('skills', e.detail.value)}
          />
        </FormField>
        <FormField
          id="register-field-occupations"
          label="意向岗位"
          required={false}
          error={errors['jobWishes.occupations']}
        >
          <Input
            id="register-occupations"
            className="form-input"
            type="text"
            maxlength={120}
            value={form.occupations}
            placeholder="如：仓管、保洁"
            placeholderClass="form-placeholder"
            onInput={(e) => set('occupations', e.detail.value)}
          />
        </FormField>
        <FormField
          id="register-field-situation"
          label="家庭情况"
          required={false}
          error={errors['family.situation']}
        >
          <Textarea
            id="register-situation"
            className="form-textarea"
            maxlength={200}
            value={form.situation}
            placeholder="如：夫妻均失业，孩子上小学"
            placeholderClass="form-placeholder"
            onInput={(e) => set('situation', e.detail.value)}
          />
        </FormField>
      </View>

      {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      <View className="wb-bar">
        <View
          id="register-submit"
          className={`btn btn--primary${saving ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void save()}
        >
          {saving ? '登记中…' : addTo ? '登记并加入家庭' : '登记'}
        </View>
      </View>
    </PageShell>
  )
}
