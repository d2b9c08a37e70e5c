import {
  CARD_STATUS_LABELS,
  CARD_TRANSITIONS,
  type CardStatusName,
  type CardView,
  cardInspectionSchema,
  cardStatusChangeSchema,
} from '@shared/applications/cards'
import { isStaffRole } from '@shared/auth/identity'
import type { EmploymentStatus } from '@shared/people/person'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, errorCode, errorMessage, isApiError } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import { ChoiceChips } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { type FieldErrors, parseWith, serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { formatDate } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { currentYear, employmentLabel, mayInspectCards, personPath, STATUS_OPTIONS } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

type NextStatus = Exclude<CardStatusName, 'active' | 'replaced'>

const INSPECTABLE: CardStatusName[] = ['active', 'kept_by_employer', 'kept_by_holder']

const STATUS_TONE: Record<CardStatusName, string> = {
  active: 'ok',
  kept_by_employer: 'info',
  kept_by_holder: 'info',
  returned: 'muted',
  revoked: 'muted',
  replaced: 'muted',
}

/** Short labels for the chips; the card shows the full one. */
const NEXT_LABELS: Record<NextStatus, string> = {
  kept_by_employer: '用人单位保管',
  kept_by_holder: '本人保管',
  returned: '退回发放机构',
  revoked: '注销',
}

const CONSEQUENCES: Partial<Record<NextStatus, string>> = {
  returned: '退回后，持卡人将不再列入就业困难人员。',
  revoked: '注销后，持卡人将移出就业困难人员和登记失业人员，失业登记一并注销。',
}

type Scope = 'due' | 'all'

const SCOPES: { value: Scope; label: string }[] = [
  { value: 'due', label: '待年检' },
  { value: 'all', label: '全部卡片' },
]

type Sheet = { kind: 'inspect'; card: CardView } | { kind: 'status'; card: CardView } | null

const splitPolicies = (text: string): string[] =>
  text
    .split(/[、,，;；\s]+/)
    .map((p) => p.trim())
    .filter(Boolean)

export default function CardsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const year = currentYear()
  const [scope, setScope] = useState<Scope>('due')
  const list = usePaged<CardView>(
    isStaff ? `cards|${scope}|${year}` : null,
    (cursor) => api('listCards', { query: { due: scope === 'due' ? year : undefined, cursor } }),
    (c) => c.id,
  )
  const { reload, loadMore, update } = list

  const [sheet, setSheet] = useState<Sheet>(null)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  // Inspection form
  const [status, setStatus] = useState<EmploymentStatus | ''>('')
  const [policies, setPolicies] = useState<string[]>([])
  const [policyText, setPolicyText] = useState('')
  const [note, setNote] = useState('')
  // Status form
  const [next, setNext] = useState<NextStatus | ''>('')
  const [reason, setReason] = useState('')

  useEffect(() => {
    if (isStaff) void reload()
  }, [isStaff, reload])
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? reload() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const info = session.session
  const mayInspect = mayInspectCards(info.role)
  const { items, loading, error, loaded, nextCursor } = list.state

  const openInspect = (card: CardView) => {
    setStatus('')
    setPolicies([])
    setPolicyText('')
    setNote('')
    setErrors({})
    setSheet({ kind: 'inspect', card })
  }
  const openStatus = (card: CardView) => {
    setNext('')
    setReason('')
    setErrors({})
    setSheet({ kind: 'status', card })
  }

  const addPolicies = () => {
    const more = splitPolicies(policyText)
    if (more.length === 0) return
    setPolicies((p) => [...p, ...more.filter((m) => !p.includes(m))].slice(0, 20))
    setPolicyText('')
    setErrors({})
  }

  const replace = (card: CardView) => update((all) => all.map((c) => (c.id === card.id ? card : c)))

  const failed = (e: unknown) => {
    const code = errorCode(e)
    if (code === 'CARD.ALREADY_INSPECTED' || code === 'CARD.WRONG_STATUS' || code === 'CARD.NOT_FOUND') {
      setSheet(null)
      toastText(errorMessage(e))
      void reload()
      return
    }
    const fields = serverErrors(isApiError(e) ? e.issues : undefined)
    setErrors(Object.keys(fields).length > 0 ? fields : { form: errorMessage(e) })
  }

  const submitInspection = async () => {
    if (busy || sheet?.kind !== 'inspect') return
    if (!status) {
      setErrors({ employmentStatus: '请选择就业状态' })
      return
    }
    const all = [...policies, ...splitPolicies(policyText).filter((p) => !policies.includes(p))]
    const parsed = parseWith(
      cardInspectionSchema,
      { year, employmentStatus: status, policiesVerified: all, note: note.trim() || null },
      { employmentStatus: '就业状态', policiesVerified: '核实的政策', note: '备注' },
    )
    if (!parsed.ok) {
      const first = Object.entries(parsed.errors)[0]
      setErrors(first?.[0].startsWith('policiesVerified') ? { policiesVerified: first[1] } : parsed.errors)
      return
    }
    setBusy(true)
    try {
      const card = await api('inspectCard', { params: { id: sheet.card.id }, body: parsed.data })
      replace(card)
      setSheet(null)
      toastText(`${year} 年度年检已登记`)
    } catch (e) {
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  const submitStatus = async () => {
    if (busy || sheet?.kind !== 'status') return
    if (!next) {
      setErrors({ status: '请选择变更后的状态' })
      return
    }
    const parsed = parseWith(
      cardStatusChangeSchema,
      { status: next, reason: reason.trim() },
      { reason: '原因' },
    )
    if (!parsed.ok) {
      setErrors(parsed.errors)
      return
    }
    setBusy(true)
    try {
      const card = await api('changeCardStatus', { params: { id: sheet.card.id }, body: parsed.data })
      replace(card)
      setSheet(null)
      toastText(`已变更为：${NEXT_LABELS[parsed.data.status]}`)
    } catch (e) {
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  const sheetCard = sheet?.card
  const nextOptions = sheetCard
    ? (CARD_TRANSITIONS[sheetCard.status] as NextStatus[]).map((s) => ({ value: s, label: NEXT_LABELS[s] }))
    : []

  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--tabs">
        <Text className="staff__title">就业援助卡年检</Text>
        <Text className="staff__region">{info.regionName ?? info.region ?? ''}</Text>
        <Text className="wb-head__desc">
          {mayInspect
            ? `${year} 年度年检：核实持卡人就业状态和享受政策后登记；不再符合条件的可变更卡片状态。当年发放的卡从次年起年检。`
            : `${year} 年度年检由社区或街道/镇登记；不再符合条件的卡可在此变更状态。`}
        </Text>
      </View>

      <View className="staff__tabs">
        {SCOPES.map((t) => (
          <View
            key={t.value}
            id={`cards-tab-${t.value}`}
            className={`staff__tab${t.value === scope ? ' staff__tab--on' : ''}`}
            onClick={() => setScope(t.value)}
          >
            {t.label}
          </View>
        ))}
      </View>

      {loading === 'first' && (!list.current || items.length === 0) ? <LoadingView /> : null}
      {error ? <ErrorView id="cards-error" message={error} onRetry={() => void reload()} /> : null}
      {list.current && loaded && !loading && !error && items.length === 0 ? (
        scope === 'due' ? (
          <StateView
            id="cards-empty"
            icon="✓"
            title="年检已全部完成"
            desc={`辖区内没有待 ${year} 年度年检的援助卡`}
          />
        ) : (
          <StateView id="cards-empty" icon="卡" title="暂无援助卡" desc="辖区内还没有发放就业援助卡" />
        )
      ) : null}

      {list.current
        ? items.map((c) => {
            const inspected = c.inspections.find((i) => i.year === year)
            const canInspect =
              mayInspect && !inspected && c.lastInspectedYear < year && INSPECTABLE.includes(c.status)
            const canChange = CARD_TRANSITIONS[c.status].length > 0
            const last = c.inspections.length > 0 ? Math.max(...c.inspections.map((i) => i.year)) : null
            return (
              <View key={c.id} id={`card-${c.id}`} className="list-item card-row">
                <View className="list-item__head">
                  <Text className="task-row__name">{c.holder?.name ?? '持卡人'}</Text>
                  <Text className={`status-badge status-badge--${STATUS_TONE[c.status]}`}>
                    {c.statusLabel}
                  </Text>
                </View>
                <View className="wb-lines card-row__info">
                  <Text>卡号 {c.number}</Text>
                  {c.holder ? <Text>身份证 {c.holder.idNumber}</Text> : null}
                  <Text>
                    {c.communityName ?? '本辖区'} · {formatDate(c.issuedAt)} 发卡
                  </Text>
                  <Text className={inspected ? 'card-row__ok' : 'muted'}>
                    {inspected
                      ? `${year} 年度已年检：${employmentLabel(inspected.employmentStatus)}`
                      : last
                        ? `上次年检 ${last} 年度`
                        : '尚未年检'}
                  </Text>
                </View>
                <View className="card-row__actions">
                  {c.holder ? (
                    <View
                      id={`card-person-${c.id}`}
                      className="btn btn--plain btn--small card-row__btn"
                      hoverClass="btn--hover"
                      onClick={() => c.holder && openPage(personPath(c.holder.personId))}
                    >
                      人员信息
                    </View>
                  ) : null}
                  {canChange ? (
                    <View
                      id={`card-change-${c.id}`}
                      className="btn btn--plain btn--small card-row__btn"
                      hoverClass="btn--hover"
                      onClick={() => openStatus(c)}
                    >
                      变更状态
                    </View>
                  ) : null}
                  {canInspect ? (
                    <View
                      id={`card-inspect-${c.id}`}
                      className="btn btn--primary btn--small card-row__btn"
                      hoverClass="btn--hover"
                      onClick={() => openInspect(c)}
                    >
                      登记年检
                    </View>
                  ) : null}
                </View>
              </View>
            )
          })
        : null}

      {list.current && !error ? (
        <ListFoot
          id="cards-more"
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void loadMore()}
        />
      ) : null}

      <ConfirmSheet
        open={sheet?.kind === 'inspect'}
        title={`登记 ${year} 年度年检`}
        confirmText="登记年检"
        confirmId="inspect-submit"
        busy={busy}
        onConfirm={() => void submitInspection()}
        onCancel={() => setSheet(null)}
      >
        <Text className="wb-sheet__who">
          {sheetCard?.holder?.name ?? '持卡人'} · 卡号 {sheetCard?.number ?? ''}
        </Text>
        <Text className="wb-sheet__label">核实的就业状态</Text>
        <ChoiceChips
          id="inspect-status"
          idPrefix="inspect-status-"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(v) => {
            setStatus(v as EmploymentStatus)
            setErrors({})
          }}
        />
        {errors.employmentStatus ? (
          <Text className="form-field__error">{errors.employmentStatus}</Text>
        ) : null}
        <Text className="wb-sheet__label">核实享受的政策（选填）</Text>
        {policies.length > 0 ? (
          <View className="tags wb-policies">
            {policies.map((p, i) => (
              <View
                key={p}
                id={`inspect-policy-${i}`}
                className="tag tag--accent wb-policy"
                onClick={() => setPolicies((all) => all.filter((x) => x !== p))}
              >
                <Text>{p}</Text>
                <Text className="wb-policy__x"> ×</Text>
              </View>
            ))}
          </View>
        ) : null}
        <View className="wb-policy-row">
          <Input
            id="inspect-policy-input"
            className="form-input"
            type="text"
            maxlength={40}
            value={policyText}
            placeholder="如：社保补贴"
            placeholderClass="form-placeholder"
            confirmType="done"
            onInput={(e) => setPolicyText(e.detail.value)}
            onConfirm={addPolicies}
          />
          <View
            id="inspect-policy-add"
            className="btn btn--ghost btn--small wb-policy-add"
            onClick={addPolicies}
          >
            添加
          </View>
        </View>
        {errors.policiesVerified ? (
          <Text className="form-field__error">{errors.policiesVerified}</Text>
        ) : null}
        <Text className="wb-sheet__label">备注（选填）</Text>
        <Textarea
          id="inspect-note"
          className="form-textarea wb-textarea--short"
          maxlength={300}
          value={note}
          placeholder="如：仍在原单位就业，社保正常缴纳"
          placeholderClass="form-placeholder"
          onInput={(e) => setNote(e.detail.value)}
        />
        {errors.note ? <Text className="form-field__error">{errors.note}</Text> : null}
        {errors.form || errors.year ? (
          <Text className="form-field__error">{errors.form ?? errors.year}</Text>
        ) : null}
      </ConfirmSheet>

      <ConfirmSheet
        open={sheet?.kind === 'status'}
        title="变更援助卡状态"
        confirmText="确认变更"
        confirmId="card-status-submit"
        danger={next === 'revoked' || next === 'returned'}
        busy={busy}
        onConfirm={() => void submitStatus()}
        onCancel={() => setSheet(null)}
      >
        <Text className="wb-sheet__who">
          {sheetCard?.holder?.name ?? '持卡人'} · 现为{sheetCard ? CARD_STATUS_LABELS[sheetCard.status] : ''}
        </Text>
        <Text className="wb-sheet__label">变更为</Text>
        <ChoiceChips
          id="card-next"
          idPrefix="card-next-"
          options={nextOptions}
          value={next}
          onChange={(v) => {
            setNext(v as NextStatus)
            setErrors({})
          }}
        />
        {errors.status ? <Text className="form-field__error">{errors.status}</Text> : null}
        {next && CONSEQUENCES[next] ? <Text className="wb-sheet__warn">{CONSEQUENCES[next]}</Text> : null}
        <Text className="wb-sheet__label">原因（必填，将通知持卡人）</Text>
        <Textarea
          id="card-reason"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={reason}
          placeholder="如：已在某企业稳定就业，由单位保管"
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setReason(e.detail.value)
            setErrors({})
          }}
        />
        {errors.reason ? <Text className="form-field__error">{errors.reason}</Text> : null}
        {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
