import { APPLICATION_TYPES, type ApplicationView } from '@shared/applications/application-types'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api, errorCode, errorMessage } from '../../api/client'
import { ConfirmSheet, KeyValue, StageSteps, StatusBadge, Timeline } from '../../components/Application'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { describeData } from '../../forms/application-fields'
import { dropInvalidToken, isLoginError } from '../../hooks/useMe'
import { formatDate, formatDateTime } from '../../utils/format'
import { goLogin, openPage } from '../../utils/nav'
import { toastError, toastText } from '../../utils/toast'
import './index.scss'

type DetailState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; view: ApplicationView }

/** The reason given with the last rejection, if any. */
const rejectionReason = (view: ApplicationView): string | undefined =>
  [...view.timeline].reverse().find((e) => e.action === 'rejected')?.reason

function Result({ view }: { view: ApplicationView }) {
  const { certificateNo, cardNumber } = view.result ?? {}
  return (
    <View className="card app-detail__result" id="application-result">
      <Text className="app-detail__result-title">审核已通过</Text>
      {certificateNo ? (
        <>
          <Text className="app-detail__result-desc">就业失业登记证编号</Text>
          <Text className="app-detail__result-no">{certificateNo}</Text>
        </>
      ) : null}
      {cardNumber ? (
        <>
          <Text className="app-detail__result-desc">就业援助卡号</Text>
          <Text className="app-detail__result-no">{cardNumber}</Text>
        </>
      ) : null}
      <Text className="app-detail__result-desc">
        {certificateNo || cardNumber
          ? '请凭身份证到所在社区劳动保障工作站领取证件。'
          : '相关待遇将按规定发放，如有疑问请联系所在社区。'}
      </Text>
    </View>
  )
}

