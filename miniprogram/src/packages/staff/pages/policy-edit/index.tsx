import { APPLICATION_TYPES, type ApplicationType } from '@shared/applications/application-types'
import {
  EMPLOYMENT_STATUSES,
  type EmploymentStatus,
  HUKOU_TYPES,
  type Hukou,
  KEY_GROUPS,
  type KeyGroup,
} from '@shared/people/person'
import type { PolicyParam, PolicySummary, PolicyVersionItem, PolicyView } from '@shared/policies/policy'
import {
  type Condition,
  checkRule,
  describeRule,
  FACT_LABELS,
  type FactName,
  type Rule,
  type RuleContext,
} from '@shared/policies/rules'
import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import { ChoiceChips, DateBox, FormField, SelectBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDateTime, todayInChina } from '../../../../utils/format'
import { toastText } from '../../../../utils/toast'
import { blankCondition, fromRows, type Join, type Rows, toggleIn, toRows } from '../../rule-builder'
import { POLICY_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

interface Form {
  title: string
  summary: string
  body: string
  issuer: string
  docNumber: string
  effectiveFrom: string
  effectiveTo: string
  applicationType: ApplicationType | ''
  subsidy: boolean
  params: { key: string; label: string; value: string; unit: string }[]
  excludes: string[]
}

const EMPTY: Form = {
  title: '',
  summary: '',
  body: '',
  issuer: '海安市人力资源和社会保障局',
  docNumber: '',
  effectiveFrom: '',
  effectiveTo: '',
  applicationType: '',
  subsidy: false,
  params: [],
  excludes: [],
}

const FACTS = Object.entries(FACT_LABELS).map(([value, label]) => ({ value, label }))
const GROUPS = Object.entries(KEY_GROUPS).map(([value, label]) => ({ value: value as KeyGroup, label }))
const STATUSES = Object.entries(EMPLOYMENT_STATUSES).map(([value, label]) => ({
  value: value as EmploymentStatus,
  label,
}))
const HUKOUS = Object.entries(HUKOU_TYPES).map(([value, label]) => ({ value: value as Hukou, label }))
const TYPES: { value: ApplicationType | ''; label: string }[] = [
  { value: '', label: '无（线下咨询办理）' },
  ...Object.entries(APPLICATION_TYPES).map(([value, t]) => ({
    value: value as ApplicationType,
    label: t.label,
  })),
]
const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
]

const fromPolicy = (p: PolicyView): Form => ({
  title: p.title,
  summary: p.summary,
  body: p.body,
  issuer: p.issuer,
  docNumber: p.docNumber ?? '',
  effectiveFrom: p.effectiveFrom ?? '',
  effectiveTo: p.effectiveTo ?? '',
  applicationType: p.applicationType ?? '',
  subsidy: p.subsidy,
  params: p.params.map((x) => ({ key: x.key, label: x.label, value: String(x.value), unit: x.unit ?? '' })),
  excludes: p.excludes.map((x) => x.id),
})

const toParams = (rows: Form['params']): PolicyParam[] =>
  rows
    .filter((r) => r.label.trim() || r.value.trim())
    .map((r, i) => {
      const n = Number(r.value)
      return {
        key: r.key || `p${i + 1}`,
        label: r.label.trim(),
        value: r.value.trim() !== '' && Number.isFinite(n) ? n : r.value.trim(),
        ...(r.unit.trim() ? { unit: r.unit.trim() } : {}),
      }
    })

const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text))

