import type { PolicyNoticeView } from '@shared/policies/policy'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorCode, errorMessage } from '../../api/client'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { formatDate } from '../../utils/format'
import { openPage } from '../../utils/nav'
import { POLICIES_TAB, policyPath } from '../../utils/policy-nav'
import '../policy/index.scss'

type State =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'done'; notice: PolicyNoticeView }

/** One policy notice (政策通知): what is announced, from when, and the policies it is about. */
export default function PolicyNoticePage() {
  const id = useRouter().params.id ?? ''
  const [state, setState] = useState<State>({ status: 'loading' })

  const load = useCallback(async () => {
    if (!/^pn_[a-z0-9_]{1,60}$/.test(id)) return setState({ status: 'not-found' })
    try {
      const notice = await api('getPolicyNotice', { params: { id } })
      setState({ status: 'done', notice })
    } catch (e) {
      setState(
        errorCode(e) === 'POLICY_NOTICE.NOT_FOUND'
          ? { status: 'not-found' }
          : { status: 'error', message: errorMessage(e) },
      )
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  return (
    <PageShell className="policy">
      {state.status === 'loading' ? <LoadingView /> : null}
      {state.status === 'error' ? <ErrorView message={state.message} onRetry={() => void load()} /> : null}
      {state.status === 'not-found' ? (
        <StateView
          id="notice-not-found"
          icon="?"
          title="通知不存在或已撤回"
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
      {state.status === 'done' ? (
        <>
          <View className="card policy__head" id="notice-head">
            <Text className="policy__title">{state.notice.title}</Text>
            <Text className="policy__meta">
              {state.notice.publishedAt ? `${formatDate(state.notice.publishedAt)} 发布` : ''}
            </Text>
            <Text className="policy__text policy__body" id="notice-body">
              {state.notice.body}
            </Text>
          </View>
          <View className="card" id="notice-policies">
            <Text className="card-title">涉及政策</Text>
            {state.notice.policies.map((p) =>
              p.live ? (
                <Text
                  key={p.id}
                  id={`notice-policy-${p.id}`}
                  className="policy__link"
                  onClick={() => openPage(policyPath(p.id))}
                >
                  {p.title}：查看我是否符合 ›
                </Text>
              ) : (
                <Text key={p.id} className="policy__text">
                  {p.title}（已撤回）
                </Text>
              ),
            )}
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
