import {
  type BindRequestView,
  DECLARABLE_GROUPS,
  type DeclarableGroup,
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  HUKOU_TYPES,
  type Hukou,
  KEY_GROUPS,
  keyGroupDeclareSchema,
  meUpdateSchema,
  type PersonView,
  type PhoneStep,
} from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../api/client'
import { ConfirmSheet, KeyValue } from '../../components/Application'
import { ChoiceChips, DateBox, FormField } from '../../components/Form'
import PageShell from '../../components/PageShell'
import RegionPicker from '../../components/RegionPicker'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import {
  type FieldErrors,
  hasErrors,
  normaliseListErrors,
  parseWith,
  serverErrors,
  splitList,
} from '../../forms/validate'
import { isLoginError, useMe } from '../../hooks/useMe'
import { formatDate, formatDateTime, todayInChina } from '../../utils/format'
import { goLogin } from '../../utils/nav'
import { scrollToField, toastError, toastText } from '../../utils/toast'
import './index.scss'
import { confirmDiscard } from '../../utils/leave'

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
  hukou: Hukou | ''
  trainingWants: 'yes' | 'no' | ''
  trainingCourses: string
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
  hukou: '',
  trainingWants: '',
  trainingCourses: '',
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
  hukou: '户籍类型',
  'trainingWish.wants': '培训意愿',
  'trainingWish.courses': '意向培训',
}

/**
 * The code last sent, kept past a reload of the page: submitting again within the resend wait is
 * refused (one code a minute), and without it the code box could not be reopened to type the
 * code that did arrive.
 */
const SENT_CODE_KEY = 'profile.sentCode'
interface SentCode {
  step: PhoneStep
  /** When the code stops being valid, and when a new one may be asked for (ms). */
  until: number
  resendAt: number
}
const rememberSentCode = (step: PhoneStep, resendAt: number) => {
  const kept: SentCode = { step, until: Date.now() + step.expiresInSeconds * 1000, resendAt }
  Taro.setStorageSync(SENT_CODE_KEY, kept)
}
const recallSentCode = (): SentCode | null => {
  const kept = (Taro.getStorageSync(SENT_CODE_KEY) || null) as SentCode | null
  if (!kept?.step || kept.until <= Date.now()) return null
  return { ...kept, step: { ...kept.step, expiresInSeconds: Math.round((kept.until - Date.now()) / 1000) } }
}
const forgetSentCode = () => Taro.removeStorageSync(SENT_CODE_KEY)

const STATUS_OPTIONS = Object.entries(EMPLOYMENT_STATUSES).map(([value, label]) => ({ value, label }))
const HUKOU_OPTIONS = Object.entries(HUKOU_TYPES).map(([value, label]) => ({ value, label }))
const TRAINING_OPTIONS = [
  { value: 'yes', label: '愿意参加培训' },
  { value: 'no', label: '暂不需要' },
]
const DECLARE_OPTIONS = DECLARABLE_GROUPS.map((g) => ({ value: g, label: KEY_GROUPS[g] }))

/** The element to scroll to for a field with an error, in the order they appear on the page. */
const FIELD_ANCHORS: Record<string, string> = {
  name: 'profile-field-name',
  idNumber: 'profile-field-id',
  phone: 'profile-field-phone',
  community: 'profile-field-community',
  hukou: 'profile-field-hukou',
  employmentStatus: 'profile-field-status',
  employmentSince: 'profile-field-since',
}

/** Which card holds a field a policy asked for (政策 → 补充信息 opens the profile there). */
const FOCUS_TARGET: Record<string, string> = {
  hukou: 'profile-field-hukou',
  employmentSince: 'profile-field-since',
  employmentStatus: 'profile-field-status',
  trainingWish: 'profile-field-training',
  keyGroups: 'profile-declare',
}

