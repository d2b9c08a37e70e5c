import { isStaffRole } from '@shared/auth/identity'
import type { DeductionCandidateView, ReachReply, ReachRow } from '@shared/policies/policy'
import { Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import RoleRegion from '../../../../components/RoleRegion'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { personPath } from '../../followups'
import { lastQuarter, percent, recentQuarters, UNENJOYED_PATH } from '../../policies'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; value: T }

function Bar({ label, rate, kind }: { label: string; rate: number | null; kind: 'know' | 'enjoy' }) {
  return (
    <View className="reach-bar">
      <Text className="reach-bar__label">{label}</Text>
      <View className="reach-bar__track">
        <View
          className={`reach-bar__fill${kind === 'know' ? ' reach-bar__fill--know' : ''}`}
          style={{ width: `${rate ?? 0}%` }}
        />
      </View>
      <Text className="reach-bar__value">{percent(rate)}</Text>
    </View>
  )
}

function Row({ row, onOpen }: { row: ReachRow; onOpen?: () => void }) {
  return (
    <View className="reach-row" id={`reach-row-${row.key}`} onClick={onOpen}>
      <Text className="reach-row__name">
        {row.name}
        {onOpen ? ' ›' : ''}
      </Text>
      <Text className="reach-row__nums">
        符合 {row.targeted} 人 · 已通知 {row.notified} · 已宣讲 {row.explained} · 已申请 {row.applied} ·
        已享受 {row.enjoying}
      </Text>
      <Bar label="知晓率" rate={row.knowRate} kind="know" />
      <Bar label="享受率" rate={row.enjoyRate} kind="enjoy" />
    </View>
  )
}

/**
 * 政策落实情况: for each policy, how many people in my region it is for, and how many know it
 * (read it or were briefed) and enjoy it; one policy by town or community; and, after each
 * quarter, the eligible who did not get a subsidy — deduction candidates the county decides.
 */
