import type { BookingView, SessionView } from '@shared/sessions/session'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Fragment, useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import type { SessionStatsReply } from '../../../../api/types'
import { ChoiceChips } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { openPage } from '../../../../utils/nav'
import { BOOKING_TONE, formatSpan } from '../../../sessions/format'
import { SESSION_EDIT_PATH, SESSIONS_PATH, sessionRollPath } from '../../../sessions/paths'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../../sessions/sessions.scss'

type Tab = 'hosted' | 'region' | 'no_show' | 'stats'
type Load<T> =
  | { status: 'idle' | 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; data: T }

/**
 * 活动与预约: a street/town or county office's own sessions with their seats, waiting list,
 * attendance and no-shows (tap one for the roll call); the no-shows of the caller's region for
 * follow-up; and the no-show rate by kind, self-booked against booked by staff.
 */
export default function StaffSessionsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const role = session.status === 'done' ? session.session.role : null
  const hosts = role === 'street' || role === 'county'
  const isStaff = hosts || role === 'coordinator'
  const [tab, setTab] = useState<Tab | null>(null)
  const [hosted, setHosted] = useState<Load<SessionView[]>>({ status: 'idle' })
  const [stats, setStats] = useState<Load<SessionStatsReply>>({ status: 'idle' })
  const current: Tab = tab ?? (hosts ? 'hosted' : 'region')
  const listed = current === 'no_show' || current === 'region'

  const noShows = usePaged<BookingView>(
    isStaff && listed ? current : null,
    (cursor) =>
      api('listRegionBookings', { query: { status: current === 'no_show' ? 'no_show' : undefined, cursor } }),
    (b) => b.id,
  )
  const fetchHosted = useCallback(async () => {
    setHosted((h) => (h.status === 'done' ? h : { status: 'loading' }))
    try {
      setHosted({ status: 'done', data: (await api('listSessions', { query: { mine: 1 } })).items })
    } catch (e) {
      setHosted({ status: 'error', message: errorMessage(e) })
    }
  }, [])
  const fetchStats = useCallback(async () => {
    setStats({ status: 'loading' })
    try {
      setStats({ status: 'done', data: await api('sessionStats') })
    } catch (e) {
      setStats({ status: 'error', message: errorMessage(e) })
    }
  }, [])
  const reloadNoShows = noShows.reload
  useEffect(() => {
    if (!isStaff) return
    if (current === 'hosted') void fetchHosted()
    if (current === 'no_show' || current === 'region') void reloadNoShows()
    if (current === 'stats') void fetchStats()
  }, [isStaff, current, fetchHosted, reloadNoShows, fetchStats])
  // Back from publishing or a roll call: counts have moved.
  useDidShow(() => {
    if (isStaff && current === 'hosted' && hosted.status === 'done') void fetchHosted()
  })
  useReachBottom(() => {
    if (listed) void noShows.loadMore()
  })
  usePullDownRefresh(() => {
    const again = current === 'hosted' ? fetchHosted() : current === 'stats' ? fetchStats() : noShows.reload()
    void Promise.all([reloadSession(), again]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = staffGate(session, () => void reloadSession(), {
    name: '活动与预约',
    idPrefix: 'staff-sessions',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <View className="wb-head__who">
          <Text className="staff__title">活动与预约</Text>
          <Text className="staff__region">{session.session.regionName ?? ''}</Text>
        </View>
        <Text className="wb-head__desc">
          {hosts
            ? '发布职业指导、技能培训、政策宣讲和招聘会，居民自己预约；到场签到自动计入 131 服务。'
            : '辖区居民预约后未到场的名单，请跟进了解原因；可代行动不便的居民预约。'}
        </Text>
      </View>
      <View className="sessions__filters">
        <ChoiceChips
          id="staff-sessions-tabs"
          idPrefix="staff-sessions-tab-"
          options={[
            ...(hosts ? [{ value: 'hosted', label: '本单位活动' }] : []),
            { value: 'region', label: '辖区预约' },
            { value: 'no_show', label: '未到场名单' },
            ...(hosts ? [{ value: 'stats', label: '未到场率' }] : []),
          ]}
          value={current}
          onChange={(v) => setTab(v as Tab)}
        />
      </View>
      <View className="session__actions">
        {hosts && current === 'hosted' ? (
          <View
            id="staff-sessions-new"
            className="btn btn--primary"
            hoverClass="btn--hover"
            onClick={() => openPage(SESSION_EDIT_PATH)}
          >
            发布活动
          </View>
        ) : null}
        <View
          id="staff-sessions-browse"
          className="btn btn--ghost"
          hoverClass="btn--hover"
          onClick={() => openPage(SESSIONS_PATH)}
        >
          查看可预约活动
        </View>
      </View>

      {current === 'hosted' ? (
        <>
          {hosted.status === 'loading' ? <LoadingView /> : null}
          {hosted.status === 'error' ? (
            <ErrorView message={hosted.message} onRetry={() => void fetchHosted()} />
          ) : null}
          {hosted.status === 'done' && hosted.data.length === 0 ? (
            <StateView
              id="staff-sessions-empty"
              icon="约"
              title="近一个月没有本单位的活动"
              desc="点“发布活动”，居民即可在小程序预约"
            />
          ) : null}
          {hosted.status === 'done'
            ? hosted.data.map((s) => (
                <View
                  key={s.id}
                  id={`staff-session-${s.id}`}
                  className="list-item"
                  hoverClass="list-item--hover"
                  onClick={() => openPage(sessionRollPath(s.id))}
                >
                  <View className="list-item__head">
                    <Text className="list-item__title">{s.title}</Text>
                    <Text
                      className={`tag ${s.status === 'ended' || s.status === 'cancelled' ? 'tag--muted' : 'tag--accent'}`}
                    >
                      {s.status === 'cancelled' ? `${s.kindLabel} · 已取消` : s.kindLabel}
                    </Text>
                  </View>
                  <Text className="session__meta">
                    {formatSpan(s.startsAt, s.endsAt)} · {s.place || '线上'}
                  </Text>
                  <Text className="session__seats">
                    预约 {s.booked}/{s.capacity} · 候补 {s.waiting}
                    {s.status === 'ended' || (s.attended ?? 0) > 0
                      ? ` · 签到 ${s.attended ?? 0} · 未到场 ${s.noShows ?? 0}`
                      : ''}
                  </Text>
                </View>
              ))
            : null}
        </>
      ) : null}

      {listed ? (
        <>
          {noShows.state.loading === 'first' && noShows.state.items.length === 0 ? <LoadingView /> : null}
          {noShows.state.error ? (
            <ErrorView message={noShows.state.error} onRetry={() => void noShows.reload()} />
          ) : null}
          {noShows.state.loaded && !noShows.state.loading && noShows.state.items.length === 0 ? (
            current === 'no_show' ? (
              <StateView
                id="no-shows-empty"
                icon="✓"
                title="没有未到场的预约"
                desc="活动结束 2 小时后，未签到的预约出现在这里"
              />
            ) : (
              <StateView
                id="region-bookings-empty"
                icon="约"
                title="辖区居民还没有预约"
                desc="居民预约后出现在这里"
              />
            )
          ) : null}
          {noShows.state.items.map((b) => (
            <View
              key={b.id}
              id={`region-booking-${b.id}`}
              className="list-item"
              hoverClass="list-item--hover"
              onClick={() =>
                openPage(`/packages/staff/pages/person/index?id=${encodeURIComponent(b.personId)}`)
              }
            >
              <View className="list-item__head">
                <Text className="list-item__title">{b.name}</Text>
                <Text className={`tag ${BOOKING_TONE[b.status] ?? ''}`}>{b.statusLabel}</Text>
              </View>
              <Text className="session__meta">
                {b.communityName ?? ''} · {b.kindLabel}「{b.sessionTitle}」
              </Text>
              <Text className="session__meta">
                {formatSpan(b.startsAt, b.endsAt)} · {b.byStaff ? '工作人员代约' : '本人预约'}
              </Text>
            </View>
          ))}
          {noShows.current && !noShows.state.error ? (
            <ListFoot
              loading={noShows.state.loading === 'more'}
              hasMore={noShows.state.nextCursor !== null}
              count={noShows.state.items.length}
              onMore={() => void noShows.loadMore()}
            />
          ) : null}
        </>
      ) : null}

      {current === 'stats' ? (
        <>
          {stats.status === 'loading' ? <LoadingView /> : null}
          {stats.status === 'error' ? (
            <ErrorView message={stats.message} onRetry={() => void fetchStats()} />
          ) : null}
          {stats.status === 'done' ? (
            <View className="card" id="session-stats">
              <Text className="card-title">近一年已结束的 {stats.data.sessions} 场活动</Text>
              <Text className="session__meta">
                未到场率 = 未到场 ÷（签到 + 未到场）。比较居民自己预约和工作人员代约。
              </Text>
              {stats.data.rows
                .filter((r) => r.kind === 'all' || r.self.booked + r.staff.booked > 0)
                .map((r) => (
                  <View className="session__row" key={r.kind} id={`session-stats-${r.kind}`}>
                    <Text className="session__row-label">{r.kindLabel}</Text>
                    <Text className="session__row-value">
                      {/* Each figure whole: the line breaks between 本人 and 代约, not inside 100%. */}
                      {(
                        [
                          ['本人', r.self],
                          ['代约', r.staff],
                        ] as const
                      ).map(([who, n], i) => (
                        <Fragment key={who}>
                          {/* The separator outside the unbreakable figure: the line may break there. */}
                          {i ? ' · ' : ''}
                          <Text className="nowrap">
                            {who} {n.noShowRate === null ? '—' : `${n.noShowRate}%`}（{n.noShows}/{n.booked}）
                          </Text>
                        </Fragment>
                      ))}
                    </Text>
                  </View>
                ))}
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  )
}