const joinList = (items: readonly string[]): string => items.join('、')
const numberOrNull = (text: string): number | null | string => {
  const t = text.trim()
  if (t === '') return null
  const n = Number(t)
  return Number.isFinite(n) ? n : t
}

const fromPerson = (me: PersonView): Form => ({
  name: me.name,
  idNumber: '',
  phone: '',
  community: me.community,
  // What the resident last said, even while it waits for the coordinator's confirmation.
  employmentStatus: me.reportedEmployment?.status ?? me.employmentStatus,
  employmentSince: (me.reportedEmployment ? me.reportedEmployment.since : me.employmentSince) ?? '',
  skills: joinList(me.skills),
  occupations: joinList(me.jobWishes.occupations),
  places: joinList(me.jobWishes.places),
  expectedPay: me.jobWishes.expectedPay === null ? '' : String(me.jobWishes.expectedPay),
  householdSize: me.family.householdSize === null ? '' : String(me.family.householdSize),
  situation: me.family.situation ?? '',
  hukou: me.hukou ?? '',
  trainingWants: me.trainingWish.wants === null ? '' : me.trainingWish.wants ? 'yes' : 'no',
  trainingCourses: joinList(me.trainingWish.courses),
})

/** The form as PUT /api/me takes it; an unchanged ID number or phone is left out (kept as stored). */
const toBody = (f: Form, idNumber: string | null) => ({
  name: f.name,
  ...(idNumber ? { idNumber } : {}),
  ...(f.phone.trim() ? { phone: f.phone } : {}),
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
  hukou: f.hukou || null,
  trainingWish: {
    wants: f.trainingWants === '' ? null : f.trainingWants === 'yes',
    courses: splitList(f.trainingCourses),
  },
})

/**
 * 身份申报: a resident tells the community they are a graduate, a veteran or a returning
 * migrant worker; it counts once a coordinator confirms it.
 */
