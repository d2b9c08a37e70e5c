import { type ApplicationView, reviewDecisionSchema } from '@shared/applications/application-types'
import { isStaffRole } from '@shared/auth/identity'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage, openMaterial } from '../../../../api/client'
import { ConfirmSheet, KeyValue, StageSteps, StatusBadge, Timeline } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { describeData } from '../../../../forms/application-fields'
import { parseWith } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { forgetReview, handedOffForReview } from '../../../../store/review-handoff'
import { formatDate, formatDateTime } from '../../../../utils/format'
import { toastError, toastText } from '../../../../utils/toast'
import { staffGate } from '../../StaffGate'
import { DECISION_LABELS, isReviewStage, stagesFor } from '../../stages'
import '../../staff.scss'

type ViewState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; view: ApplicationView }

type Decision = 'approve' | 'reject'

const backToQueue = () => {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: '/packages/staff/pages/reviews/index' })
}

export default function ReviewPage() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const { state: session, reload: reloadSession } = useSession()
  const [state, setState] = useState<ViewState>(() => {
    const handed = handedOffForReview(id)
    return handed ? { status: 'done', view: handed } : { status: 'loading' }
  })
  const [decision, setDecision] = useState<Decision | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState('')
  const [busy, setBusy] = useState(false)
  const [decided, setDecided] = useState(false)
  const seq = useRef(0)

  const isStaff = session.status === 'done' && isStaffRole(session.session.role)

  const load = useCallback(async () => {
    const mine = ++seq.current
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      setState({ status: 'not-found' })
      return
    }
    try {
      const view = await api('getApplication', { params: { id } })
      if (mine === seq.current) setState({ status: 'done', view })
    } catch (e) {
      if (mine !== seq.current) return
      // The queue's copy is good enough to decide on when the detail cannot be fetched.
      setState((s) => {
        if (s.status === 'done') return s
        if (errorCode(e).endsWith('NOT_FOUND') || errorCode(e) === 'AUTH.FORBIDDEN')
          return { status: 'not-found' }
        return { status: 'error', message: errorMessage(e) }
      })
    }
  }, [id])

  useEffect(() => {
    if (isStaff) void load()
  }, [isStaff, load])

  const gate = staffGate(session, () => void reloadSession())
  if (gate || session.status !== 'done') return <PageShell className="staff">{gate}</PageShell>

  if (state.status === 'loading') {
    return (
      <PageShell className="staff">
        <LoadingView />
      </PageShell>
    )
  }
  if (state.status === 'not-found') {
    return (
      <PageShell className="staff">
        <StateView
          id="review-not-found"
          icon="?"
          title="没有找到这条申请"
          desc="申请可能已撤回，或不在您的辖区内"
        />
      </PageShell>
    )
  }
  if (state.status === 'error') {
    return (
      <PageShell className="staff">
        <ErrorView message={state.message} onRetry={() => void load()} />
      </PageShell>
    )
  }

  const { view } = state
  const stage = isReviewStage(view.status) ? view.status : null
  const mayDecide =
    !decided && !view.ownCase && stage !== null && stagesFor(session.session.role).includes(stage)
  const labels = stage ? DECISION_LABELS[stage] : DECISION_LABELS.community_review
  // What each objection says (staff see it; the applicant's timeline only says there was one).
  const objections = view.objections ?? []
  const rows = describeData(view.type, view.data)

  const choose = (d: Decision) => {
    setDecision(d)
    setReasonError('')
  }

  const confirm = async () => {
    if (!decision || busy) return
    if (stage === 'objection_hold' && !reason.trim()) {
      setReasonError('请写明异议的核实情况')
      return
    }
    const parsed = parseWith(
      reviewDecisionSchema,
      { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { reason: '理由' },
    )
    if (!parsed.ok) {
      setReasonError(parsed.errors.reason ?? Object.values(parsed.errors)[0] ?? '请填写理由')
      return
    }
    setBusy(true)
    try {
      const next = await api('review', { params: { id: view.id }, body: parsed.data })
      setDecided(true)
      setDecision(null)
      forgetReview(view.id)
      setState({ status: 'done', view: next })
      toastText(
        stage === 'objection_hold'
          ? decision === 'approve'
            ? '已认定异议不成立，恢复公示'
            : '已认定异议成立，不予通过'
          : decision === 'approve'
            ? '已审核通过'
            : '已作不通过处理',
      )
      setTimeout(backToQueue, 900)
    } catch (e) {
      if (errorCode(e) === 'APPLICATION.WRONG_STAGE') {
        setDecision(null)
        forgetReview(view.id)
        toastText('该申请已由其他人员处理')
        setTimeout(backToQueue, 1200)
      } else setReasonError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className="staff">
      <View className="card">
        <View className="list-item__head">
          <Text className="list-item__title">{view.typeLabel}</Text>
          <StatusBadge id="review-status" status={view.status} label={view.statusLabel} />
        </View>
        <Text className="list-item__meta">
          {formatDateTime(view.createdAt)} 提交{view.communityName ? ` · ${view.communityName}` : ''}
        </Text>
        <View style={{ marginTop: '14px' }}>
          <StageSteps chain={view.chain} status={view.status} timeline={view.timeline} />
        </View>
      </View>

      <View className="card" id="review-applicant">
        <Text className="card-title">申请人</Text>
        {view.applicant ? (
          <>
            <KeyValue label="姓名" value={view.applicant.name} />
            <KeyValue label="身份证号" value={view.applicant.idNumber} />
          </>
        ) : (
          <Text className="muted">申请人信息不可见</Text>
        )}
        <KeyValue label="所在社区" value={view.communityName ?? view.community} />
        {view.registryCheck ? (
          <KeyValue
            id="review-registry-check"
            label="系统核对"
            value={
              <Text className={view.registryCheck.ok ? undefined : 'form-field__error'}>
                {view.registryCheck.ok ? '✓ ' : '✗ '}
                {view.registryCheck.label}：{view.registryCheck.note}
              </Text>
            }
          />
        ) : null}
        {view.onBehalf ? (
          <KeyValue
            id="review-on-behalf"
            label="代为申请"
            value={`${view.onBehalf.by}；${view.onBehalf.methodLabel}${view.onBehalf.note ? `：${view.onBehalf.note}` : ''}`}
          />
        ) : null}
      </View>

      <View className="card" id="review-data">
        <Text className="card-title">申请内容</Text>
        {rows.length > 0 ? (
          rows.map((r) => <KeyValue key={r.label} label={r.label} value={r.value} />)
        ) : (
          <Text className="muted">无</Text>
        )}
      </View>

      <View className="card" id="review-materials">
        <Text className="card-title">申请材料</Text>
        {view.materials.map((m) => (
          <View key={m.fileId} className="list-item__head" id={`review-material-${m.key}`}>
            <Text className="wb-record__line">
              {m.label}：{m.name}
            </Text>
            <View
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => void openMaterial(m.fileId, m.name).catch(toastError)}
            >
              查看
            </View>
          </View>
        ))}
        {view.missingMaterials.length ? (
          <Text className="muted" id="review-materials-missing">
            未上传，需核验原件：{view.missingMaterials.join('、')}
          </Text>
        ) : null}
        {!view.materials.length && !view.missingMaterials.length ? (
          <Text className="muted">无需材料</Text>
        ) : null}
      </View>

      {view.notice ? (
        <View className="note note--info">
          <Text>
            公示期 {formatDate(view.notice.startedAt)} 至 {formatDate(view.notice.endsAt)}
          </Text>
        </View>
      ) : null}

      {objections.length > 0 || stage === 'objection_hold' ? (
        <View className="card" id="review-objections">
          <Text className="card-title">公示异议</Text>
          {objections.length > 0 ? (
            objections.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: timeline entries have no id
              <View key={`${o.at}-${i}`} className="review__objection">
                <Text>{o.reason ?? '（未填写理由）'}</Text>
                <Text className="review__objection-time">{formatDateTime(o.at)}</Text>
              </View>
            ))
          ) : (
            <Text className="muted">暂无异议记录</Text>
          )}
        </View>
      ) : null}

      <View className="card">
        <Text className="card-title">办理记录</Text>
        <Timeline entries={view.timeline} />
      </View>

      {mayDecide ? (
        <View className="review__bar">
          <View
            id="review-reject"
            className="btn btn--plain"
            hoverClass="btn--hover"
            onClick={() => choose('reject')}
          >
            {labels.reject}
          </View>
          <View
            id="review-approve"
            className="btn btn--primary"
            hoverClass="btn--hover"
            onClick={() => choose('approve')}
          >
            {labels.approve}
          </View>
        </View>
      ) : (
        <Text className="review__done" id="review-not-mine">
          {decided
            ? '已处理，正在返回待办列表…'
            : view.ownCase
              ? '这是您本人或家庭成员的申请，须回避：请由同级其他工作人员审核'
              : '该申请当前不在您的审核环节'}
        </Text>
      )}

      <ConfirmSheet
        open={decision !== null}
        title={decision === 'reject' ? `确认${labels.reject}？` : `确认${labels.approve}？`}
        confirmText={
          stage === 'objection_hold'
            ? decision === 'reject'
              ? '确认异议成立'
              : '确认异议不成立'
            : `确认${decision === 'reject' ? labels.reject : labels.approve}`
        }
        confirmId="review-confirm"
        dirty={reason.trim() !== ''}
        danger={decision === 'reject'}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setDecision(null)}
      >
        <Text className="review__reason-label">
          {stage === 'objection_hold'
            ? '核实情况（必填）'
            : decision === 'reject'
              ? '不通过理由（必填，将告知申请人）'
              : '审核意见（选填）'}
        </Text>
        <Textarea
          id="review-reason"
          className="form-textarea"
          maxlength={300}
          value={reason}
          placeholder={decision === 'reject' ? '请写明不通过的原因' : '如：材料齐全，情况属实'}
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setReason(e.detail.value)
            setReasonError('')
          }}
        />
        {reasonError ? <Text className="form-field__error">{reasonError}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
