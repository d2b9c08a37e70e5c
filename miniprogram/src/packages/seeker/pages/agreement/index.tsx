import type { AgreementView } from '@shared/people/agreement'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorCode, errorMessage } from '../../../../api/client'
import { AgreementItems } from '../../../../components/AgreementItems'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useMe } from '../../../../hooks/useMe'
import { formatDate } from '../../../../utils/format'
import { toastText } from '../../../../utils/toast'
import { seekerGate } from '../../SeekerGate'
import '../../seeker.scss'

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; agreement: AgreementView | null }

/**
 * 我的援助协议（一人一策）: what the community and the resident agreed — the goal, the services
 * with their dates, what is done — and 我已阅读并同意 for a new or revised agreement.
 */
export default function MyAgreementPage() {
  const { state: me, reload: reloadMe } = useMe()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [busy, setBusy] = useState(false)
  const personId = me.status === 'done' ? me.me.id : null

  const fetchAgreement = useCallback(async () => {
    if (!personId) return
    try {
      setLoad({ status: 'done', ...(await api('getAgreement', { params: { id: personId } })) })
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e) })
    }
  }, [personId])
  useEffect(() => {
    void fetchAgreement()
  }, [fetchAgreement])
  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), fetchAgreement()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = seekerGate(me, () => void reloadMe(), {
    id: 'agreement-gate',
    icon: '协',
    desc: '就业援助协议与您的实名信息对应',
  })
  if (gate || !personId) return gate

  const sign = async (a: AgreementView) => {
    if (busy) return
    const ok = await Taro.showModal({
      title: '确认援助协议',
      content: `确认同意以上援助目标和 ${a.items.length} 项服务事项？`,
      confirmText: '同意',
      cancelText: '再看看',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      const { agreement } = await api('signAgreement', {
        params: { id: personId },
        body: { method: 'tap', version: a.version },
      })
      setLoad({ status: 'done', agreement })
      toastText('已确认')
    } catch (e) {
      toastText(errorMessage(e))
      // Changed by the community meanwhile: show what is written now.
      if (errorCode(e) === 'AGREEMENT.CHANGED') void fetchAgreement()
    } finally {
      setBusy(false)
    }
  }

  const a = load.status === 'done' ? load.agreement : null
  return (
    <PageShell className="seeker">
      {load.status === 'loading' ? <LoadingView /> : null}
      {load.status === 'error' ? (
        <ErrorView message={load.message} onRetry={() => void fetchAgreement()} />
      ) : null}
      {load.status === 'done' && !a ? (
        <StateView
          id="agreement-none"
          icon="协"
          title="暂无援助协议"
          desc="就业困难人员、零就业家庭成员等援助对象，社区劳动保障协理员会与您商定援助目标和服务，在这里确认。"
        />
      ) : null}
      {a ? (
        <>
          <View className="card" id="agreement-view">
            <View className="list-item__head">
              <Text className="card-title">就业援助协议</Text>
              <Text
                className={`tag ${a.status === 'signed' ? 'tag--ok' : 'tag--accent'}`}
                id="agreement-status"
              >
                {a.statusLabel}
              </Text>
            </View>
            <View>
              <Text className="muted">
                {a.updatedBy} {formatDate(a.updatedAt)} 制定（第 {a.version} 版）
              </Text>
            </View>
            <View className="agreement__goals">
              <Text className="card-title">援助目标</Text>
              <View>
                <Text>{a.goals}</Text>
              </View>
            </View>
          </View>
          <View className="card">
            <Text className="card-title">
              服务事项（已完成 {a.progress.done}/{a.progress.total}）
            </Text>
            <AgreementItems agreement={a} />
          </View>
          {a.signed ? (
            <View className="card">
              <Text className="muted" id="agreement-signed">
                {formatDate(a.signed.at)} {a.signed.methodLabel}
              </Text>
            </View>
          ) : (
            <View className="form-actions">
              <View
                id="agreement-sign"
                className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
                hoverClass="btn--hover"
                onClick={() => void sign(a)}
              >
                {busy ? '提交中…' : '我已阅读并同意'}
              </View>
            </View>
          )}
        </>
      ) : null}
    </PageShell>
  )
}