function DeclareCard({ me, onSaved }: { me: PersonView; onSaved: (p: PersonView) => void }) {
  const [group, setGroup] = useState<DeclarableGroup | ''>('')
  const [since, setSince] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const held = new Set([...me.keyGroups.map((g) => g.group), ...me.pendingGroups.map((g) => g.group)])
  const options = DECLARE_OPTIONS.filter((o) => !held.has(o.value))

  const submit = async () => {
    if (busy) return
    const parsed = parseWith(
      keyGroupDeclareSchema,
      { group, since, ...(note.trim() ? { note: note.trim() } : {}) },
      { group: '身份', since: '日期', note: '情况说明' },
    )
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setBusy(true)
    try {
      const saved = await api('declareKeyGroup', { body: parsed.data })
      onSaved(saved)
      setGroup('')
      setSince('')
      setNote('')
      setErrors({})
      toastText('已提交，等待社区确认')
    } catch (e) {
      if (isApiError(e) && e.issues?.length) setErrors(serverErrors(e.issues))
      else toastError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card" id="profile-declare">
      <Text className="card-title">身份申报</Text>
      <Text className="profile__readonly-note">
        高校毕业生、复员转业退役军人、返乡农民工可在此申报，经社区劳动保障协理员核实后享受相应政策。
      </Text>
      {me.pendingGroups.map((g) => (
        <View key={g.group} className="profile__pending" id={`profile-pending-${g.group}`}>
          <Text className="tag tag--accent">{g.label}</Text>
          <Text className="profile__pending-text">{formatDate(g.at)} 申报，待社区确认</Text>
        </View>
      ))}
      {options.length ? (
        <>
          <FormField label="申报身份" error={errors.group}>
            <ChoiceChips
              id="declare-group"
              idPrefix="declare-group-"
              options={options}
              value={group}
              onChange={(v) => setGroup(v as DeclarableGroup)}
            />
          </FormField>
          <FormField
            label={group === 'returning_migrant' ? '返乡日期' : group === 'graduate' ? '毕业日期' : '日期'}
            error={errors.since}
          >
            <DateBox
              id="declare-since"
              fields="day"
              value={since}
              end={todayInChina()}
              placeholder="请选择日期"
              onChange={setSince}
            />
          </FormField>
          <FormField label="情况说明" required={false} error={errors.note}>
            <Input
              id="declare-note"
              className="form-input"
              type="text"
              maxlength={200}
              value={note}
              placeholder={
                group === 'returning_migrant' ? '如：在苏州打工 8 年，春节前返乡' : '如：毕业院校、服役部队'
              }
              placeholderClass="form-placeholder"
              onInput={(e) => setNote(e.detail.value)}
            />
          </FormField>
          <View
            id="declare-submit"
            className={`btn btn--ghost${busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => void submit()}
          >
            {busy ? '提交中…' : '提交申报'}
          </View>
        </>
      ) : null}
    </View>
  )
}

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
  // 首次登记: the code sent to the phone, or the community's confirmation when none arrives.
  const [phoneStep, setPhoneStep] = useState<PhoneStep | null>(null)
  const [phoneCode, setPhoneCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [recalled] = useState(recallSentCode)
  const [resendAt, setResendAt] = useState(() => recalled?.resendAt ?? 0)
  const [now, setNow] = useState(() => Date.now())
  const [bindRequest, setBindRequest] = useState<BindRequestView | null>(null)
  // The last code sent, so closing the sheet and submitting again within the minute reopens it.
  const lastStep = useRef<PhoneStep | null>(recalled?.step ?? null)
  // Typed and not saved: leaving asks first (a name and an ID number are tedious to type twice).
  const [dirty, setDirty] = useState(false)
  const prefilled = useRef(false)

  const me = state.status === 'done' ? state.me : null
  const locked = me?.identityLocked === true

  // Not yet registered: a request for the community's confirmation may be waiting.
  useEffect(() => {
    if (state.status !== 'unregistered') return
    api('myBindRequest')
      .then(setBindRequest)
      .catch(() => setBindRequest(null))
  }, [state.status])
  // The resend button counts down.
  useEffect(() => {
    if (!phoneStep || now >= resendAt) return
    const t = setTimeout(() => setNow(Date.now()), 1000)
    return () => clearTimeout(t)
  }, [phoneStep, now, resendAt])

  // Opened from a policy's 补充信息: bring the field that is missing into view.
  const focus = FOCUS_TARGET[router.params.focus ?? '']
  useEffect(() => {
    if (!me || !focus) return
    const t = setTimeout(() => {
      scrollToField(`#${focus}`)
    }, 300)
    return () => clearTimeout(t)
  }, [me, focus])

  useEffect(() => {
    if (!me || prefilled.current) return
    prefilled.current = true
    const linked = linkedCommunity(router.params.community)
    setForm({ ...fromPerson(me), ...(linked ? { community: linked } : {}) })
    setIdMode('masked')
  }, [me, router.params.community])

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setDirty(true)
    const errorKey =
      key === 'occupations' || key === 'places' || key === 'expectedPay'
        ? `jobWishes.${key}`
        : key === 'householdSize' || key === 'situation'
          ? `family.${key}`
          : key === 'trainingWants'
            ? 'trainingWish.wants'
            : key === 'trainingCourses'
              ? 'trainingWish.courses'
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

  /** Bring the first field with an error into view: the save button is far below some fields. */
  const showFirstError = (found: FieldErrors) => {
    const order = Object.keys(FIELD_ANCHORS)
    const first = order.find((k) => k in found)
    const anchor = first ? FIELD_ANCHORS[first] : undefined
    if (anchor) scrollToField(`#${anchor}`)
  }

  const confirmLeave = () => confirmDiscard(dirty)

  /** `resend`: ask for a new code (the one typed, if any, is not sent). */
  const save = async (opts: { resend?: boolean } = {}) => {
    if (saving) return
    const early: FieldErrors = {}
    if (!form.name.trim()) early.name = '请填写姓名'
    if (idMode !== 'masked' && !form.idNumber.trim()) early.idNumber = '请填写身份证号'
    // A correction keeps the stored phone when the box is left empty; a first registration needs it.
    if (!me && !form.phone.trim()) early.phone = '请填写手机号'
    if (form.community.length !== 12) early.community = '请选择所在社区/村'
    if (!form.employmentStatus) early.employmentStatus = '请选择就业状态'
    if (hasErrors(early)) {
      setErrors(early)
      showFirstError(early)
      toastText('请检查填写内容')
      return
    }
    setSaving(true)
    try {
      const idNumber = idMode === 'masked' ? null : form.idNumber
      const parsed = parseWith(meUpdateSchema, toBody(form, idNumber), LABELS)
      if (!parsed.ok) {
        const found = normaliseListErrors(parsed.errors)
        setErrors(found)
        showFirstError(found)
        toastText('请检查填写内容')
        return
      }
      const reply = await api('updateMe', {
        body: phoneStep && phoneCode && !opts.resend ? { ...parsed.data, phoneCode } : parsed.data,
      })
      if ('step' in reply) {
        lastStep.current = reply
        setPhoneStep(reply)
        setPhoneCode('')
        setCodeError(null)
        setResendAt(Date.now() + 60_000)
        setNow(Date.now())
        rememberSentCode(reply, Date.now() + 60_000)
        return
      }
      const saved = reply
      forgetSentCode()
      lastStep.current = null
      setPhoneStep(null)
      setErrors({})
      setMe(saved)
      setDirty(false)
      setForm(fromPerson(saved))
      setIdMode('masked')
      toastText(me ? '已保存' : '实名信息已登记')
      if (Taro.getCurrentPages().length > 1) setTimeout(() => void Taro.navigateBack(), 900)
    } catch (e) {
      if (isLoginError(e)) {
        toastText('登录已失效，请重新登录')
        goLogin()
      } else if (errorCode(e) === 'PERSON.PHONE_CODE_INVALID') {
        setCodeError(errorMessage(e))
      } else if (errorCode(e) === 'REQUEST.TOO_MANY' && (phoneStep || lastStep.current)) {
        setPhoneStep(phoneStep ?? lastStep.current)
        setCodeError(errorMessage(e))
      } else if (errorCode(e) === 'PERSON.ID_TAKEN' || errorCode(e) === 'PERSON.NAME_MISMATCH') {
        setPhoneStep(null)
        setErrors({ idNumber: errorMessage(e) })
        showFirstError({ idNumber: 'x' })
      } else if (errorCode(e) === 'PERSON.IDENTITY_LOCKED') {
        setErrors({ name: errorMessage(e) })
        showFirstError({ name: 'x' })
      } else if (isApiError(e) && e.code === 'REQUEST.INVALID' && e.issues?.length) {
        const found = normaliseListErrors(serverErrors(e.issues))
        setErrors(found)
        showFirstError(found)
        toastText('请检查填写内容')
      } else toastError(e)
    } finally {
      setSaving(false)
    }
  }

  /** The code never came (an old phone on record, say): the community confirms in person. */
  const askCommunity = async () => {
    if (saving) return
    const parsed = parseWith(meUpdateSchema, toBody(form, form.idNumber), LABELS)
    if (!parsed.ok) {
      setPhoneStep(null)
      setErrors(normaliseListErrors(parsed.errors))
      return
    }
    setSaving(true)
    try {
      const request = await api('requestBindConfirmation', { body: parsed.data })
      setBindRequest(request)
      setPhoneStep(null)
      setDirty(false)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
    } catch (e) {
      setCodeError(errorMessage(e))
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
    <PageShell className="profile" beforeLeave={confirmLeave} guard={dirty}>
      <Text className="profile__intro">
        {me
          ? '以下为您登记的实名信息，如有变化请修改后保存。'
          : '首次办理业务前，请如实填写以下信息，社区工作人员将据此为您提供服务。'}
      </Text>
      {!me && bindRequest ? (
        <View className="card profile__bind" id="profile-bind-request">
          <Text className="card-title">
            {bindRequest.status === 'pending' ? '已提交社区核实' : '社区未能核实您的身份'}
          </Text>
          <Text className="muted">
            {bindRequest.status === 'pending'
              ? `${bindRequest.communityName ?? '所在社区'}工作人员将与您联系或请您携带身份证到社区核实，核实后即可办理业务（提交于 ${formatDateTime(bindRequest.createdAt)}）。`
              : `说明：${bindRequest.note ?? '无'}。如有疑问请携带身份证到社区办理，也可核对信息后重新提交。`}
          </Text>
        </View>
      ) : null}

      <View className="card">
        <Text className="card-title">基本信息</Text>
        <FormField id="profile-field-name" label="姓名" error={errors.name}>
          {locked ? (
            <View id="profile-name" className="form-input form-input--readonly">
              <Text>{form.name}</Text>
            </View>
          ) : (
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
          )}
        </FormField>

        <FormField
          id="profile-field-id"
          label="身份证号"
          error={errors.idNumber}
          hint={
            locked
              ? '姓名和身份证号已用于办理业务，不能自行修改；如需更正，请携带身份证到社区办理'
              : idMode === 'masked'
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
              {locked ? null : (
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
              )}
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
          id="profile-field-phone"
          label="手机号"
          required={!me}
          error={errors.phone}
          hint={me ? `已登记 ${me.phone}；号码没有变化时不用填写` : undefined}
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

        <FormField
          id="profile-field-community"
          label="所在社区/村"
          error={errors.community}
          hint="按实际居住地选择，由该社区为您办理"
        >
          <RegionPicker
            value={form.community}
            onChange={(code) => set('community', code)}
            townId="profile-town"
            communityId="profile-community"
          />
        </FormField>
        <FormField
          id="profile-field-hukou"
          label="户籍类型"
          required={false}
          error={errors.hukou}
          hint="部分政策按户籍确定，不填写时无法判断"
        >
          <ChoiceChips
            id="profile-hukou"
            idPrefix="profile-hukou-"
            options={HUKOU_OPTIONS}
            value={form.hukou}
            onChange={(v) => set('hukou', v as Hukou)}
          />
        </FormField>
      </View>

      <View className="card">
        <Text className="card-title">就业情况</Text>
        {me?.reportedEmployment ? (
          <View className="note profile__reported" id="profile-reported">
            <Text>
              您于 {formatDate(me.reportedEmployment.at)} 报告为“
              {EMPLOYMENT_STATUSES[me.reportedEmployment.status]}
              ”，社区劳动保障协理员跟踪核实后生效；核实前仍按“{EMPLOYMENT_STATUSES[me.employmentStatus]}
              ”为您服务。
            </Text>
          </View>
        ) : null}
        <FormField id="profile-field-status" label="就业状态" error={errors.employmentStatus}>
          <ChoiceChips
            id="profile-status"
            idPrefix="profile-status-"
            options={STATUS_OPTIONS}
            value={form.employmentStatus}
            onChange={(v) => set('employmentStatus', v as EmploymentStatus)}
          />
        </FormField>
        <FormField
          id="profile-field-since"
          label="该状态开始日期"
          required={false}
          error={errors.employmentSince}
        >
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
              type="digit"
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

      <View className="card" id="profile-field-training">
        <Text className="card-title">培训意愿</Text>
        <FormField label="是否愿意参加技能培训" required={false} error={errors['trainingWish.wants']}>
          <ChoiceChips
            id="profile-training"
            idPrefix="profile-training-"
            options={TRAINING_OPTIONS}
            value={form.trainingWants}
            onChange={(v) => set('trainingWants', v as Form['trainingWants'])}
          />
        </FormField>
        {form.trainingWants === 'yes' ? (
          <FormField label="想学的技能" required={false} error={errors['trainingWish.courses']}>
            <Input
              id="profile-training-courses"
              className="form-input"
              type="text"
              maxlength={200}
              value={form.trainingCourses}
              placeholder="如：电工、养老护理"
              placeholderClass="form-placeholder"
              onInput={(e) => set('trainingCourses', e.detail.value)}
            />
          </FormField>
        ) : null}
      </View>

      <View className="card">
        <Text className="card-title">家庭情况</Text>
        <FormField label="家庭人口" required={false} error={errors['family.householdSize']}>
          <View className="form-unit-row">
            <Input
              id="profile-household-size"
              className="form-input"
              type="digit"
              maxlength={4}
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
          <KeyValue
            label="已享受政策"
            id="profile-enjoyments"
            value={
              me.enjoyments.length || me.policiesEnjoyed.length ? (
                <View className="profile__lines">
                  {me.enjoyments.map((e) => (
                    <Text key={e.id}>
                      {e.label}（
                      {e.to === null ? `${e.from} 起` : e.from === e.to ? e.from : `${e.from} 至 ${e.to}`}）
                      {e.active ? '' : ' 已到期'}
                    </Text>
                  ))}
                  {me.policiesEnjoyed
                    .slice(0, me.policiesEnjoyed.length - me.enjoyments.length)
                    .map((label) => (
                      <Text key={label}>{label}</Text>
                    ))}
                </View>
              ) : (
                <Text className="muted">暂无</Text>
              )
            }
          />
          <Text className="profile__readonly-note">
            以上信息由失业登记、困难人员认定、补贴审批和社区劳动保障协理员登记确定，不能自行修改；如有出入请联系所在社区。
          </Text>
        </View>
      ) : null}

      {me ? <DeclareCard me={me} onSaved={setMe} /> : null}

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
      <ConfirmSheet
        open={phoneStep !== null}
        title="验证手机号"
        confirmText="确认登记"
        confirmId="profile-code-confirm"
        busy={saving}
        onConfirm={() => {
          if (!/^\d{6}$/.test(phoneCode)) setCodeError('请输入 6 位数字验证码')
          else void save()
        }}
        onCancel={() => setPhoneStep(null)}
      >
        <Text className="profile__code-hint">
          {phoneStep?.delivery === 'unavailable'
            ? '短信验证暂未开通：请点下方“请社区核实”，由社区工作人员核实您的身份。'
            : `验证码已发送，10 分钟内有效：若社区曾为您登记过信息，发至当时登记的手机号，否则发至 ${phoneStep?.phoneMasked ?? ''}。`}
        </Text>
        <Input
          id="profile-code"
          className="form-input"
          type="number"
          maxlength={6}
          value={phoneCode}
          placeholder="6 位验证码"
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setPhoneCode(e.detail.value)
            setCodeError(null)
          }}
        />
        {codeError ? <Text className="form-field__error">{codeError}</Text> : null}
        <View className="profile__code-links">
          <Text
            id="profile-code-resend"
            className={now < resendAt ? 'muted' : 'profile__code-link'}
            onClick={() => {
              if (now < resendAt || saving) return
              setPhoneCode('')
              setCodeError(null)
              void save({ resend: true })
            }}
          >
            {now < resendAt ? `${Math.ceil((resendAt - now) / 1000)} 秒后可重新获取` : '重新获取验证码'}
          </Text>
          <Text id="profile-ask-community" className="profile__code-link" onClick={() => void askCommunity()}>
            收不到验证码？请社区核实
          </Text>
        </View>
      </ConfirmSheet>
      <Text className="profile__privacy">
        您的身份证号和手机号加密保存，仅用于办理就业服务，工作人员查看时均留有记录。
      </Text>
    </PageShell>
  )
}
