import { KEY_GROUPS } from '@shared/people/person'
import type { BookingView, SessionView } from '@shared/sessions/session'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorCode, errorMessage } from '../../../../api/client'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { goLogin, goProfile, openPage } from '../../../../utils/nav'
import { toastError, toastText } from '../../../../utils/toast'
import { BOOKING_TONE, formatSpan, formatTimes, SESSION_STATE } from '../../format'
import { MY_BOOKINGS_PATH } from '../../paths'
import '../../sessions.scss'

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; s: SessionView }

/**
 * One session: when, where, who may come and how many seats are left; 预约 in one tap (a time
 * slot first for one-to-one guidance), 候补 when full, and the resident's own booking with its
 * check-in code and 取消预约 until the cut-off.
 */
export default function SessionPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const forPerson = params.person ?? null
  const { state: session } = useSession()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [slot, setSlot] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [booked, setBooked] = useState<BookingView | null>(null)

  const fetchOne = useCallback(async () => {
    try {
      const s = await api('getSession', { params: { id } })
      // Staff booking for a resident see that resident's booking, if one is held already.
      const held = forPerson
        ? (await api('listSessionBookings', { params: { id } })).items.find(
            (b) => b.personId === forPerson && (b.status === 'confirmed' || b.status === 'waiting'),
          )
        : undefined
      setBooked(held ?? null)
      setLoad({ status: 'done', s })
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e) })
    }
  }, [id, forPerson])
  const loggedIn = session.status === 'done'
  useEffect(() => {
    if (loggedIn) void fetchOne()
  }, [loggedIn, fetchOne])
  // Back from 我的预约 (a cancellation there) or anywhere else: the session as it is now.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && loggedIn) void fetchOne()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void fetchOne().finally(() => Taro.stopPullDownRefresh())
  })

  if (session.status === 'anonymous')
    return (
      <PageShell className="sessions">
        <StateView
          id="session-login"
          icon="约"
          title="请先登录"
          desc="登录后查看活动并预约"
          action={
            <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
              去登录
            </View>
          }
        />
      </PageShell>
    )
  if (load.status === 'loading' || session.status === 'loading')
    return (
      <PageShell className="sessions">
        <LoadingView />
      </PageShell>
    )
  if (load.status === 'error')
    return (
      <PageShell className="sessions">
        <ErrorView message={load.message} onRetry={() => void fetchOne()} />
      </PageShell>
    )

  const { s } = load
  const mine = forPerson ? booked : (s.myBooking ?? booked)
  const state =
    s.notForMe && (s.status === 'open' || s.status === 'full')
      ? { text: '不面向您', tone: 'tag--muted' }
      : (SESSION_STATE[s.status] ?? SESSION_STATE.closed!)
  const isStaff = session.status === 'done' && session.session.role !== 'resident'
  // Staff book only for a resident they chose (人员信息 → 代为预约).
  const bookable =
    (s.status === 'open' || s.status === 'full') && !s.notForMe && (!isStaff || Boolean(forPerson))
  const insideCutoff = s.cancelCutoffAt !== null && Date.now() >= Date.parse(s.cancelCutoffAt)
  const full = s.status === 'full'

  const book = async (confirmAttendance = false) => {
    if (busy) return
    if (s.slots.length && !full && !slot) {
      toastText('请先选择一个时段')
      return
    }
    setBusy(true)
    try {
      const made = await api('bookSession', {
        params: { id: s.id },
        body: {
          ...(forPerson ? { personId: forPerson } : {}),
          ...(slot && !full ? { slotId: slot } : {}),
          ...(confirmAttendance ? { confirmAttendance: true } : {}),
        },
      })
      setBooked(made)
      toastText(made.status === 'waiting' ? `已加入候补，第 ${made.waitingPosition} 位` : '预约成功')
      await fetchOne()
    } catch (e) {
      const code = errorCode(e)
      if (code === 'BOOKING.CONFIRM_NEEDED') {
        const ok = await Taro.showModal({
          title: '请确认按时参加',
          content: '您此前有多次预约未到场。预约后请按时参加，不能参加时请提前取消，把名额留给他人。',
          confirmText: '确认参加',
          cancelText: '再想想',
        })
        setBusy(false)
        if (ok.confirm) await book(true)
        return
      }
      if (code === 'PERSON.NOT_REGISTERED') {
        const ok = await Taro.showModal({
          title: '请先填写实名信息',
          content: '预约需要您的实名信息，用于签到和记录服务。',
          confirmText: '去填写',
          cancelText: '取消',
        })
        if (ok.confirm) goProfile()
      } else toastError(e)
      if (code === 'SESSION.SLOT_TAKEN') await fetchOne()
    } finally {
      setBusy(false)
    }
  }

  const cancel = async (b: BookingView) => {
    const ok = await Taro.showModal({
      title: b.status === 'waiting' ? '放弃候补？' : '取消预约？',
      content: b.status === 'waiting' ? '放弃后如再预约需重新排队。' : '取消后名额会让给候补的居民。',
      confirmText: b.status === 'waiting' ? '放弃候补' : '取消预约',
      cancelText: '不取消',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await api('cancelBooking', { params: { id: b.id } })
      setBooked(null)
      toastText('已取消')
      await fetchOne()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }

  const audience = [
    s.regionNames.length ? `${s.regionNames.join('、')}的居民` : '',
    s.keyGroups.map((g) => KEY_GROUPS[g]).join('、'),
  ]
    .filter(Boolean)
    .join('；')

  return (
    <PageShell className="sessions">
      <View className="card" id="session-card">
        <View className="list-item__head">
          <Text className="card-title">{s.title}</Text>
          <Text className={`tag ${state.tone}`}>{state.text}</Text>
        </View>
        {s.status === 'cancelled' ? (
          <View className="note note--info" id="session-cancelled">
            本场活动已由举办单位取消{s.cancelReason ? `：${s.cancelReason}` : ''}。
          </View>
        ) : null}
        <View className="session__row">
          <Text className="session__row-label">类型</Text>
          <Text className="session__row-value">
            {s.kindLabel}
            {s.slots.length ? '（一对一）' : ''}
          </Text>
        </View>
        {s.dates.map((d, i) => (
          <View className="session__row" key={d.startsAt}>
            <Text className="session__row-label">{s.dates.length > 1 ? `第 ${i + 1} 次课` : '时间'}</Text>
            <Text className="session__row-value">{formatSpan(d.startsAt, d.endsAt)}</Text>
          </View>
        ))}
        <View className="session__row">
          <Text className="session__row-label">地点</Text>
          <Text className="session__row-value">{s.place || '线上'}</Text>
        </View>
        {s.onlineLink ? (
          <View className="session__row">
            <Text className="session__row-label">线上链接</Text>
            <Text className="session__row-value" userSelect>
              {s.onlineLink}
            </Text>
          </View>
        ) : null}
        <View className="session__row">
          <Text className="session__row-label">举办单位</Text>
          <Text className="session__row-value">{s.host}</Text>
        </View>
        {s.status === 'cancelled' ? null : (
          <View className="session__row">
            <Text className="session__row-label">名额</Text>
            <Text className="session__row-value" id="session-seats">
              余 {s.remaining}/{s.capacity}
              {s.waiting ? `，${s.waiting} 人候补` : ''}
            </Text>
          </View>
        )}
        <View className="session__row">
          <Text className="session__row-label">面向</Text>
          <Text className="session__row-value">{audience || '所有居民'}</Text>
        </View>
        <View className="session__row">
          <Text className="session__row-label">预约截止</Text>
          <Text className="session__row-value">
            {formatSpan(s.bookingClosesAt, s.bookingClosesAt).split('–')[0]}
          </Text>
        </View>
        {s.description ? <Text className="session__desc">{s.description}</Text> : null}
        {s.notForMe ? (
          <Text className="session__notice" id="session-not-for-me">
            {s.notForMe}，您不能预约。
          </Text>
        ) : null}
        {s.status === 'not_open' ? (
          <Text className="session__notice" id="session-opens">
            {formatSpan(s.bookingOpensAt, s.bookingOpensAt).split('–')[0]} 开放预约，请届时再来。
          </Text>
        ) : null}
        {isStaff && !forPerson && (s.status === 'open' || s.status === 'full') ? (
          <Text className="session__notice" id="session-staff-hint">
            为居民预约：在“人员信息”页点“代为预约指导/培训”，再选择本活动。
          </Text>
        ) : null}
      </View>

      {mine && mine.status !== 'cancelled' ? (
        <View className="card" id="session-my-booking">
          <View className="list-item__head">
            <Text className="card-title">{forPerson ? `${mine.name}的预约` : '我的预约'}</Text>
            <Text className={`tag ${BOOKING_TONE[mine.status] ?? ''}`}>{mine.statusLabel}</Text>
          </View>
          {mine.status === 'waiting' ? (
            <Text className="session__meta">
              候补第 {mine.waitingPosition} 位，有人取消时按顺序递补，递补成功会通知
              {forPerson ? '其本人' : '您'}。
            </Text>
          ) : null}
          {mine.slot ? (
            <Text className="session__meta">
              您的时段：{formatTimes(mine.slot.startsAt, mine.slot.endsAt)}
            </Text>
          ) : null}
          {mine.code && (mine.status === 'confirmed' || mine.status === 'attended') ? (
            <>
              <Text className="booking-code" id="session-code">
                {mine.code}
              </Text>
              <Text className="booking-code__hint">签到码：到场后向工作人员出示或报出</Text>
            </>
          ) : null}
          <View className="session__actions">
            {!forPerson ? (
              <View
                className="btn btn--ghost"
                hoverClass="btn--hover"
                onClick={() => openPage(MY_BOOKINGS_PATH)}
              >
                我的预约
              </View>
            ) : null}
            {mine.canCancel ? (
              <View
                id="session-cancel"
                className={`btn btn--plain${busy ? ' btn--disabled' : ''}`}
                hoverClass="btn--hover"
                onClick={() => void cancel(mine)}
              >
                {mine.status === 'waiting' ? '放弃候补' : '取消预约'}
              </View>
            ) : null}
          </View>
          {mine.status === 'confirmed' && !mine.canCancel ? (
            <Text className="session__meta">已过取消截止时间，如不能参加请联系举办单位。</Text>
          ) : null}
        </View>
      ) : null}

      {(!mine || mine.status === 'cancelled') && bookable ? (
        <>
          {s.slots.length && !full ? (
            <View className="card" id="session-slots">
              <Text className="card-title">选择时段</Text>
              <View className="slots">
                {s.slots.map((x) => (
                  <View
                    key={x.id}
                    id={`session-slot-${x.id}`}
                    className={`slot${x.taken ? ' slot--taken' : ''}${slot === x.id ? ' slot--on' : ''}`}
                    onClick={() => {
                      if (!x.taken) setSlot(x.id)
                    }}
                  >
                    {formatTimes(x.startsAt, x.endsAt)}
                  </View>
                ))}
              </View>
            </View>
          ) : null}
          {insideCutoff ? (
            <Text className="sessions__intro" id="session-inside-cutoff">
              活动即将开始，预约后不能在小程序取消，如不能参加请联系举办单位。
            </Text>
          ) : null}
          <View className="session__actions">
            <View
              id="session-book"
              className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void book()}
            >
              {busy
                ? '提交中…'
                : forPerson
                  ? full
                    ? '为其加入候补'
                    : '为其预约'
                  : full
                    ? '加入候补'
                    : '立即预约'}
            </View>
          </View>
        </>
      ) : null}
    </PageShell>
  )
}
