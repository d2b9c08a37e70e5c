import { KEY_GROUPS } from '@shared/people/person'
import { SESSION_KINDS, type SessionKind, type SessionView } from '@shared/sessions/session'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ChoiceChips } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { openPage } from '../../../../utils/nav'
import { BOOKING_TONE, formatSpan, SESSION_STATE } from '../../format'
import { MY_BOOKINGS_PATH, sessionPath } from '../../paths'
import '../../sessions.scss'

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; items: SessionView[] }

const KIND_OPTIONS = [
  { value: '', label: '全部' },
  ...(Object.entries(SESSION_KINDS) as [SessionKind, string][]).map(([value, label]) => ({ value, label })),
]

const WHEN_OPTIONS = [
  { value: '', label: '全部时间' },
  { value: 'today', label: '今天' },
  { value: 'week', label: '7 天内' },
]
const DAY = 86_400_000
/** Whether a session starts in the chosen window (China time). */
const inWindow = (startsAt: string, when: string, now: number): boolean => {
  if (!when) return true
  const start = Date.parse(startsAt)
  const today = Math.floor((now + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000 // today's 00:00 in China
  return start < today + (when === 'today' ? 1 : 7) * DAY
}

/**
 * 预约服务: career guidance, training, policy briefings and job fairs near the resident — their
 * own town first — each with its free seats; one tap opens it to book. A coordinator arrives
 * here with `?person=` to book for a resident on the phone.
 */
export default function SessionsPage() {
  const { params } = useRouter()
  const forPerson = params.person ?? null
  const forName = params.name ? decodeURIComponent(params.name) : ''
  const [kind, setKind] = useState('')
  const [when, setWhen] = useState('')
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  const fetchList = useCallback(async (k: string) => {
    try {
      const reply = await api('listSessions', { query: { kind: k || undefined } })
      setLoad({ status: 'done', items: reply.items })
    } catch (e) {
      setLoad({ status: 'error', message: errorMessage(e) })
    }
  }, [])
  useEffect(() => {
    setLoad({ status: 'loading' })
    void fetchList(kind)
  }, [kind, fetchList])
  // Back from a session: its seats (and the resident's booking) may have changed.
  useDidShow(() => {
    if (load.status === 'done') void fetchList(kind)
  })
  usePullDownRefresh(() => {
    void fetchList(kind).finally(() => Taro.stopPullDownRefresh())
  })

  const now = Date.now()
  const shown = load.status === 'done' ? load.items.filter((s) => inWindow(s.startsAt, when, now)) : []
  return (
    <PageShell className="sessions">
      <Text className="sessions__intro">
        {forPerson
          ? `为 ${forName || '该居民'} 预约：选择活动后点“为其预约”。`
          : '职业指导、技能培训、政策宣讲、招聘会，自己选时间预约，到场出示签到码即可。'}
      </Text>
      {!forPerson ? (
        <View className="sessions__filters sessions__mine">
          <View
            id="sessions-mine"
            className="btn btn--ghost btn--small"
            hoverClass="btn--hover"
            onClick={() => openPage(MY_BOOKINGS_PATH)}
          >
            我的预约
          </View>
        </View>
      ) : null}
      <View className="sessions__filters">
        <ChoiceChips
          id="sessions-kinds"
          idPrefix="sessions-kind-"
          options={KIND_OPTIONS}
          value={kind}
          onChange={setKind}
        />
        <ChoiceChips
          id="sessions-when"
          idPrefix="sessions-when-"
          options={WHEN_OPTIONS}
          value={when}
          onChange={setWhen}
        />
      </View>
      {load.status === 'loading' ? <LoadingView /> : null}
      {load.status === 'error' ? (
        <ErrorView message={load.message} onRetry={() => void fetchList(kind)} />
      ) : null}
      {load.status === 'done' && shown.length === 0 ? (
        <StateView
          id="sessions-empty"
          icon="约"
          title={
            kind
              ? `${when ? '所选时间内' : '近期'}没有${SESSION_KINDS[kind as SessionKind]}`
              : `${when ? '所选时间内' : '近期'}没有可预约的活动`
          }
          desc="街道（镇）和县人社部门发布活动后会出现在这里"
        />
      ) : null}
      {load.status === 'done'
        ? shown.map((s) => {
            const state = SESSION_STATE[s.status] ?? SESSION_STATE.closed!
            return (
              <View
                key={s.id}
                id={`session-${s.id}`}
                className="list-item"
                hoverClass="list-item--hover"
                onClick={() => openPage(sessionPath(s.id, forPerson ?? undefined))}
              >
                <View className="list-item__head">
                  <Text className="list-item__title">{s.title}</Text>
                  {s.myBooking ? (
                    <Text className={`tag ${BOOKING_TONE[s.myBooking.status] ?? ''}`}>
                      {s.myBooking.statusLabel}
                    </Text>
                  ) : s.notForMe && (s.status === 'open' || s.status === 'full') ? (
                    <Text className="tag tag--muted">不面向您</Text>
                  ) : (
                    <Text className={`tag ${state.tone}`}>{state.text}</Text>
                  )}
                </View>
                <Text className="session__meta">
                  {s.kindLabel} ·{' '}
                  {formatSpan(s.dates[0]?.startsAt ?? s.startsAt, s.dates[0]?.endsAt ?? s.endsAt)}
                  {s.dates.length > 1 ? `起，共 ${s.dates.length} 次课` : ''}
                </Text>
                <Text className="session__meta">
                  {s.place || '线上'} · {s.host}
                </Text>
                <Text className="session__seats">
                  {s.slots.length ? '一对一 · ' : ''}余 {s.remaining}/{s.capacity} 个名额
                  {s.waiting ? ` · ${s.waiting} 人候补` : ''}
                  {s.notForMe
                    ? ` · ${s.notForMe}`
                    : s.keyGroups.length
                      ? ` · 面向${s.keyGroups.map((g) => KEY_GROUPS[g]).join('、')}`
                      : ''}
                </Text>
              </View>
            )
          })
        : null}
    </PageShell>
  )
}
