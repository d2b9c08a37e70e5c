import {
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  meUpdateSchema,
  type PersonView,
} from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../api/client'
import { KeyValue } from '../../components/Application'
import { ChoiceChips, DateBox, FormField } from '../../components/Form'
import PageShell from '../../components/PageShell'
import RegionPicker from '../../components/RegionPicker'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { type FieldErrors, hasErrors, parseWith, serverErrors } from '../../forms/validate'
import { isLoginError, useMe } from '../../hooks/useMe'
import { formatDate, todayInChina } from '../../utils/format'
import { goLogin } from '../../utils/nav'
import { toastError, toastText } from '../../utils/toast'
import './index.scss'

interface Form {
  name: string
  idNumber: string
  phone: string
  community: string
  employmentStatus: EmploymentStatus | ''
  employmentSince: string
  skills: string
  occupations: string
  places: string
  expectedPay: string
  householdSize: string
  situation: string
  policies: string
}

const EMPTY: Form = {
  name: '',
  idNumber: '',
  phone: '',
  community: '',
  employmentStatus: '',
  employmentSince: '',
  skills: '',
  occupations: '',
  places: '',
  expectedPay: '',
  householdSize: '',
  situation: '',
  policies: '',
}

const LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  community: '所在社区/村',
  employmentStatus: '就业状态',
  employmentSince: '开始日期',
  skills: '技能特长',
  'jobWishes.occupations': '意向岗位',
  'jobWishes.places': '意向地点',
  'jobWishes.expectedPay': '期望月薪',
  'family.householdSize': '家庭人口',
  'family.situation': '家庭情况',
  policiesEnjoyed: '已享受政策',
}

const STATUS_OPTIONS = Object.entries(EMPLOYMENT_STATUSES).map(([value, label]) => ({ value, label }))

const joinList = (items: readonly string[]): string => items.join('、')
const splitList = (text: string): string[] =>
  text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)

const numberOrNull = (text: string): number | null | string => {
  const t = text.trim()
  if (t === '') return null
  const n = Number(t)
  return Number.isFinite(n) ? n : t
}

/** "skills.3" and "jobWishes.places.0" belong to the field of the whole list. */
const fieldKey = (path: string): string => path.replace(/\.\d+$/, '')

const normalise = (errors: FieldErrors): FieldErrors => {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(errors)) {
    const key = fieldKey(path)
    if (!(key in out)) out[key] = message
  }
  return out
}

const fromPerson = (me: PersonView): Form => ({
  name: me.name,
  idNumber: '',
  phone: '',
  community: me.community,
  employmentStatus: me.employmentStatus,
  employmentSince: me.employmentSince ?? '',
  skills: joinList(me.skills),
  occupations: joinList(me.jobWishes.occupations),
  places: joinList(me.jobWishes.places),
  expectedPay: me.jobWishes.expectedPay === null ? '' : String(me.jobWishes.expectedPay),
  householdSize: me.family.householdSize === null ? '' : String(me.family.householdSize),
  situation: me.family.situation ?? '',
  policies: joinList(me.policiesEnjoyed),
})

const toBody = (f: Form, idNumber: string) => ({
  name: f.name,
  idNumber,
  phone: f.phone,
  community: f.community,
  employmentStatus: f.employmentStatus,
  employmentSince: f.employmentSince || null,
  skills: splitList(f.skills),
  jobWishes: {
    occupations: splitList(f.occupations),
    places: splitList(f.places),
    expectedPay: numberOrNull(f.expectedPay),
  },
  family: { householdSize: numberOrNull(f.householdSize), situation: f.situation.trim() || null },
  policiesEnjoyed: splitList(f.policies),
})

/** A community code from a link: 12 digits inside Hai'an. */
const linkedCommunity = (value: string | undefined): string =>
  value && /^320621\d{6}$/.test(value) ? value : ''

/** How the ID number field shows: the stored number masked, the full number, or a blank input. */
type IdMode = 'masked' | 'revealed' | 'edit'