/** One condition's value editor, by kind of fact. */
function ConditionEditor({
  c,
  policies,
  onChange,
}: {
  c: Condition
  policies: PolicySummary[]
  onChange: (c: Condition) => void
}) {
  switch (c.fact) {
    case 'keyGroup':
      return (
        <View className="chips">
          {GROUPS.map((g) => (
            <View
              key={g.value}
              className={`chip${c.in.includes(g.value) ? ' chip--on' : ''}`}
              onClick={() => onChange({ ...c, in: toggleIn(c.in, g.value) })}
            >
              {g.label}
            </View>
          ))}
        </View>
      )
    case 'employmentStatus':
      return (
        <>
          <View className="chips">
            {STATUSES.map((s) => (
              <View
                key={s.value}
                className={`chip${c.in.includes(s.value) ? ' chip--on' : ''}`}
                onClick={() => onChange({ ...c, in: toggleIn(c.in, s.value) })}
              >
                {s.label}
              </View>
            ))}
          </View>
          <View className="form-unit-row">
            <Input
              className="form-input"
              type="digit"
              maxlength={3}
              value={c.minMonths === undefined ? '' : String(c.minMonths)}
              placeholder="不限"
              onInput={(e) => onChange({ ...c, minMonths: num(e.detail.value) })}
            />
            <Text className="form-unit">个月以上（选填）</Text>
          </View>
        </>
      )
    case 'unemployedMonths':
      return (
        <View className="form-unit-row">
          <Text className="form-unit">满</Text>
          <Input
            className="form-input"
            type="digit"
            maxlength={3}
            value={c.min === undefined ? '' : String(c.min)}
            onInput={(e) => onChange({ ...c, min: num(e.detail.value) })}
          />
          <Text className="form-unit">个月</Text>
        </View>
      )
    case 'age': {
      const bound = (b: typeof c.min, g: 'male' | 'female') =>
        b === undefined ? '' : String(typeof b === 'number' ? b : b[g])
      const set = (key: 'min' | 'max', g: 'male' | 'female', text: string) => {
        const other = g === 'male' ? 'female' : 'male'
        const mine = num(text)
        const theirs = bound(c[key], other) === '' ? undefined : Number(bound(c[key], other))
        const next =
          mine === undefined && theirs === undefined
            ? undefined
            : mine === theirs
              ? mine
              : {
                  male: g === 'male' ? (mine ?? 0) : (theirs ?? 0),
                  female: g === 'female' ? (mine ?? 0) : (theirs ?? 0),
                }
        onChange({ ...c, [key]: next })
      }
      return (
        <View className="wb-lines">
          {(['male', 'female'] as const).map((g) => (
            <View key={g} className="form-unit-row">
              <Text className="form-unit">{g === 'male' ? '男' : '女'}</Text>
              <Input
                className="form-input"
                type="digit"
                maxlength={3}
                value={bound(c.min, g)}
                placeholder="最小"
                onInput={(e) => set('min', g, e.detail.value)}
              />
              <Text className="form-unit">至</Text>
              <Input
                className="form-input"
                type="digit"
                maxlength={3}
                value={bound(c.max, g)}
                placeholder="最大"
                onInput={(e) => set('max', g, e.detail.value)}
              />
              <Text className="form-unit">周岁</Text>
            </View>
          ))}
        </View>
      )
    }
    case 'gender':
      return (
        <ChoiceChips
          options={[
            { value: 'female', label: '女性' },
            { value: 'male', label: '男性' },
          ]}
          value={c.is}
          onChange={(v) => onChange({ ...c, is: v as 'male' | 'female' })}
        />
      )
    case 'hukou':
      return (
        <View className="chips">
          {HUKOUS.map((h) => (
            <View
              key={h.value}
              className={`chip${c.in.includes(h.value) ? ' chip--on' : ''}`}
              onClick={() => onChange({ ...c, in: toggleIn(c.in, h.value) })}
            >
              {h.label}
            </View>
          ))}
        </View>
      )
    case 'enjoying': {
      const index = policies.findIndex((p) => p.id === c.policy)
      return (
        <>
          <Picker
            mode="selector"
            range={policies.map((p) => p.title)}
            value={Math.max(0, index)}
            onChange={(e) => onChange({ ...c, policy: policies[Number(e.detail.value)]?.id ?? c.policy })}
          >
            <SelectBox text={policies[index]?.title} placeholder="请选择政策" />
          </Picker>
          <ChoiceChips
            options={[
              { value: 'false', label: '未享受' },
              { value: 'true', label: '正在享受' },
            ]}
            value={String(c.is)}
            onChange={(v) => onChange({ ...c, is: v === 'true' })}
          />
        </>
      )
    }
    case 'region':
      return (
        <Input
          className="form-input"
          type="text"
          maxlength={200}
          value={c.in.join(',')}
          placeholder="区划代码，如 320621100（多个用逗号分开）"
          onInput={(e) => onChange({ ...c, in: e.detail.value.split(/[,，\s]+/).filter(Boolean) })}
        />
      )
    default:
      return (
        <ChoiceChips
          options={YES_NO}
          value={String(c.is)}
          onChange={(v) => onChange({ ...c, is: v === 'true' })}
        />
      )
  }
}

