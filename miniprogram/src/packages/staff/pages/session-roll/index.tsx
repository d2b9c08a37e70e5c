import type { BookingStatus, BookingView, SessionView } from '@shared/sessions/session'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import { ChoiceChips } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { toastError, toastText } from '../../../../utils/toast'
import { BOOKING_TONE, formatSpan, formatTimes } from '../../../sessions/format'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../../sessions/sessions.scss'

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; s: SessionView; items: BookingView[]; counts: Record<BookingStatus, number> }

/**
 * 签到与名单: the host's roll call. Type the code a resident shows (or reads out) or tick a
 * name; a training course is checked in per date. Counts of booked, waiting, attended and
 * no-shows at the top; the seats can be raised (never below those taken).
 */
export default function SessionRollPage() {
  const id = useRouter().params.id ?? ''
  const { state: session, reload } = useSession()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [code, setCode] = useState('')
  const [date, setDate] = useState(0)
  const [busy, setBusy] = useState(false)
  const [capacity, setCapacity] = useState('')
  // 取消活动: the reason sheet, open or not.
  const [calling, setCalling] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState('')

  const fetchAll = useCallback(async () => {
    try {
      const [s, list] = await Promise.all([
        api('getSession', { params: { id } }),
        api('listSessionBookings', { params: { id } }),
      ])
      setLoad({ status: 'done', s, items: list.items, counts: list.counts })
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e) })
    }
  }, [id])
  const ready = session.status === 'done'
  useEffect(() => {
    if (ready) void fetchAll()
  }, [ready, fetchAll])
  usePullDownRefresh(() => {
    void fetchAll().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = staffGate(session, () => void reload(), {
    name: '签到与名单',
    idPrefix: 'session-roll',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>
  if (load.status === 'loading')
    return (
      <PageShell className="staff wb">
        <LoadingView />
      </PageShell>
    )
  if (load.status === 'error')
    return (
      <PageShell className="staff wb">
        <ErrorView message={load.message} onRetry={() => void fetchAll()} />
      </PageShell>
    )

  const { s, items, counts } = load
  const checkIn = async (body: { code?: string; bookingId?: string }) => {
    if (busy) return
    setBusy(true)
    try {
      const done = await api('checkIn', { params: { id: s.id }, body: { ...body, date } })
      toastText(`${done.name} 已签到`)
      setCode('')
      await fetchAll()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const saveCapacity = async () => {
    const n = Number(capacity)
    if (!capacity.trim() || !Number.isInteger(n) || n < 1) {
      toastText('名额应为正整数')
      return
    }
    setBusy(true)
    try {
      await api('changeSessionCapacity', { params: { id: s.id }, body: { capacity: n } })
      toastText('名额已修改')
      setCapacity('')
      await fetchAll()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const callOff = async () => {
    if (reason.trim().length < 2) {
      setReasonError('请填写取消原因（至少 2 个字），会通知已预约的居民')
      return
    }
    setBusy(true)
    try {
      await api('cancelSession', { params: { id: s.id }, body: { reason: reason.trim() } })
      setCalling(false)
      toastText('活动已取消，已通知预约的居民')
      await fetchAll()
    } catch (e) {
      setReasonError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const notBegun = s.status !== 'cancelled' && s.status !== 'ended' && Date.now() < Date.parse(s.startsAt)
  const attendedOn = (b: BookingView) => b.attendedDates.includes(date)
  const opensAt = Date.parse(s.dates[date]?.startsAt ?? s.startsAt) - 3_600_000
  const early = Date.now() < opensAt

  return (
    <PageShell className="staff wb">
      <View className="card" id="roll-session">
        <Text className="card-title">{s.title}</Text>
        <Text className="session__meta">
          {s.kindLabel} · {formatSpan(s.startsAt, s.endsAt)} · {s.place || '线上'}
        </Text>
        <View className="tally" id="roll-counts">
          {(
            [
              ['confirmed', '已预约'],
              ['waiting', '候补'],
              ['attended', '已签到'],
              ['no_show', '未到场'],
            ] as const
          ).map(([k, label]) => (
            <View className="tally__item" key={k} id={`roll-count-${k}`}>
              <Text className="tally__num">{counts[k] ?? 0}</Text>
              <Text className="tally__label">{label}</Text>
            </View>
          ))}
        </View>
        <Text className="session__meta">
          名额 {s.capacity}，已占 {s.booked}
        </Text>
      </View>

      {s.dates.length > 1 ? (
        <View className="sessions__filters">
          <ChoiceChips
            id="roll-dates"
            idPrefix="roll-date-"
            options={s.dates.map((d, i) => ({
              value: String(i),
              label: `第 ${i + 1} 次 ${formatSpan(d.startsAt, d.endsAt).split(' ')[0]}`,
            }))}
            value={String(date)}
            onChange={(v) => setDate(Number(v))}
          />
        </View>
      ) : null}

      {s.status === 'cancelled' ? null : (
        <View className="card" id="roll-checkin">
          <Text className="card-title">按签到码签到</Text>
          {early ? (
            <Text className="session__meta" id="roll-early">
              活动开始前 1 小时起可以签到（
              {formatSpan(new Date(opensAt).toISOString(), new Date(opensAt).toISOString()).split('–')[0]}{' '}
              起）。
            </Text>
          ) : null}
          <View className="inline-row">
            <Input
              id="roll-code"
              className="form-input"
              type="number"
              maxlength={6}
              value={code}
              placeholder="6 位签到码"
              placeholderClass="form-placeholder"
              onInput={(e) => setCode(e.detail.value)}
            />
            <View
              id="roll-code-submit"
              className={`btn btn--primary${busy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => {
                if (!/^\d{6}$/.test(code)) toastText('签到码应为 6 位数字')
                else void checkIn({ code })
              }}
            >
              签到
            </View>
          </View>
        </View>
      )}

      <View className="section-head">
        <Text className="section-title">
          名单（{items.filter((b) => b.status !== 'cancelled').length} 人
          {items.some((b) => b.status === 'cancelled')
            ? `，另有 ${items.filter((b) => b.status === 'cancelled').length} 人已取消`
            : ''}
          ）
        </Text>
      </View>
      {items.map((b) => (
        <View key={b.id} id={`roll-${b.id}`} className="list-item">
          <View className="list-item__head">
            <Text className="list-item__title">
              {b.name}
              {b.code ? ` · ${b.code}` : ''}
            </Text>
            <Text className={`tag ${BOOKING_TONE[b.status] ?? ''}`}>
              {b.status === 'waiting' ? `候补 ${b.waitingPosition}` : b.statusLabel}
            </Text>
          </View>
          <Text className="session__meta">
            {b.communityName ?? ''}
            {b.slot ? ` · ${formatTimes(b.slot.startsAt, b.slot.endsAt)}` : ''} ·{' '}
            {b.byStaff ? '工作人员代约' : '本人预约'}
          </Text>
          {b.status === 'confirmed' ||
          b.status === 'no_show' ||
          (b.status === 'attended' && !attendedOn(b)) ? (
            <View className="session__actions">
              <View
                id={`roll-tick-${b.id}`}
                className={`btn btn--ghost btn--small${busy ? ' btn--disabled' : ''}`}
                hoverClass="btn--hover"
                onClick={() => void checkIn({ bookingId: b.id })}
              >
                {b.status === 'no_show' ? '补签到' : '签到'}
              </View>
            </View>
          ) : null}
        </View>
      ))}

      {s.slots.length === 0 && (s.status === 'open' || s.status === 'full' || s.status === 'not_open') ? (
        <View className="card" id="roll-capacity">
          <Text className="card-title">修改名额</Text>
          <View className="inline-row">
            <Input
              id="roll-capacity-input"
              className="form-input"
              type="digit"
              value={capacity}
              placeholder={`现为 ${s.capacity}`}
              placeholderClass="form-placeholder"
              onInput={(e) => setCapacity(e.detail.value)}
            />
            <View
              id="roll-capacity-save"
              className="btn btn--ghost"
              hoverClass="btn--hover"
              onClick={() => void saveCapacity()}
            >
              保存
            </View>
          </View>
          <Text className="session__meta">增加的名额按候补顺序自动递补。</Text>
        </View>
      ) : null}

      {s.status === 'cancelled' ? (
        <View className="card" id="roll-cancelled">
          <Text className="card-title">活动已取消</Text>
          <Text className="session__meta">
            原因：{s.cancelReason ?? '—'}。已预约和候补的居民都已收到通知。
          </Text>
        </View>
      ) : notBegun ? (
        <View className="card" id="roll-call-off">
          <Text className="card-title">取消活动</Text>
          <Text className="session__meta">活动开始前可取消；已预约和候补的居民会收到取消通知和原因。</Text>
          <View
            id="roll-call-off-open"
            className="btn btn--ghost"
            hoverClass="btn--hover"
            onClick={() => {
              setReason('')
              setReasonError('')
              setCalling(true)
            }}
          >
            取消本场活动
          </View>
        </View>
      ) : null}
      <ConfirmSheet
        open={calling}
        title="取消本场活动？"
        confirmText="确认取消"
        confirmId="roll-call-off-submit"
        dirty={reason.trim() !== ''}
        busy={busy}
        onConfirm={() => void callOff()}
        onCancel={() => setCalling(false)}
      >
        <Text className="wb-sheet__label">取消原因（会发给已预约的居民）</Text>
        <Textarea
          id="roll-call-off-reason"
          className="form-textarea"
          maxlength={200}
          value={reason}
          placeholder="如：讲师临时有事，改期另行通知"
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