export default function ProfilePage() {
  const router = useRouter()
  const { state, reload, setMe } = useMe()
  const [form, setForm] = useState<Form>(() => ({
    ...EMPTY,
    community: linkedCommunity(router.params.community),
  }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [idMode, setIdMode] = useState<IdMode>('edit')
  const [revealing, setRevealing] = useState(false)
  const [saving, setSaving] = useState(false)
  const prefilled = useRef(false)

  const me = state.status === 'done' ? state.me : null

  useEffect(() => {
    if (!me || prefilled.current) return
    prefilled.current = true
    const linked = linkedCommunity(router.params.community)
    setForm({ ...fromPerson(me), ...(linked ? { community: linked } : {}) })
    setIdMode('masked')
  }, [me, router.params.community])

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    const errorKey =
      key === 'occupations' || key === 'places' || key === 'expectedPay'
        ? `jobWishes.${key}`
        : key === 'householdSize' || key === 'situation'
          ? `family.${key}`
          : key === 'policies'
            ? 'policiesEnjoyed'
            : key
    setErrors((e) => {
      if (!(errorKey in e)) return e
      const { [errorKey]: _, ...rest } = e
      return rest
    })
  }

  const fetchFullId = async (): Promise<string | null> => {
    setRevealing(true)
    try {
      const full = await api('getMe', { query: { reveal: 'idNumber' } })
      set('idNumber', full.idNumber)
      setIdMode('revealed')
      return full.idNumber
    } catch (e) {
      toastError(e)
      return null
    } finally {
      setRevealing(false)
    }
  }

  const save = async () => {
    if (saving) return
    // Plain checks first, so a missing phone does not cost a (logged) reveal of the ID number.
    const early: FieldErrors = {}
    if (!form.name.trim()) early.name = '请填写姓名'
    if (idMode !== 'masked' && !form.idNumber.trim()) early.idNumber = '请填写身份证号'
    if (!form.phone.trim())
      early.phone = me
        ? `为保护隐私不显示已登记的号码（${me.phone}），保存前请重新填写手机号`
        : '请填写手机号'
    if (form.community.length !== 12) early.community = '请选择所在社区/村'
    if (!form.employmentStatus) early.employmentStatus = '请选择就业状态'
    if (hasErrors(early)) {
      setErrors(early)
      toastText('请检查填写内容')
      return
    }
    setSaving(true)
    try {
      const idNumber = idMode === 'masked' ? await fetchFullId() : form.idNumber
      if (idNumber === null) return
      const parsed = parseWith(meUpdateSchema, toBody(form, idNumber), LABELS)
      if (!parsed.ok) {
        setErrors(normalise(parsed.errors))
        toastText('请检查填写内容')
        return
      }
      const saved = await api('updateMe', { body: parsed.data })
      setErrors({})
      setMe(saved)
      setForm(fromPerson(saved))
      setIdMode('masked')
      toastText(me ? '已保存' : '实名信息已登记')
      if (Taro.getCurrentPages().length > 1) setTimeout(() => void Taro.navigateBack(), 900)
    } catch (e) {
      if (isLoginError(e)) {
        toastText('登录已失效，请重新登录')
        goLogin()
      } else if (errorCode(e) === 'PERSON.ID_TAKEN') {
        setErrors({ idNumber: errorMessage(e) })
      } else if (isApiError(e) && e.code === 'REQUEST.INVALID' && e.issues?.length) {
        setErrors(normalise(serverErrors(e.issues)))
        toastText('请检查填写内容')
      } else toastError(e)
    } finally {
      setSaving(false)
    }
  }

  if (state.status === 'loading') {
    return (
      <PageShell className="profile">
        <LoadingView />
      </PageShell>
    )
  }
  if (state.status === 'anonymous') {
    return (
      <PageShell className="profile">
        <StateView
          id="profile-login"
          icon="登"
          title="请先登录"
          desc="登录后登记实名信息，即可在线办理就业服务"
          action={
            <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
              去登录
            </View>
          }
        />
      </PageShell>
    )
  }
  if (state.status === 'error') {
    return (
      <PageShell className="profile">
        <ErrorView id="profile-error" message={state.message} onRetry={() => void reload()} />
      </PageShell>
    )
  }

  return (
    <PageShell className="profile">
      <Text className="profile__intro">
        {me
          ? '以下为您登记的实名信息，如有变化请修改后保存。'
          : '首次办理业务前，请如实填写以下信息，社区工作人员将据此为您提供服务。'}
      </Text>

      <View className="card">
        <Text className="card-title">基本信息</Text>
        <FormField label="姓名" error={errors.name}>
          <Input
            id="profile-name"
            className="form-input"
            type="text"
            maxlength={30}
            value={form.name}
            placeholder="与身份证一致"
            placeholderClass="form-placeholder"
            onInput={(e) => set('name', e.detail.value)}
          />
        </FormField>

        <FormField
          label="身份证号"
          error={errors.idNumber}
          hint={
            idMode === 'masked'
              ? '为保护隐私已隐藏部分号码；点“显示”查看完整号码（会留存查看记录）'
              : undefined
          }
        >
          {idMode === 'masked' && me ? (
            <View className="profile__id-row">
              <View id="profile-id-number" className="form-input form-input--readonly">
                <Text>{me.idNumber}</Text>
              </View>
              <View
                id="profile-id-reveal"
                className={`btn btn--ghost btn--small profile__id-btn${revealing ? ' btn--disabled' : ''}`}
                hoverClass="btn--hover"
                onClick={() => (revealing ? undefined : void fetchFullId())}
              >
                {revealing ? '…' : '显示'}
              </View>
              <View
                id="profile-id-edit"
                className="btn btn--plain btn--small profile__id-btn"
                hoverClass="btn--hover"
                onClick={() => {
                  set('idNumber', '')
                  setIdMode('edit')
                }}
              >
                修改
              </View>
            </View>
          ) : (
            <Input
              id="profile-id-number"
              className="form-input"
              type="idcard"
              maxlength={18}
              value={form.idNumber}
              placeholder="18 位居民身份证号码"
              placeholderClass="form-placeholder"
              onInput={(e) => set('idNumber', e.detail.value)}
            />
          )}
        </FormField>

        <FormField
          label="手机号"
          error={errors.phone}
          hint={me ? `已登记 ${me.phone}，保存修改时请重新填写完整号码` : undefined}
        >
          <Input
            id="profile-phone"
            className="form-input"
            type="number"
            maxlength={11}
            value={form.phone}
            placeholder={me ? me.phone : '11 位手机号码'}
            placeholderClass="form-placeholder"
            onInput={(e) => set('phone', e.detail.value)}
          />
        </FormField>

        <FormField label="所在社区/村" error={errors.community} hint="按实际居住地选择，由该社区为您办理">
          <RegionPicker
            value={form.community}
            onChange={(code) => set('community', code)}
            townId="profile-town"
            communityId="profile-community"
          />
        </FormField>
      </View>

      <View className="card">
        <Text className="card-title">就业情况</Text>
        <FormField label="就业状态" error={errors.employmentStatus}>
          <ChoiceChips
            id="profile-status"
            idPrefix="profile-status-"
            options={STATUS_OPTIONS}
            value={form.employmentStatus}
            onChange={(v) => set('employmentStatus', v as EmploymentStatus)}
          />
        </FormField>
        <FormField label="该状态开始日期" required={false} error={errors.employmentSince}>
          <DateBox
            id="profile-employment-since"
            fields="day"
            value={form.employmentSince}
            end={todayInChina()}
            placeholder="请选择日期"
            onChange={(v) => set('employmentSince', v)}
          />
        </FormField>
        <FormField
          label="技能特长"
          required={false}
          error={errors.skills}
          hint="多项用顿号或空格分开，如：叉车、电工"
        >
          <Input
            id="profile-skills"
            className="form-input"
            type="text"
            maxlength={200}
            value={form.skills}
            placeholder="如：叉车、电工"
            placeholderClass="form-placeholder"
            onInput={(e) => set('skills', e.detail.value)}
          />
        </FormField>
        <FormField label="已享受政策" required={false} error={errors.policiesEnjoyed}>
          <Input
            id="profile-policies"
            className="form-input"
            type="text"
            maxlength={300}
            value={form.policies}
            placeholder="如：社保补贴、培训补贴"
            placeholderClass="form-placeholder"
            onInput={(e) => set('policies', e.detail.value)}
          />
        </FormField>
      </View>

      <View className="card">
        <Text className="card-title">求职意向</Text>
        <FormField label="意向岗位" required={false} error={errors['jobWishes.occupations']}>
          <Input
            id="profile-occupations"
            className="form-input"
            type="text"
            maxlength={200}
            value={form.occupations}
            placeholder="如：仓管、保洁"
            placeholderClass="form-placeholder"
            onInput={(e) => set('occupations', e.detail.value)}
          />
        </FormField>
        <FormField label="意向地点" required={false} error={errors['jobWishes.places']}>
          <Input
            id="profile-places"
            className="form-input"
            type="text"
            maxlength={200}
            value={form.places}
            placeholder="如：海安镇、城东镇"
            placeholderClass="form-placeholder"
            onInput={(e) => set('places', e.detail.value)}
          />
        </FormField>
        <FormField label="期望月薪" required={false} error={errors['jobWishes.expectedPay']}>
          <View className="form-unit-row">
            <Input
              id="profile-expected-pay"
              className="form-input"
              type="number"
              maxlength={7}
              value={form.expectedPay}
              placeholder="如：5000"
              placeholderClass="form-placeholder"
              onInput={(e) => set('expectedPay', e.detail.value)}
            />
            <Text className="form-unit">元/月</Text>
          </View>
        </FormField>
      </View>

      <View className="card">
        <Text className="card-title">家庭情况</Text>
        <FormField label="家庭人口" required={false} error={errors['family.householdSize']}>
          <View className="form-unit-row">
            <Input
              id="profile-household-size"
              className="form-input"
              type="number"
              maxlength={2}
              value={form.householdSize}
              placeholder="共同生活的人数"
              placeholderClass="form-placeholder"
              onInput={(e) => set('householdSize', e.detail.value)}
            />
            <Text className="form-unit">人</Text>
          </View>
        </FormField>
        <FormField label="家庭情况说明" required={false} error={errors['family.situation']}>
          <Textarea
            id="profile-situation"
            className="form-textarea"
            maxlength={200}
            value={form.situation}
            placeholder="如有特殊困难可简要说明"
            placeholderClass="form-placeholder"
            onInput={(e) => set('situation', e.detail.value)}
          />
        </FormField>
      </View>

      {me ? (
        <View className="card" id="profile-certified">
          <Text className="card-title">认定信息</Text>
          <KeyValue
            label="重点群体"
            value={
              me.keyGroups.length > 0 ? (
                <View className="profile__groups">
                  {me.keyGroups.map((g) => (
                    <Text key={g.group} className="tag tag--accent">
                      {g.label}（{formatDate(g.since)}起）
                    </Text>
                  ))}
                </View>
              ) : (
                <Text className="muted">暂无</Text>
              )
            }
          />
          <KeyValue
            label="失业登记"
            value={
              me.registration ? (
                <Text>
                  证号 {me.registration.certificateNo}（{formatDate(me.registration.registeredAt)}登记）
                </Text>
              ) : (
                <Text className="muted">未登记</Text>
              )
            }
          />
          <Text className="profile__readonly-note">
            以上信息由失业登记、困难人员认定等业务审核确定，不能自行修改。
          </Text>
        </View>
      ) : null}

      <View className="profile__actions">
        <View
          id="profile-save"
          className={`btn btn--primary${saving ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void save()}
        >
          {saving ? '保存中…' : me ? '保存修改' : '提交登记'}
        </View>
      </View>
      <Text className="profile__privacy">
        您的身份证号和手机号加密保存，仅用于办理就业服务，工作人员查看时均留有记录。
      </Text>
    </PageShell>
  )
}