export default function ApplicationPage() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const [state, setState] = useState<DetailState>({ status: 'loading' })
  const [confirming, setConfirming] = useState(false)
  const [withdrawing, setWithdrawing] = useState(false)
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      setState({ status: 'not-found' })
      return
    }
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }))
    try {
      const view = await api('getApplication', { params: { id } })
      if (mine === seq.current) setState({ status: 'done', view })
    } catch (e) {
      if (mine !== seq.current) return
      if (isLoginError(e)) {
        dropInvalidToken(e)
        setState({ status: 'anonymous' })
      } else if (errorCode(e).endsWith('NOT_FOUND') || errorCode(e) === 'AUTH.FORBIDDEN') {
        setState({ status: 'not-found' })
      } else setState({ status: 'error', message: errorMessage(e) })
    }
  }, [id])

  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const withdraw = async () => {
    if (withdrawing) return
    setWithdrawing(true)
    try {
      const view = await api('withdrawApplication', { params: { id } })
      seq.current++
      setState({ status: 'done', view })
      setConfirming(false)
      toastText('申请已撤回')
    } catch (e) {
      setConfirming(false)
      toastError(e)
      void load()
    } finally {
      setWithdrawing(false)
    }
  }

  if (state.status === 'loading') {
    return (
      <PageShell className="app-detail">
        <LoadingView />
      </PageShell>
    )
  }
  if (state.status === 'anonymous') {
    return (
      <PageShell className="app-detail">
        <StateView
          icon="登"
          title="请先登录"
          desc="登录后可查看申请进度"
          action={
            <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
              去登录
            </View>
          }
        />
      </PageShell>
    )
  }
  if (state.status === 'not-found') {
    return (
      <PageShell className="app-detail">
        <StateView
          id="application-not-found"
          icon="?"
          title="没有找到这条申请"
          desc="申请可能不存在，或不属于当前登录的账号"
          action={
            <View
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => openPage('/pages/my-applications/index')}
            >
              查看我的申请
            </View>
          }
        />
      </PageShell>
    )
  }
  if (state.status === 'error') {
    return (
      <PageShell className="app-detail">
        <ErrorView id="application-error" message={state.message} onRetry={() => void load()} />
      </PageShell>
    )
  }

  const { view } = state
  const rows = describeData(view.type, view.data)
  const reason = view.status === 'rejected' ? rejectionReason(view) : undefined
  const materials = APPLICATION_TYPES[view.type]?.materials ?? []

  return (
    <PageShell className="app-detail">
      <View className="card">
        <View className="app-detail__head">
          <Text className="app-detail__title">{view.typeLabel}</Text>
          <StatusBadge id="application-status" status={view.status} label={view.statusLabel} />
        </View>
        <Text className="app-detail__meta">
          {formatDateTime(view.createdAt)} 提交{view.communityName ? ` · ${view.communityName}` : ''}
        </Text>
        {view.onBehalf ? (
          <Text className="app-detail__meta" id="application-on-behalf">
            {view.onBehalf.by}代为申请（{view.onBehalf.methodLabel}）
          </Text>
        ) : null}
        <View className="app-detail__steps">
          <StageSteps
            id="application-steps"
            chain={view.chain}
            status={view.status}
            timeline={view.timeline}
          />
        </View>
      </View>

      {view.status === 'waiting_registration' ? (
        <View className="note" id="application-waiting">
          <Text className="note__title">等待失业登记办结</Text>
          <Text>
            {view.type === 'difficulty_certification'
              ? '本业务需先办理失业登记。系统已为您一并发起失业登记申请，登记审核通过后，本申请会自动转入社区初审，无需重新提交。'
              : '本业务需先办理失业登记。失业登记审核通过后，本申请会转入社区初审。'}
          </Text>
          <View
            className="btn btn--ghost btn--small note__action"
            hoverClass="btn--hover"
            onClick={() => openPage('/pages/my-applications/index')}
          >
            查看失业登记进度
          </View>
        </View>
      ) : null}

      {view.notice && (view.status === 'public_notice' || view.status === 'objection_hold') ? (
        <View className="note note--info" id="application-notice">
          <Text className="note__title">
            {view.status === 'objection_hold' ? '公示期内收到异议，正在核实' : '正在公示'}
          </Text>
          <Text>
            公示期 {formatDate(view.notice.startedAt)} 至 {formatDate(view.notice.endsAt)}
            。公示内容仅含姓名（部分隐藏）和申请事项，公示期满无异议后进入下一步审核。
          </Text>
        </View>
      ) : null}

      {view.status === 'approved' ? <Result view={view} /> : null}

      {view.status === 'rejected' ? (
        <View className="note" id="application-rejected">
          <Text className="note__title">未通过审核</Text>
          <Text>{reason ? `原因：${reason}` : '如有疑问，请联系所在社区劳动保障工作站。'}</Text>
        </View>
      ) : null}

      {rows.length > 0 ? (
        <View className="card">
          <Text className="card-title">申请内容</Text>
          {rows.map((r) => (
            <KeyValue key={r.label} label={r.label} value={r.value} />
          ))}
        </View>
      ) : null}

      {view.status !== 'approved' && view.status !== 'rejected' && view.status !== 'withdrawn' ? (
        <View className="card" id="application-originals">
          <Text className="card-title">材料核验</Text>
          <Text className="muted">
            {view.missingMaterials.length
              ? `以下材料未在线上传，请携带原件到社区劳动保障工作站核验：${view.missingMaterials.join('、')}`
              : materials.length
                ? '所需材料已在线上传，审核人员会在线查看；如需核验原件，社区会与您联系。'
                : '本业务无需提交材料。'}
          </Text>
        </View>
      ) : null}

      <View className="card" id="application-timeline">
        <Text className="card-title">办理记录</Text>
        {view.timeline.length > 0 ? (
          <Timeline entries={view.timeline} />
        ) : (
          <Text className="muted">暂无记录</Text>
        )}
      </View>

      {view.canWithdraw ? (
        <View className="app-detail__actions">
          <View
            id="application-withdraw"
            className="btn btn--plain"
            hoverClass="btn--hover"
            onClick={() => setConfirming(true)}
          >
            撤回申请
          </View>
        </View>
      ) : null}

      <ConfirmSheet
        open={confirming}
        title="确定撤回这条申请吗？"
        confirmText="确定撤回"
        confirmId="application-withdraw-confirm"
        danger
        busy={withdrawing}
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirming(false)}
      >
        <Text>撤回后本申请不再继续审核；如仍需办理，可以重新提交。</Text>
      </ConfirmSheet>
    </PageShell>
  )
}
