import type { InterestView } from '@shared/jobs/seeker'
import { Switch, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { openJobDetail } from '../../../../components/JobCard'
import PageShell from '../../../../components/PageShell'
import PolicySubscription from '../../../../components/PolicySubscription'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useMe } from '../../../../hooks/useMe'
import { formatDateTime } from '../../../../utils/format'
import { toastError, toastText } from '../../../../utils/toast'
import { seekerGate } from '../../SeekerGate'
import '../../seeker.scss'

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; items: InterestView[] }

const TONE: Record<string, string> = { hired: 'tag--ok', interview: 'tag--accent', not_hired: 'tag--muted' }

/**
 * 我的应聘: every job the resident said 我要应聘 to and what came of it, and the switch for the
 * daily job pushes (送岗位).
 */
export default function MyInterestsPage() {
  const { state: me, reload: reloadMe, setMe } = useMe()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [saving, setSaving] = useState(false)

  const fetchList = useCallback(async () => {
    try {
      setLoad({ status: 'done', items: (await api('listMyInterests')).items })
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e) })
    }
  }, [])
  const ready = me.status === 'done'
  useEffect(() => {
    if (ready) void fetchList()
  }, [ready, fetchList])
  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), fetchList()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = seekerGate(me, () => void reloadMe(), {
    id: 'interests-gate',
    icon: '聘',
    desc: '报名岗位、接收岗位推送都需要您的实名信息',
  })
  if (gate || me.status !== 'done') return gate

  const pushOn =
    me.me.jobPush === 'on' ||
    (me.me.jobPush !== 'off' &&
      (me.me.employmentStatus === 'unemployed' || Boolean(me.me.returnee?.wantsLocalWork)))
  const togglePush = async (on: boolean) => {
    if (saving) return
    setSaving(true)
    try {
      setMe(await api('setJobPush', { body: { jobPush: on ? 'on' : 'off' } }))
      toastText(on ? '已开启，每天上午推送适合您的新岗位' : '已关闭岗位推送')
    } catch (e) {
      toastError(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell className="seeker">
      <View className="card seeker__switch" id="interests-push">
        <View className="seeker__switch-text">
          <Text className="seeker__switch-title">每日岗位推送</Text>
          <Text className="seeker__switch-desc">
            按您的求职意向，每天上午推送新岗位（每天最多 3 个），可随时关闭
          </Text>
        </View>
        <Switch
          id="interests-push-switch"
          checked={pushOn}
          disabled={saving}
          color="#d4380d"
          onChange={(e) => void togglePush(e.detail.value)}
        />
      </View>
      {pushOn ? <PolicySubscription kind="job" /> : null}
      {load.status === 'loading' ? <LoadingView /> : null}
      {load.status === 'error' ? <ErrorView message={load.message} onRetry={() => void fetchList()} /> : null}
      {load.status === 'done' && load.items.length === 0 ? (
        <StateView
          id="interests-empty"
          icon="聘"
          title="还没有报名的岗位"
          desc="在岗位详情页点“我要应聘”，单位和社区会与您联系"
          action={
            <View
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => void Taro.switchTab({ url: '/pages/jobs/index' })}
            >
              去看岗位
            </View>
          }
        />
      ) : null}
      {load.status === 'done'
        ? load.items.map((i) => (
            <View
              key={i.id}
              id={`interest-${i.jobId}`}
              className="list-item"
              hoverClass="list-item--hover"
              onClick={() => openJobDetail(i.jobId)}
            >
              <View className="list-item__head">
                <Text className="list-item__title">{i.jobTitle}</Text>
                <Text className={`tag ${TONE[i.status] ?? ''}`}>{i.statusLabel}</Text>
              </View>
              {i.jobClosed ? (
                <Text className="interest__closed" id={`interest-closed-${i.jobId}`}>
                  岗位{i.jobClosed}，不再接受报名
                </Text>
              ) : null}
              <Text className="interest__meta">
                {i.employer} · {formatDateTime(i.createdAt)} 报名 ·{' '}
                {i.shareContact ? '已同意单位查看手机号' : '手机号对单位打码'}
              </Text>
              {i.history.length > 1 ? (
                <Text className="interest__step">
                  {i.history.at(-1)!.statusLabel}
                  {i.history.at(-1)!.note ? `：${i.history.at(-1)!.note}` : ''}
                </Text>
              ) : null}
            </View>
          ))
        : null}
    </PageShell>
  )
}