export default function PolicyReachPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const role = session.status === 'done' ? session.session.role : null
  const [policyId, setPolicyId] = useState<string | null>(null)
  const [reach, setReach] = useState<Load<ReachReply>>({ status: 'loading' })
  const quarters = recentQuarters()
  const [quarter, setQuarter] = useState(lastQuarter())
  const [candidates, setCandidates] = useState<Load<DeductionCandidateView[]>>({ status: 'loading' })
  const [deciding, setDeciding] = useState<{
    c: DeductionCandidateView
    decision: 'confirm' | 'dismiss'
  } | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    setReach((s) => (s.status === 'done' ? s : { status: 'loading' }))
    try {
      const r = await api('policyReach', { query: policyId ? { policyId } : {} })
      if (mine === seq.current) setReach({ status: 'done', value: r })
    } catch (e) {
      if (mine === seq.current) setReach({ status: 'error', message: errorMessage(e) })
    }
  }, [policyId])

  const loadCandidates = useCallback(async () => {
    try {
      const r = await api('listDeductionCandidates', { query: { quarter } })
      setCandidates({ status: 'done', value: r.items })
    } catch (e) {
      setCandidates({ status: 'error', message: errorMessage(e) })
    }
  }, [quarter])

  useEffect(() => {
    if (isStaff) void load()
  }, [isStaff, load])
  useEffect(() => {
    if (role === 'street' || role === 'county') void loadCandidates()
  }, [role, loadCandidates])
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? load() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const decide = async () => {
    if (!deciding || busy) return
    if (reason.trim().length < 2) return setError('请填写理由')
    setBusy(true)
    try {
      const saved = await api('decideDeductionCandidate', {
        params: { id: deciding.c.id },
        body: { decision: deciding.decision, reason: reason.trim() },
      })
      setCandidates((s) =>
        s.status === 'done'
          ? { status: 'done', value: s.value.map((c) => (c.id === saved.id ? saved : c)) }
          : s,
      )
      toastText(deciding.decision === 'confirm' ? '已确认扣 1 分' : '已排除')
      setDeciding(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const info = session.session
  const value = reach.status === 'done' ? reach.value : null
  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <Text className="staff__title">{value?.policyTitle ?? '政策落实情况'}</Text>
        <RoleRegion info={info} />
        <Text className="wb-head__desc">
          知晓率 = 已阅读或已宣讲 ÷ 符合条件人数；享受率 = 已享受 ÷ 符合条件人数。
        </Text>
        <View className="wb-links">
          {policyId ? (
            <View className="wb-link" hoverClass="btn--hover" onClick={() => setPolicyId(null)}>
              <Text>‹ 全部政策</Text>
            </View>
          ) : null}
          <View
            className="wb-link"
            id="reach-link-unenjoyed"
            hoverClass="btn--hover"
            onClick={() => openPage(UNENJOYED_PATH)}
          >
            <Text>应享未享名单</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
        </View>
      </View>

      <View className="card" id="reach-table">
        {reach.status === 'loading' ? <LoadingView /> : null}
        {reach.status === 'error' ? <ErrorView message={reach.message} onRetry={() => void load()} /> : null}
        {value && value.rows.length === 0 ? <StateView icon="政" title="暂无已发布的政策" /> : null}
        {value?.rows.map((row) => (
          <Row key={row.key} row={row} onOpen={policyId ? undefined : () => setPolicyId(row.key)} />
        ))}
      </View>

      {role === 'street' || role === 'county' ? (
        <View className="card" id="reach-candidates">
          <View className="wb-head__row">
            <Text className="card-title">补贴应享未享（扣分候选）</Text>
            <Picker
              id="reach-quarter"
              mode="selector"
              range={quarters}
              value={Math.max(0, quarters.indexOf(quarter))}
              onChange={(e) => {
                setQuarter(quarters[Number(e.detail.value)] ?? quarter)
                setCandidates({ status: 'loading' })
              }}
            >
              <View className="wb-month" hoverClass="btn--hover">
                <Text>{quarter}</Text>
                <Text className="wb-month__arrow">▾</Text>
              </View>
            </Picker>
          </View>
          <Text className="muted">
            符合条件满 30 天、季末仍未申请的补贴，每项可扣街道/镇 1 分，由县级确认或排除。
          </Text>
          {candidates.status === 'loading' ? <LoadingView /> : null}
          {candidates.status === 'error' ? (
            <ErrorView message={candidates.message} onRetry={() => void loadCandidates()} />
          ) : null}
          {candidates.status === 'done' && candidates.value.length === 0 ? (
            <Text className="rule-preview__line">本季度没有扣分候选。</Text>
          ) : null}
          {candidates.status === 'done'
            ? candidates.value.map((c) => (
                <View key={c.id} className="reach-row" id={`candidate-${c.id}`}>
                  <Text className="reach-row__name" onClick={() => openPage(personPath(c.personId))}>
                    {c.personName} · {c.communityName ?? ''}
                  </Text>
                  <Text className="reach-row__nums">
                    {c.policyTitle} · {formatDate(c.eligibleSince)} 起符合
                  </Text>
                  {c.status === 'candidate' ? (
                    role === 'county' ? (
                      <View className="reach-actions">
                        <View
                          className="btn btn--plain btn--small"
                          hoverClass="btn--hover"
                          onClick={() => {
                            setDeciding({ c, decision: 'dismiss' })
                            setReason('')
                            setError('')
                          }}
                        >
                          排除
                        </View>
                        <View
                          id={`candidate-confirm-${c.id}`}
                          className="btn btn--ghost btn--small"
                          hoverClass="btn--hover"
                          onClick={() => {
                            setDeciding({ c, decision: 'confirm' })
                            setReason('')
                            setError('')
                          }}
                        >
                          确认扣分
                        </View>
                      </View>
                    ) : (
                      <Text className="kg-pending">待县级确认</Text>
                    )
                  ) : (
                    <Text className="reach-row__nums">
                      {c.status === 'confirmed' ? '已确认扣 1 分' : '已排除'}：{c.reason}（{c.decidedBy}）
                    </Text>
                  )}
                </View>
              ))
            : null}
        </View>
      ) : null}

      <ConfirmSheet
        open={deciding !== null}
        title={
          deciding ? `${deciding.decision === 'confirm' ? '确认扣分' : '排除'}：${deciding.c.personName}` : ''
        }
        confirmText={deciding?.decision === 'confirm' ? '确认扣 1 分' : '排除'}
        confirmId="candidate-submit"
        danger={deciding?.decision === 'confirm'}
        busy={busy}
        onConfirm={() => void decide()}
        onCancel={() => setDeciding(null)}
      >
        <Text className="wb-sheet__label">理由</Text>
        <Textarea
          id="candidate-reason"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={reason}
          placeholder={
            deciding?.decision === 'confirm' ? '如：符合条件未宣讲到位' : '如：本人已迁出，另行享受'
          }
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setReason(e.detail.value)
            setError('')
          }}
        />
        {error ? <Text className="form-field__error">{error}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