type Load =
  | { status: 'loading' }
  | { status: 'new' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; policy: PolicyView }

/**
 * Create or edit a policy: its text, parameters, the application it leads to, which subsidies it
 * excludes, and its conditions (a list builder, or JSON for nested rules) with a live reading of
 * what residents will see. Saving a published policy makes a new version and re-matches residents.
 */
export default function PolicyEditPage() {
  const id = useRouter().params.id
  const { state: session, reload: reloadSession } = useSession()
  const isCounty = session.status === 'done' && session.session.role === 'county'
  const [load, setLoad] = useState<Load>(id ? { status: 'loading' } : { status: 'new' })
  const [form, setForm] = useState<Form>(EMPTY)
  const [rows, setRows] = useState<Rows | null>({ join: 'all', rows: [blankCondition('keyGroup')] })
  const [json, setJson] = useState('')
  const [mode, setMode] = useState<'rows' | 'json'>('rows')
  const [policies, setPolicies] = useState<PolicySummary[]>([])
  const [versions, setVersions] = useState<PolicyVersionItem[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [dirty, setDirty] = useState(false)
  const [withdrawing, setWithdrawing] = useState(false)
  const [withdrawReason, setWithdrawReason] = useState('')
  const [withdrawError, setWithdrawError] = useState('')

  const fetchPolicy = useCallback(async () => {
    if (!id) return
    try {
      const [policy, vs] = await Promise.all([
        api('getPolicy', { params: { id } }),
        api('listPolicyVersions', { params: { id } }),
      ])
      setLoad({ status: 'done', policy })
      setForm(fromPolicy(policy))
      const r = toRows(policy.rules)
      setRows(r)
      setMode(r ? 'rows' : 'json')
      setJson(JSON.stringify(policy.rules, null, 2))
      setVersions(vs.items)
      setDirty(false)
    } catch (e) {
      setLoad(
        errorCode(e) === 'POLICY.NOT_FOUND'
          ? { status: 'not-found' }
          : { status: 'error', message: errorMessage(e) },
      )
    }
  }, [id])

  useEffect(() => {
    if (!isCounty) return
    void fetchPolicy()
    api('listPolicies', { query: { status: 'all' } })
      .then((r) => setPolicies(r.items.filter((p) => p.id !== id && p.status !== 'withdrawn')))
      .catch(() => undefined)
  }, [isCounty, fetchPolicy, id])

  const rule: Rule | null = useMemo(() => {
    if (mode === 'rows') return rows ? fromRows(rows) : null
    try {
      return JSON.parse(json) as Rule
    } catch {
      return null
    }
  }, [mode, rows, json])
  const ruleIssues = useMemo(
    () => (rule ? checkRule(rule) : [{ path: [], message: '不是有效的 JSON' }]),
    [rule],
  )
  const ctx: RuleContext = useMemo(
    () => ({
      policy: (pid) => {
        const p = policies.find((x) => x.id === pid)
        return p ? { title: p.title, applicationType: p.applicationType } : undefined
      },
      regionName: () => null,
    }),
    [policies],
  )

  const gate = staffGate(session, () => void reloadSession(), POLICY_DESK)
  if (gate || session.status !== 'done' || !isCounty)
    return (
      <PageShell className="staff wb">
        {gate ?? <StateView icon="县" title="政策由县（市、区）人社部门维护" />}
      </PageShell>
    )
  if (load.status === 'loading' || load.status === 'error' || load.status === 'not-found')
    return (
      <PageShell className="staff wb">
        {load.status === 'loading' ? <LoadingView /> : null}
        {load.status === 'error' ? (
          <ErrorView message={load.message} onRetry={() => void fetchPolicy()} />
        ) : null}
        {load.status === 'not-found' ? (
          <StateView id="policy-edit-not-found" icon="?" title="政策不存在" />
        ) : null}
      </PageShell>
    )

  const policy = load.status === 'done' ? load.policy : null
  const readOnly = policy?.status === 'withdrawn'
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setDirty(true)
    setErrors((e) => {
      const { [key]: _, ...rest } = e
      return rest
    })
  }
  const setRow = (i: number, c: Condition) => {
    setRows((r) => (r ? { ...r, rows: r.rows.map((x, j) => (j === i ? c : x)) } : r))
    setDirty(true)
  }

  const switchMode = (next: 'rows' | 'json') => {
    if (next === mode) return
    if (next === 'json') {
      setJson(JSON.stringify(rule ?? {}, null, 2))
      setMode('json')
      return
    }
    const r = rule ? toRows(rule) : null
    if (!r) return toastText('该条件含有嵌套组合，只能用 JSON 编辑')
    setRows(r)
    setMode('rows')
  }

  const body = () => ({
    title: form.title.trim(),
    summary: form.summary.trim(),
    body: form.body,
    issuer: form.issuer.trim(),
    docNumber: form.docNumber.trim() || null,
    ...(form.effectiveFrom ? { effectiveFrom: form.effectiveFrom } : {}),
    effectiveTo: form.effectiveTo || null,
    applicationType: form.applicationType || null,
    subsidy: form.subsidy,
    params: toParams(form.params),
    rules: rule,
    excludes: form.excludes,
    ...(policy ? { version: policy.version } : {}),
  })

  const save = async (): Promise<PolicyView | null> => {
    if (ruleIssues.length) {
      setErrors({ rules: `享受条件有误：${ruleIssues[0]!.message}` })
      toastText('请检查享受条件')
      return null
    }
    setBusy(true)
    try {
      const saved = policy
        ? await api('updatePolicy', { params: { id: policy.id }, body: body() })
        : await api('createPolicy', { body: body() })
      setLoad({ status: 'done', policy: saved })
      setDirty(false)
      setErrors({})
      if (!policy) void Taro.redirectTo({ url: `/packages/staff/pages/policy-edit/index?id=${saved.id}` })
      else void fetchPolicy()
      toastText(saved.status === 'published' ? '已保存新版本，居民将重新评估' : '草稿已保存')
      return saved
    } catch (e) {
      if (isApiError(e) && e.issues?.length) {
        const found: Record<string, string> = {}
        for (const i of e.issues) {
          const key = i.field.split('.')[0]!
          found[key] ??= key === 'rules' ? `享受条件 ${i.field.slice(6)}：${i.message}` : i.message
        }
        setErrors(found)
        toastText('请检查填写内容')
      } else toastText(errorMessage(e))
      return null
    } finally {
      setBusy(false)
    }
  }

  const publish = async () => {
    if (!policy || busy) return
    if (dirty && !(await save())) return
    const ok = await Taro.showModal({
      title: '发布政策',
      content: '发布后居民即可查看，系统将评估全县居民并通知符合条件的人。确定发布？',
      confirmText: '发布',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await api('publishPolicy', { params: { id: policy.id } })
      toastText('已发布，将在 15 分钟内通知符合条件的居民')
      void fetchPolicy()
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const withdraw = async () => {
    if (!policy || busy) return
    const reason = withdrawReason.trim()
    if (reason.length < 2) return setWithdrawError('请填写撤回理由')
    setBusy(true)
    try {
      await api('withdrawPolicy', { params: { id: policy.id }, body: { reason } })
      toastText('已撤回')
      setWithdrawing(false)
      void fetchPolicy()
    } catch (e) {
      setWithdrawError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  /** Leaving with unsaved changes asks first; nothing is lost by a stray tap on 返回. */
  const confirmLeave = async (): Promise<boolean> => {
    if (!dirty) return true
    const res = await Taro.showModal({
      title: '放弃未保存的修改？',
      content: '离开后本次修改不会保存。',
      confirmText: '放弃',
      cancelText: '继续编辑',
    })
    return res.confirm
  }

  const typeIndex = TYPES.findIndex((t) => t.value === form.applicationType)
  const preview = rule && !ruleIssues.length ? describeRule(rule, ctx) : []

  return (
    <PageShell
      className="staff wb"
      title={policy ? '编辑政策' : '新建政策'}
      beforeLeave={confirmLeave}
      guard={dirty}
      guardMessage="离开后本次修改不会保存，确定离开吗？"
    >
      {policy ? (
        <View className="note note--info" id="policy-edit-status">
          <Text>
            {policy.statusLabel} · 第 {policy.version} 版
            {policy.status === 'published' ? '。保存修改会生成新版本，并按新条件重新评估居民。' : ''}
            {readOnly ? '。已撤回的政策不能再编辑。' : ''}
          </Text>
        </View>
      ) : null}

      <View className="card">
        <Text className="card-title">基本信息</Text>
        <FormField label="政策名称" error={errors.title}>
          <Input
            id="policy-title-input"
            className="form-input"
            type="text"
            maxlength={60}
            value={form.title}
            disabled={readOnly}
            placeholder="如：高校毕业生求职创业补贴"
            placeholderClass="form-placeholder"
            onInput={(e) => set('title', e.detail.value)}
          />
        </FormField>
        <FormField label="一句话说明" error={errors.summary} hint="居民在列表中看到的说明，10–300 字">
          <Textarea
            id="policy-summary-input"
            className="form-textarea wb-textarea--short"
            maxlength={300}
            value={form.summary}
            disabled={readOnly}
            placeholder="谁可以享受、享受什么"
            placeholderClass="form-placeholder"
            onInput={(e) => set('summary', e.detail.value)}
          />
        </FormField>
        <FormField label="发文机关" error={errors.issuer}>
          <Input
            className="form-input"
            type="text"
            maxlength={60}
            value={form.issuer}
            disabled={readOnly}
            onInput={(e) => set('issuer', e.detail.value)}
          />
        </FormField>
        <FormField label="文号" required={false} error={errors.docNumber}>
          <Input
            className="form-input"
            type="text"
            maxlength={60}
            value={form.docNumber}
            disabled={readOnly}
            placeholder="如：海人社〔2021〕21号"
            placeholderClass="form-placeholder"
            onInput={(e) => set('docNumber', e.detail.value)}
          />
        </FormField>
        <FormField
          label="生效日期"
          required={false}
          error={errors.effectiveFrom}
          hint="不选则自发布之日起施行"
        >
          <DateBox
            id="policy-from"
            fields="day"
            value={form.effectiveFrom}
            end="2035-12-31"
            initial={todayInChina()}
            placeholder="自发布之日起"
            onChange={(v) => set('effectiveFrom', v)}
          />
        </FormField>
        <FormField label="失效日期" required={false} error={errors.effectiveTo}>
          <DateBox
            id="policy-to"
            fields="day"
            value={form.effectiveTo}
            end="2040-12-31"
            placeholder="长期有效"
            onChange={(v) => set('effectiveTo', v)}
          />
        </FormField>
        <FormField
          label="网上申请事项"
          required={false}
          error={errors.applicationType}
          hint="符合条件的居民可一键进入该申请"
        >
          <Picker
            mode="selector"
            range={TYPES.map((t) => t.label)}
            value={Math.max(0, typeIndex)}
            disabled={readOnly}
            onChange={(e) => set('applicationType', TYPES[Number(e.detail.value)]?.value ?? '')}
          >
            <SelectBox text={TYPES[typeIndex]?.label} placeholder="请选择" />
          </Picker>
        </FormField>
        <View className="switch-row" id="policy-subsidy">
          <View className="switch-row__text">
            <Text className="switch-row__title">计入补贴发放考核</Text>
            <Text className="muted">符合条件者季末仍未享受的，列为街道/镇扣分候选</Text>
          </View>
          <Switch
            color="#d4380d"
            checked={form.subsidy}
            disabled={readOnly}
            onChange={(e) => set('subsidy', e.detail.value)}
          />
        </View>
      </View>

      <View className="card" id="policy-rules-card">
        <View className="wb-head__row">
          <Text className="card-title">享受条件</Text>
          <View className="chips">
            <View className={`chip${mode === 'rows' ? ' chip--on' : ''}`} onClick={() => switchMode('rows')}>
              逐条
            </View>
            <View
              id="rule-mode-json"
              className={`chip${mode === 'json' ? ' chip--on' : ''}`}
              onClick={() => switchMode('json')}
            >
              JSON
            </View>
          </View>
        </View>
        {mode === 'rows' && rows ? (
          <>
            <ChoiceChips
              id="rule-join"
              idPrefix="rule-join-"
              options={[
                { value: 'all', label: '以下全部满足' },
                { value: 'any', label: '满足其中一条' },
              ]}
              value={rows.join}
              onChange={(v) => {
                setRows({ ...rows, join: v as Join })
                setDirty(true)
              }}
            />
            {rows.rows.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
              <View key={i} className="rule-row" id={`rule-row-${i}`}>
                <View className="rule-row__head">
                  <Picker
                    mode="selector"
                    range={FACTS.map((f) => f.label)}
                    value={Math.max(
                      0,
                      FACTS.findIndex((f) => f.value === c.fact),
                    )}
                    onChange={(e) =>
                      setRow(i, blankCondition(FACTS[Number(e.detail.value)]!.value as FactName))
                    }
                  >
                    <SelectBox text={FACT_LABELS[c.fact]} placeholder="条件" />
                  </Picker>
                  {rows.rows.length > 1 ? (
                    <Text
                      className="rule-row__remove"
                      onClick={() => setRows({ ...rows, rows: rows.rows.filter((_, j) => j !== i) })}
                    >
                      删除
                    </Text>
                  ) : null}
                </View>
                <ConditionEditor c={c} policies={policies} onChange={(next) => setRow(i, next)} />
              </View>
            ))}
            <View
              id="rule-add"
              className="btn btn--plain btn--small rule-add"
              hoverClass="btn--hover"
              onClick={() => {
                setRows({ ...rows, rows: [...rows.rows, blankCondition('employmentStatus')] })
                setDirty(true)
              }}
            >
              ＋ 添加条件
            </View>
          </>
        ) : (
          <Textarea
            id="rule-json"
            className="form-textarea"
            maxlength={20000}
            value={json}
            onInput={(e) => {
              setJson(e.detail.value)
              setDirty(true)
            }}
          />
        )}
        {errors.rules || ruleIssues.length ? (
          <Text className="form-field__error" id="rule-error">
            {errors.rules ?? `${ruleIssues[0]!.path.join('.') || '条件'}：${ruleIssues[0]!.message}`}
          </Text>
        ) : null}
        <View className="rule-preview" id="rule-preview">
          <Text className="wb-sheet__label">居民看到的条件</Text>
          {preview.map((l, i) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: a preview of the current rule
              key={i}
              className="rule-preview__line"
              style={l.indent ? { paddingLeft: `${l.indent * 16}px` } : undefined}
            >
              · {l.text}
            </Text>
          ))}
        </View>
      </View>

      <View className="card">
        <Text className="card-title">标准与期限</Text>
        <Text className="muted">
          金额、期限等写成参数，县里调整时只改这里；系统按参数名读取的有 termMonths（岗位补贴期限，月）。
        </Text>
        {form.params.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
          <View key={i} className="rule-row">
            <Input
              className="form-input"
              type="text"
              maxlength={30}
              value={p.label}
              placeholder="名称，如：补贴标准"
              onInput={(e) =>
                set(
                  'params',
                  form.params.map((x, j) => (j === i ? { ...x, label: e.detail.value } : x)),
                )
              }
            />
            <Input
              className="form-input"
              type="text"
              maxlength={31}
              value={p.key}
              placeholder="参数名（英文，选填；岗位补贴期限填 termMonths）"
              onInput={(e) =>
                set(
                  'params',
                  form.params.map((x, j) => (j === i ? { ...x, key: e.detail.value.trim() } : x)),
                )
              }
            />
            <View className="form-unit-row">
              <Input
                className="form-input"
                type="text"
                maxlength={60}
                value={p.value}
                placeholder="数值或说明"
                onInput={(e) =>
                  set(
                    'params',
                    form.params.map((x, j) => (j === i ? { ...x, value: e.detail.value } : x)),
                  )
                }
              />
              <Input
                className="form-input"
                type="text"
                maxlength={10}
                value={p.unit}
                placeholder="单位"
                onInput={(e) =>
                  set(
                    'params',
                    form.params.map((x, j) => (j === i ? { ...x, unit: e.detail.value } : x)),
                  )
                }
              />
            </View>
          </View>
        ))}
        {errors.params ? <Text className="form-field__error">{errors.params}</Text> : null}
        {!readOnly ? (
          <View
            className="btn btn--plain btn--small rule-add"
            hoverClass="btn--hover"
            onClick={() => set('params', [...form.params, { key: '', label: '', value: '', unit: '' }])}
          >
            ＋ 添加参数
          </View>
        ) : null}
      </View>

      <View className="card">
        <Text className="card-title">不能同时享受的政策</Text>
        <View className="chips">
          {policies.map((p) => (
            <View
              key={p.id}
              className={`chip${form.excludes.includes(p.id) ? ' chip--on' : ''}`}
              onClick={() =>
                set(
                  'excludes',
                  form.excludes.includes(p.id)
                    ? form.excludes.filter((x) => x !== p.id)
                    : [...form.excludes, p.id],
                )
              }
            >
              {p.title}
            </View>
          ))}
        </View>
        {errors.excludes ? <Text className="form-field__error">{errors.excludes}</Text> : null}
      </View>

      <View className="card">
        <Text className="card-title">政策原文</Text>
        <Textarea
          className="form-textarea"
          maxlength={20000}
          value={form.body}
          disabled={readOnly}
          placeholder="粘贴政策原文"
          placeholderClass="form-placeholder"
          onInput={(e) => set('body', e.detail.value)}
        />
      </View>

      {versions.length ? (
        <View className="card" id="policy-versions">
          <Text className="card-title">历史版本</Text>
          {versions.map((v) => (
            <Text key={`${v.version}-${v.action}`} className="rule-preview__line">
              第 {v.version} 版 ·{' '}
              {{ created: '创建', edited: '修改', published: '发布', withdrawn: '撤回' }[v.action]} ·{' '}
              {formatDateTime(v.at)}
            </Text>
          ))}
        </View>
      ) : null}

      {!readOnly ? (
        <View className="review__bar">
          <View
            id="policy-save"
            className={`btn btn--ghost${busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => void save()}
          >
            {busy ? '保存中…' : policy?.status === 'published' ? '保存新版本' : '保存草稿'}
          </View>
          {policy?.status === 'draft' ? (
            <View
              id="policy-publish"
              className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void publish()}
            >
              发布
            </View>
          ) : null}
          {policy ? (
            <View
              id="policy-withdraw"
              className={`btn btn--plain${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => {
                setWithdrawReason('')
                setWithdrawError('')
                setWithdrawing(true)
              }}
            >
              撤回
            </View>
          ) : null}
        </View>
      ) : null}

      <ConfirmSheet
        open={withdrawing}
        title="撤回政策"
        confirmText="撤回"
        confirmId="policy-withdraw-confirm"
        danger
        busy={busy}
        onConfirm={() => void withdraw()}
        onCancel={() => setWithdrawing(false)}
      >
        <Text className="wb-sheet__warn">撤回后居民不再看到本政策，且不能再编辑；已享受的居民不受影响。</Text>
        <Text className="wb-sheet__label">撤回理由</Text>
        <Textarea
          id="policy-withdraw-reason"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={withdrawReason}
          placeholder="如：已并入 2027 年新政策"
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setWithdrawReason(e.detail.value)
            setWithdrawError('')
          }}
        />
        {withdrawError ? <Text className="form-field__error">{withdrawError}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
