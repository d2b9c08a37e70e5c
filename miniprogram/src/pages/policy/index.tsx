import type { PolicyView } from '@shared/policies/policy'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api, errorCode, errorMessage } from '../../api/client'
import { KeyValue } from '../../components/Application'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { NextStepButton, ReasonList, VerdictBadge } from '../../components/Verdict'
import { mayHaveSession } from '../../store/session'
import { formatDate } from '../../utils/format'
import { goLogin, goProfile, openPage } from '../../utils/nav'
import { POLICIES_TAB, policyPath } from '../../utils/policy-nav'
import '../policies/index.scss'
import './index.scss'

type State =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; policy: PolicyView }

const HINT = {
  eligible: '根据您登记的信息，您符合以下全部条件：',
  need_info: '还缺少以下信息才能判断，补充后会重新评估：',
  not_eligible: '您暂不符合，原因如下（情况变化后请更新实名信息）：',
  enjoying: '您正在享受本政策：',
} as const

export default function PolicyPage() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const [state, setState] = useState<State>({ status: 'loading' })
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    if (!/^pol_[a-z0-9_]{1,60}$/.test(id)) {
      setState({ status: 'not-found' })
      return
    }
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }))
    try {
      const policy = await api('getPolicy', { params: { id } })
      if (mine !== seq.current) return
      setState({ status: 'done', policy })
      void Taro.setNavigationBarTitle({ title: policy.title })
    } catch (e) {
      if (mine !== seq.current) return
      setState(
        errorCode(e) === 'POLICY.NOT_FOUND'
          ? { status: 'not-found' }
          : { status: 'error', message: errorMessage(e) },
      )
    }
  }, [id])

  // Back from the profile or an application: the verdict may have changed.
  useDidShow(() => {
    void load()
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (state.status !== 'done') {
    return (
      <PageShell className="policy">
        {state.status === 'loading' ? <LoadingView /> : null}
        {state.status === 'error' ? <ErrorView message={state.message} onRetry={() => void load()} /> : null}
        {state.status === 'not-found' ? (
          <StateView
            id="policy-not-found"
            icon="?"
            title="政策不存在或已撤回"
            desc="请在“政策”中查看现行有效的政策"
            action={
              <View
                className="btn btn--ghost btn--small"
                hoverClass="btn--hover"
                onClick={() => void Taro.switchTab({ url: POLICIES_TAB })}
              >
                去看政策
              </View>
            }
          />
        ) : null}
      </PageShell>
    )
  }

  const p = state.policy
  const mine = p.eligibility
  return (
    <PageShell className="policy">
      <View className="card policy__head" id="policy-head">
        <Text className="policy__title" id="policy-title">
          {p.title}
        </Text>
        <Text className="policy__meta">
          {p.issuer}
          {p.docNumber ? ` · ${p.docNumber}` : ''}
        </Text>
        <Text className="policy__meta">
          {p.effectiveFrom
            ? `${formatDate(p.effectiveFrom)} 起施行`
            : p.publishedAt
              ? `${formatDate(p.publishedAt)} 发布施行`
              : ''}
          {p.effectiveTo ? `，至 ${formatDate(p.effectiveTo)}` : ''}
        </Text>
        <Text className="policy__summary">{p.summary}</Text>
      </View>

      {mine ? (
        <View className={`card policy__mine policy__mine--${mine.verdict}`} id="policy-mine">
          <View className="policy-card__head">
            <Text className="card-title">我的情况</Text>
            <VerdictBadge verdict={mine.verdict} label={mine.verdictLabel} id="policy-verdict" />
          </View>
          <Text className="policy__hint">{HINT[mine.verdict]}</Text>
          <ReasonList reasons={mine.reasons} id="policy-reasons" />
          {mine.nextStep ? (
            <View className="policy__next">
              <NextStepButton step={mine.nextStep} id="policy-next" />
              {mine.nextStep.kind === 'contact' ? (
                <Text className="policy__hint">{mine.nextStep.text}</Text>
              ) : null}
            </View>
          ) : null}
        </View>
      ) : (
        <View className="note note--info" id="policy-login-note">
          <Text>
            {mayHaveSession()
              ? '登记实名信息后，这里会逐条说明您是否符合条件。'
              : '登录并登记实名信息后，这里会逐条说明您是否符合条件。'}
          </Text>
          <View
            className="btn btn--ghost btn--small note__action"
            hoverClass="btn--hover"
            onClick={mayHaveSession() ? goProfile : goLogin}
          >
            {mayHaveSession() ? '去登记' : '去登录'}
          </View>
        </View>
      )}

      <View className="card" id="policy-conditions">
        <Text className="card-title">享受条件</Text>
        {p.conditions.map((c, i) => (
          <View
            // biome-ignore lint/suspicious/noArrayIndexKey: the outline is fixed for one policy version
            key={i}
            className="policy__condition"
            style={c.indent ? { paddingLeft: `${c.indent * 16}px` } : undefined}
          >
            <Text className="policy__bullet">·</Text>
            <Text>{c.text}</Text>
          </View>
        ))}
        <Text className="policy__scope">适用地区：{p.regions.map((r) => r.name).join('、')}</Text>
      </View>

      {p.params.length ? (
        <View className="card" id="policy-params">
          <Text className="card-title">标准与期限</Text>
          {p.params.map((x) => (
            <KeyValue key={x.key} label={x.label} value={`${x.value}${x.unit ? ` ${x.unit}` : ''}`} />
          ))}
        </View>
      ) : null}

      {p.applicationLabel ? (
        <View className="card" id="policy-apply-how">
          <Text className="card-title">办理方式</Text>
          <Text className="policy__text">
            可在“办事”中网上申请「{p.applicationLabel}」，也可到所在社区劳动保障工作站办理。
          </Text>
        </View>
      ) : null}

      {p.excludes.length ? (
        <View className="card" id="policy-excludes">
          <Text className="card-title">不能同时享受</Text>
          <Text className="policy__text">同一月份不能与以下政策重复享受：</Text>
          {p.excludes.map((x) => (
            <Text key={x.id} className="policy__link" onClick={() => openPage(policyPath(x.id))}>
              {x.title} ›
            </Text>
          ))}
        </View>
      ) : null}

      {p.body ? (
        <View className="card" id="policy-body">
          <Text className="card-title">政策原文</Text>
          <Text className="policy__text policy__body">{p.body}</Text>
        </View>
      ) : null}
    </PageShell>
  )
}
