import {
  APPLICATION_TYPES,
  type ApplicationType,
  type ApplicationView,
  CONSENT_METHODS,
  type ConsentMethod,
} from '@shared/applications/application-types'
import type { PersonView } from '@shared/people/person'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../api/client'
import { KeyValue, StatusBadge } from '../../components/Application'
import ApplicationField from '../../components/ApplicationField'
import { ChoiceChips } from '../../components/Form'
import MaterialUploader, { type Uploaded } from '../../components/MaterialUploader'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import {
  describeData,
  type FormValues,
  fieldsOf,
  isApplicationType,
  visibleFields,
} from '../../forms/application-fields'
import { validateApplicationForm } from '../../forms/application-form'
import { type FieldErrors, hasErrors, serverErrors } from '../../forms/validate'
import { isLoginError, useMe } from '../../hooks/useMe'
import { newIdempotencyKey } from '../../utils/ids'
import { goLogin, goProfile, goServices, openApplication, openPage } from '../../utils/nav'
import { toastText } from '../../utils/toast'
import './index.scss'

const STEPS = ['确认身份', '填写表单', '材料清单', '提交申请']

const CONSENT_OPTIONS = (Object.entries(CONSENT_METHODS) as [ConsentMethod, string][]).map(
  ([value, label]) => ({ value, label }),
)

/** Staff filing for a resident open the page with `person=psn_…` (from the person card). */
/** Originals are checked at the community only for what was not uploaded. */
const materialsSummary = (uploaded: number, total: number): string =>
  uploaded >= total
    ? `已上传全部 ${total} 项`
    : `已上传 ${uploaded} 项，共 ${total} 项；其余 ${total - uploaded} 项到社区核验原件`

const onBehalfOf = (raw: string | undefined): string | null =>
  raw && /^psn_[a-z0-9_]{1,40}$/.test(raw) ? raw : null

type ApplicantState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; person: PersonView }

/** Drafts of applications not yet submitted, one per type, on this phone only. */
interface Draft {
  /** The person it belongs to. */
  owner: string
  values: FormValues
  uploaded: Uploaded
}
const draftKey = (type: ApplicationType) => `apply-draft:${type}`
const readDraft = (type: ApplicationType): Draft | null => {
  try {
    const d = Taro.getStorageSync(draftKey(type)) as Draft | ''
    return d && typeof d === 'object' && d.values ? d : null
  } catch {
    return null
  }
}
const saveDraft = (type: ApplicationType, d: Draft) => {
  try {
    Taro.setStorageSync(draftKey(type), d)
  } catch {
    // storage full or unavailable: the form still works, only without a draft
  }
}
const clearDraft = (type: ApplicationType) => {
  try {
    Taro.removeStorageSync(draftKey(type))
  } catch {
    // nothing to clear
  }
}

/** Form values handed over in the link (a policy's 去申请), kept only for fields of this form. */
const readPrefill = (raw: string | undefined, type: ApplicationType): FormValues => {
  if (!raw) return {}
  try {
    // Routers differ on whether query values arrive decoded: accept both.
    const parsed = JSON.parse(raw.startsWith('%') ? decodeURIComponent(raw) : raw) as unknown
    if (typeof parsed !== 'object' || parsed === null) return {}
    const names = new Set(fieldsOf(type).map((f) => f.name))
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        ([k, v]) => names.has(k) && typeof v === 'string' && v.length <= 60,
      ),
    ) as FormValues
  } catch {
    return {}
  }
}

/** What went wrong with a submission, and what the resident can do about it. */
interface SubmitProblem {
  message: string
  action?: { label: string; run: () => void }
}

const WAITING_TEXT =
  '您还没有办理失业登记。本申请已受理，将在失业登记办结后自动转入审核；系统已同时为您发起失业登记申请，请留意办理进度。'

