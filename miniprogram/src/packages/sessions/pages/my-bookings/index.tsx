import type { BookingView } from '@shared/sessions/session'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import type { MyServicesReply } from '../../../../api/types'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useMe } from '../../../../hooks/useMe'
import { openPage } from '../../../../utils/nav'
import { toastError, toastText } from '../../../../utils/toast'
import { seekerGate } from '../../../seeker/SeekerGate'
import { BOOKING_TONE, formatSpan, formatTimes } from '../../format'
import { SESSIONS_PATH, sessionPath } from '../../paths'
import '../../sessions.scss'

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; items: BookingView[]; services: MyServicesReply }

const KINDS = [
  ['guidance', '职业指导'],
  ['referral', '职业介绍'],
  ['training', '技能培训'],
] as const

/**
 * 我的预约: the coming bookings with their check-in codes (largest on screen), the waiting-list
 * places, cancelling until the cut-off, the past ones with whether they were attended — and at
 * the top the year's 131 services, which attending counts by itself.
 */
export default function MyBookingsPage() {
  const { state: me, reload: reloadMe } = useMe()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [busy, setBusy] = useState<string | null>(null)

  const fetchAll = useCallback(async () => {
    try {
      const [list, services] = await Promise.all([api('listMyBookings'), api('myServices')])
      setLoad({ status: 'done', items: list.items, services })
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e) })
    }
  }, [])
  const ready = me.status === 'done'
  useEffect(() => {
    if (ready) void fetchAll()
  }, [ready, fetchAll])
  useDidShow(() => {
    if (ready && load.status === 'done') void fetchAll()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), fetchAll()]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = seekerGate(me, () => void reloadMe(), {
    id: 'bookings-gate',
    icon: '约',
    desc: '预约活动、查看签到码需要您的实名信息',
  })
  if (gate || me.status !== 'done') return gate

  const cancel = async (b: BookingView) => {
    const ok = await Taro.showModal({
      title: b.status === 'waiting' ? '放弃候补？' : '取消预约？',
      content: b.status === 'waiting' ? '放弃后如再预约需重新排队。' : '取消后名额会让给候补的居民。',
      confirmText: b.status === 'waiting' ? '放弃候补' : '取消预约',
      cancelText: '不取消',
    })
    if (!ok.confirm) return
    setBusy(b.id)
    try {
      await api('cancelBooking', { params: { id: b.id } })
      toastText('已取消')
      await fetchAll()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageShell className="sessions">
      {load.status === 'loading' ? <LoadingView /> : null}
      {load.status === 'error' ? <ErrorView message={load.message} onRetry={() => void fetchAll()} /> : null}
      {load.status === 'done' ? (
        <View className="card" id="bookings-tally">
          <Text className="card-title">{load.services.year} 年已获得的就业服务</Text>
          <View className="tally">
            {KINDS.map(([k, label]) => {
              const got = load.services.counts[k]
              const need = load.services.required[k]
              return (
                <View className="tally__item" key={k} id={`tally-${k}`}>
                  <Text className={`tally__num${got < need ? ' tally__num--short' : ''}`}>
                    {got}/{need}
                  </Text>
                  <Text className="tally__label">{label}</Text>
                </View>
              )
            })}
          </View>
          <Text className="session__meta">
            失业人员每年可享受至少 1 次职业指导、3 次职业介绍、1 次技能培训。
          </Text>
        </View>
      ) : null}
      {load.status === 'done' && load.items.length === 0 ? (
        <StateView
          id="bookings-empty"
          icon="约"
          title="还没有预约"
          desc="职业指导、技能培训、政策宣讲都可以自己预约"
          action={
            <View
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => openPage(SESSIONS_PATH)}
            >
              去预约
            </View>
          }
        />
      ) : null}
      {load.status === 'done'
        ? load.items.map((b) => (
            <View key={b.id} id={`booking-${b.sessionId}`} className="card">
              <View
                className="list-item__head"
                onClick={() => openPage(sessionPath(b.sessionId))}
                hoverClass="list-item--hover"
              >
                <Text className="list-item__title">{b.sessionTitle}</Text>
                <Text className={`tag ${BOOKING_TONE[b.status] ?? ''}`}>{b.statusLabel}</Text>
              </View>
              <Text className="session__meta">
                {b.kindLabel} ·{' '}
                {b.slot
                  ? `${formatSpan(b.startsAt, b.endsAt).split(' ').slice(0, 2).join(' ')} ${formatTimes(b.slot.startsAt, b.slot.endsAt)}`
                  : formatSpan(b.startsAt, b.endsAt)}
              </Text>
              <Text className="session__meta">
                {b.place || '线上'}
                {b.byStaff ? ' · 工作人员代为预约' : ''}
              </Text>
              {b.status === 'waiting' ? (
                <Text className="session__meta">候补第 {b.waitingPosition} 位，递补成功会通知您</Text>
              ) : null}
              {b.status === 'confirmed' && b.code ? (
                <>
                  <Text className="booking-code" id={`booking-code-${b.sessionId}`}>
                    {b.code}
                  </Text>
                  <Text className="booking-code__hint">签到码：到场后向工作人员出示或报出</Text>
                </>
              ) : null}
              {b.canCancel ? (
                <View className="session__actions">
                  <View
                    id={`booking-cancel-${b.sessionId}`}
                    className={`btn btn--plain${busy === b.id ? ' btn--disabled' : ''}`}
                    hoverClass="btn--hover"
                    onClick={() => void cancel(b)}
                  >
                    {b.status === 'waiting' ? '放弃候补' : '取消预约'}
                  </View>
                </View>
              ) : null}
            </View>
          ))
        : null}
    </PageShell>
  )
}