function Progress({ step }: { step: number }) {
  return (
    <View className="apply__progress">
      <View className="steps" id="apply-steps">
        {STEPS.map((label, i) => (
          <View
            key={label}
            className={`steps__item steps__item--${i < step ? 'done' : i === step ? 'current' : 'todo'}`}
          >
            <View className="steps__dot">
              <Text>{i < step ? '✓' : String(i + 1)}</Text>
            </View>
            <Text className="steps__label">{label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function Success({ view, forName }: { view: ApplicationView; forName: string | null }) {
  return (
    <View className="card apply__success" id="apply-success">
      <View className="apply__success-icon">
        <Text>✓</Text>
      </View>
      <Text className="apply__success-title">申请已提交</Text>
      <StatusBadge status={view.status} label={view.statusLabel} />
      <Text className="apply__success-desc">
        {forName
          ? `已为 ${forName} 代为提交，并已通知本人。${view.missingMaterials.length ? '未上传的材料请提醒本人携带原件到社区核验。' : ''}`
          : view.status === 'waiting_registration'
            ? WAITING_TEXT
            : '请携带材料原件到所在社区劳动保障工作站核验，审核结果将通过“消息”通知您。'}
      </Text>
      <View
        id="apply-view-detail"
        className="btn btn--primary"
        hoverClass="btn--hover"
        onClick={() => openApplication(view.id, true)}
      >
        查看办理进度
      </View>
    </View>
  )
}

export default function ApplyPage() {
  const router = useRouter()
  const rawType = router.params.type
  const type: ApplicationType | null = isApplicationType(rawType) ? rawType : null
  const spec = type ? APPLICATION_TYPES[type] : null

  const { state: me, reload: reloadMe } = useMe()
  // 代为申请: the applicant is the person the coordinator opened this from, not the user.
  const behalfId = onBehalfOf(router.params.person)
  const [applicant, setApplicant] = useState<ApplicantState>({ status: 'loading' })
  const [consent, setConsent] = useState<ConsentMethod | ''>('')
  const [consentNote, setConsentNote] = useState('')
  const [consentError, setConsentError] = useState('')
  const loadApplicant = async () => {
    if (!behalfId) return
    setApplicant({ status: 'loading' })
    try {
      setApplicant({ status: 'done', person: await api('getPerson', { params: { id: behalfId } }) })
    } catch (e) {
      setApplicant({ status: 'error', message: errorMessage(e) })
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per person opened
  useEffect(() => {
    void loadApplicant()
  }, [behalfId])
  const [step, setStep] = useState(0)
  // From a policy's 去申请: the policy applied under and what the registry already knows.
  const policyId = /^pol_[a-z0-9_]{1,60}$/.test(router.params.policyId ?? '')
    ? router.params.policyId
    : undefined
  const [prefilled] = useState<FormValues>(() => (type ? readPrefill(router.params.prefill, type) : {}))
  const [values, setValues] = useState<FormValues>(prefilled)
  const [errors, setErrors] = useState<FieldErrors>({})
  // One key per opened form: every retry of this submission carries it.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [uploaded, setUploaded] = useState<Uploaded>({})
  const [submitting, setSubmitting] = useState(false)
  const [problem, setProblem] = useState<SubmitProblem | null>(null)
  const [created, setCreated] = useState<ApplicationView | null>(null)
  const redirect = useRef<ReturnType<typeof setTimeout> | null>(null)

  // A form left half-filled is kept as a draft on the phone — for the same person only, as
  // phones are shared in families — and offered again next time (not over a policy's prefill).
  const owner = behalfId
    ? applicant.status === 'done'
      ? applicant.person.id
      : null
    : me.status === 'done'
      ? me.me.id
      : null
  const restored = useRef(false)
  useEffect(() => {
    if (!type || !owner || restored.current) return
    restored.current = true
    const draft = Object.keys(prefilled).length ? null : readDraft(type)
    if (!draft || draft.owner !== owner) return
    setValues(draft.values)
    setUploaded(draft.uploaded)
    toastText('已恢复上次未提交的内容')
  }, [type, owner, prefilled])
  // Every change is kept until the application is submitted.
  useEffect(() => {
    if (!type || !owner || created) return
    const touched =
      Object.keys(values).some((k) => values[k] !== (prefilled[k] ?? '')) || Object.keys(uploaded).length > 0
    if (touched) saveDraft(type, { owner, values, uploaded })
  }, [type, owner, values, uploaded, created, prefilled])

  useEffect(() => {
    if (spec) void Taro.setNavigationBarTitle({ title: spec.label })
    return () => {
      if (redirect.current) clearTimeout(redirect.current)
    }
  }, [spec])

  const go = (next: number) => {
    setStep(next)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const change = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => {
      if (!(name in e)) return e
      const { [name]: _, ...rest } = e
      return rest
    })
  }

  if (!type || !spec) {
    return (
      <PageShell className="apply">
        <StateView
          id="apply-unknown"
          icon="?"
          title="没有找到这项业务"
          desc="请从“办事”页面选择要办理的业务"
          action={
            <View className="btn btn--ghost btn--small" hoverClass="btn--hover" onClick={goServices}>
              去办事
            </View>
          }
        />
      </PageShell>
    )
  }

  const checkForm = (): boolean => {
    const { errors: found } = validateApplicationForm(type, values)
    setErrors(found)
    if (hasErrors(found)) {
      toastText('请检查填写内容')
      return false
    }
    return true
  }

  const submit = async () => {
    if (submitting) return
    if (!checkForm()) {
      go(1)
      return
    }
    const { data } = validateApplicationForm(type, values)
    if (behalfId && !consent) {
      setConsentError('请选择本人同意的方式')
      return
    }
    setSubmitting(true)
    setProblem(null)
    try {
      const materials = Object.entries(uploaded).map(([key, f]) => ({ key, fileId: f.fileId }))
      const view = await api('submitApplication', {
        body: {
          type,
          data,
          idempotencyKey,
          materials,
          ...(policyId ? { policyId } : {}),
          ...(behalfId && consent
            ? { personId: behalfId, consent: { method: consent, note: consentNote.trim() } }
            : {}),
        },
      })
      setCreated(view)
      clearDraft(type)
      redirect.current = setTimeout(() => openApplication(view.id, true), 1800)
    } catch (e) {
      const code = errorCode(e)
      if (isLoginError(e)) {
        setProblem({ message: '登录已失效，请重新登录后再提交', action: { label: '去登录', run: goLogin } })
      } else if (code === 'PERSON.NOT_REGISTERED') {
        setProblem({ message: errorMessage(e), action: { label: '去登记实名信息', run: goProfile } })
      } else if (code === 'APPLICATION.ALREADY_OPEN') {
        setProblem({
          message: errorMessage(e),
          action: behalfId
            ? { label: '返回人员信息', run: () => void Taro.navigateBack().catch(() => undefined) }
            : { label: '查看我的申请', run: () => openPage('/pages/my-applications/index') },
        })
      } else if (code === 'APPLICATION.SUBSIDY_OVERLAP') {
        // Nothing to retry: the months clash with a benefit already enjoyed. Change them.
        setProblem({ message: errorMessage(e), action: { label: '修改申请内容', run: () => go(1) } })
      } else if (isApiError(e) && e.code === 'REQUEST.INVALID' && e.issues?.length) {
        const found = serverErrors(e.issues, 'data.')
        if (hasErrors(found)) {
          setErrors(found)
          toastText('请检查填写内容')
          go(1)
        } else setProblem({ message: errorMessage(e) })
      } else if (code === 'APPLICATION.ALREADY_REGISTERED') {
        // Nothing to retry: the registration is held already.
        setProblem({ message: errorMessage(e) })
      } else {
        setProblem({ message: `${errorMessage(e)}。可直接再次提交，不会重复申请。` })
      }
    } finally {
      setSubmitting(false)
    }
  }

  const header = (
    <>
      <Progress step={created ? STEPS.length : step} />
      <Text className="apply__type">{spec.label}</Text>
      <Text className="apply__sub">
        第 {Math.min(step + 1, STEPS.length)} 步，共 {STEPS.length} 步
      </Text>
    </>
  )

  const person = behalfId
    ? applicant.status === 'done'
      ? applicant.person
      : null
    : me.status === 'done'
      ? me.me
      : null
  // Holding an unemployment registration still: applying for it again makes no sense.
  const alreadyRegistered =
    type === 'unemployment_registration' && !!person?.registration && !person.registration.endedAt

  if (created) {
    return (
      <PageShell className="apply">
        {header}
        <Success view={created} forName={behalfId && person ? person.name : null} />
      </PageShell>
    )
  }

  const fields = visibleFields(type, values)

  const dirty =
    !created &&
    (Object.keys(values).some((k) => values[k] !== (prefilled[k] ?? '')) || Object.keys(uploaded).length > 0)
  const beforeLeave = async () =>
    !dirty ||
    (
      await Taro.showModal({
        title: '离开填写？',
        content: '已填写的内容已保存为草稿，下次打开本业务可继续填写。',
        confirmText: '离开',
        cancelText: '继续填写',
      })
    ).confirm

  return (
    <PageShell
      className="apply"
      beforeLeave={beforeLeave}
      guard={dirty}
      guardMessage="已填写的内容已保存为草稿，下次打开本业务可继续填写。确定离开吗？"
    >
      {header}

      {step === 0 ? (
        <>
          {behalfId ? (
            <View className="note note--info" id="apply-behalf">
              <Text className="note__title">代为申请</Text>
              <Text>
                您正在为居民代为办理。提交前须确认本人同意，提交后本人会收到通知，并可在“我的申请”查看进度。
              </Text>
            </View>
          ) : null}
          {behalfId && applicant.status === 'loading' ? <LoadingView /> : null}
          {behalfId && applicant.status === 'error' ? (
            <ErrorView message={applicant.message} onRetry={() => void loadApplicant()} />
          ) : null}
          {!behalfId && me.status === 'loading' ? <LoadingView /> : null}
          {!behalfId && me.status === 'error' ? (
            <ErrorView message={me.message} onRetry={() => void reloadMe()} />
          ) : null}
          {!behalfId && me.status === 'anonymous' ? (
            <View className="note" id="apply-need-login">
              <Text className="note__title">请先登录</Text>
              <Text>登录后才能在线提交申请。</Text>
              <View
                className="btn btn--primary btn--small note__action"
                hoverClass="btn--hover"
                onClick={goLogin}
              >
                去登录
              </View>
            </View>
          ) : null}
          {!behalfId && me.status === 'unregistered' ? (
            <View className="note" id="apply-need-profile">
              <Text className="note__title">请先登记实名信息</Text>
              <Text>办理业务需核实身份。登记身份证号、手机号和所在社区后，返回此页继续办理。</Text>
              <View
                id="apply-go-profile"
                className="btn btn--primary btn--small note__action"
                hoverClass="btn--hover"
                onClick={goProfile}
              >
                去登记
              </View>
            </View>
          ) : null}
          {person ? (
            <>
              <View className="card" id="apply-identity">
                <Text className="card-title">申请人</Text>
                <KeyValue label="姓名" value={person.name} />
                <KeyValue label="身份证号" value={person.idNumber} />
                <KeyValue label="手机号" value={person.phone} />
                <KeyValue label="所在社区" value={person.communityName ?? person.community} />
                {behalfId ? null : (
                  <Text className="apply__link" onClick={goProfile}>
                    信息有误？去修改 ›
                  </Text>
                )}
              </View>
              {alreadyRegistered ? (
                <View className="note" id="apply-already-registered">
                  <Text className="note__title">已办理失业登记</Text>
                  <Text>
                    {behalfId ? '申请人' : '您'}已持有失业登记（登记证 {person.registration!.certificateNo}
                    ），无需重复申请；找到工作后由社区办理就业登记。
                  </Text>
                </View>
              ) : null}
              {spec.needsRegistration && !person.registration ? (
                <View className="note" id="apply-needs-registration">
                  <Text className="note__title">需先办理失业登记</Text>
                  <Text>
                    本业务面向已登记失业的人员。{behalfId ? '申请人' : '您'}
                    目前还没有失业登记记录，提交后申请将显示为“待完成失业登记”，
                    {type === 'difficulty_certification'
                      ? '系统会同时为您发起失业登记申请，登记办结后自动转入审核。'
                      : '请同时办理失业登记，登记办结后再转入审核。'}
                  </Text>
                </View>
              ) : null}
            </>
          ) : null}
          <View className="form-actions">
            <View
              id="apply-next"
              className={`btn btn--primary${person && !alreadyRegistered ? '' : ' btn--disabled'}`}
              hoverClass="btn--hover"
              onClick={() =>
                alreadyRegistered
                  ? toastText('已办理失业登记，无需重复申请')
                  : person
                    ? go(1)
                    : toastText('请先完成身份确认')
              }
            >
              下一步
            </View>
          </View>
        </>
      ) : null}

      {step === 1 ? (
        <>
          {Object.keys(prefilled).length ? (
            <View className="note note--info" id="apply-prefilled">
              <Text>已根据您的登记信息预先填写部分内容，请核对后继续。</Text>
            </View>
          ) : null}
          <View className="card" id="apply-form">
            {fields.map((f) => (
              <ApplicationField
                key={f.name}
                spec={f}
                value={values[f.name] ?? ''}
                error={errors[f.name]}
                onChange={(v) => change(f.name, v)}
              />
            ))}
          </View>
          <View className="form-actions">
            <View className="btn btn--plain" hoverClass="btn--hover" onClick={() => go(0)}>
              上一步
            </View>
            <View
              id="apply-next"
              className="btn btn--primary"
              hoverClass="btn--hover"
              onClick={() => (checkForm() ? go(2) : undefined)}
            >
              下一步
            </View>
          </View>
        </>
      ) : null}

      {step === 2 ? (
        <>
          <View className="card" id="apply-materials">
            <Text className="card-title">需准备的材料</Text>
            <MaterialUploader
              materials={spec.materials}
              value={uploaded}
              onChange={setUploaded}
              personId={behalfId ?? undefined}
            />
          </View>
          <View className="note note--info">
            <Text className="note__title">可拍照上传，也可携带原件到社区核验</Text>
            <Text>
              {person?.communityName
                ? `${behalfId ? '申请人' : '您'}所在的${person.communityName}`
                : '所在社区'}
              工作人员初审时会核对材料；未上传的材料请携带原件前往社区劳动保障工作站。
            </Text>
          </View>
          <View className="form-actions">
            <View className="btn btn--plain" hoverClass="btn--hover" onClick={() => go(1)}>
              上一步
            </View>
            <View id="apply-next" className="btn btn--primary" hoverClass="btn--hover" onClick={() => go(3)}>
              下一步
            </View>
          </View>
        </>
      ) : null}

      {step === 3 ? (
        <>
          <View className="card" id="apply-summary">
            <Text className="card-title">请核对申请信息</Text>
            {person ? <KeyValue label="申请人" value={`${person.name}（${person.idNumber}）`} /> : null}
            {describeData(type, validateApplicationForm(type, values).data).map((row) => (
              <KeyValue key={row.label} label={row.label} value={row.value} />
            ))}
            <KeyValue
              label="材料"
              value={materialsSummary(Object.keys(uploaded).length, spec.materials.length)}
            />
          </View>
          {behalfId ? (
            <View className="card" id="apply-consent">
              <Text className="card-title">本人同意</Text>
              <Text className="muted">代为申请须经本人同意，请选择确认方式（会随申请留存）。</Text>
              <ChoiceChips
                id="apply-consent-method"
                idPrefix="apply-consent-"
                options={CONSENT_OPTIONS}
                value={consent}
                onChange={(v) => {
                  setConsent(v as ConsentMethod)
                  setConsentError('')
                }}
              />
              {consentError ? <Text className="form-field__error">{consentError}</Text> : null}
              <Textarea
                id="apply-consent-note"
                className="form-textarea"
                maxlength={200}
                value={consentNote}
                placeholder="情况说明（选填），如：上门走访时本人在场，已阅读申请内容"
                placeholderClass="form-placeholder"
                onInput={(e) => setConsentNote(e.detail.value)}
              />
            </View>
          ) : null}
          {problem ? (
            <View className="note" id="apply-problem">
              <Text>{problem.message}</Text>
              {problem.action ? (
                <View
                  className="btn btn--ghost btn--small note__action"
                  hoverClass="btn--hover"
                  onClick={problem.action.run}
                >
                  {problem.action.label}
                </View>
              ) : null}
            </View>
          ) : null}
          <View className="form-actions">
            <View
              className={`btn btn--plain${submitting ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => (submitting ? undefined : go(2))}
            >
              上一步
            </View>
            <View
              id="apply-submit"
              className={`btn btn--primary${submitting ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void submit()}
            >
              {submitting ? '提交中…' : '提交申请'}
            </View>
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
