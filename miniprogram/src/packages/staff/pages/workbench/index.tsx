import { isStaffRole } from '@shared/auth/identity'
import type { FollowupTaskView, TaskStatus } from '@shared/followups/followup'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../../../api/client'
import PageShell from '../../../../components/PageShell'
import RoleRegion from '../../../../components/RoleRegion'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { openPage } from '../../../../utils/nav'
import { DigestSubscription } from '../../components/DigestSubscription'
import { ListFoot } from '../../components/ListFoot'
import { TaskRow } from '../../components/TaskRow'
import { usePaged } from '../../components/usePaged'
import {
  CARDS_PATH,
  COUNTY_SETTINGS_PATH,
  currentPeriod,
  DEDUCTIONS_PATH,
  isPeriod,
  lastPickablePeriod,
  mayReport,
  PEOPLE_PATH,
  PLACEMENT_CASES_PATH,
  periodLabel,
  personPath,
  REPORTS_PATH,
  rememberTask,
  SHORT_131_PATH,
} from '../../followups'
import { BIND_REQUESTS_PATH, CLAIMS_PATH, UNENJOYED_PATH } from '../../policies'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

const TABS: { value: TaskStatus; label: string }[] = [
  { value: 'open', label: '待跟踪' },
  { value: 'done', label: '已完成' },
  // 逾期 is the header's count of open tasks past their date; these are months closed undone.
  { value: 'missed', label: '漏跟踪' },
]

const isTab = (value: string | undefined): value is TaskStatus => TABS.some((t) => t.value === value)

/** Counters from each tab's first page: "20+" when there is more. */
interface Counts {
  period: string
  tabs: Record<TaskStatus, string>
  urgent: number
  difficulty: number
  overdue: number
}

const countText = (n: number, more: boolean): string => (more ? `${n}+` : String(n))

export default function WorkbenchPage() {
  const router = useRouter()
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const [period, setPeriod] = useState(() =>
    isPeriod(router.params.period) ? router.params.period : currentPeriod(),
  )
  const [tab, setTab] = useState<TaskStatus>(() =>
    isTab(router.params.status) ? router.params.status : 'open',
  )
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [counts, setCounts] = useState<Counts | null>(null)
  const countSeq = useRef(0)

  // Search as the name is typed, a moment after the last key.
  useEffect(() => {
    const t = setTimeout(() => setQ(search.trim().slice(0, 20)), 400)
    return () => clearTimeout(t)
  }, [search])

  const key = isStaff ? `${period}|${tab}|${q}` : null
  const list = usePaged<FollowupTaskView>(
    key,
    (cursor) => api('listFollowupTasks', { query: { period, status: tab, q, cursor } }),
    (t) => t.id,
  )
  const { reload, loadMore } = list

  const loadCounts = useCallback(async (p: string) => {
    const mine = ++countSeq.current
    try {
      const pages = await Promise.all(
        TABS.map((t) => api('listFollowupTasks', { query: { period: p, status: t.value } })),
      )
      if (mine !== countSeq.current) return
      const [open, done, missed] = pages
      const openItems = open?.items ?? []
      setCounts({
        period: p,
        tabs: {
          open: countText(openItems.length, !!open?.nextCursor),
          done: countText(done?.items.length ?? 0, !!done?.nextCursor),
          missed: countText(missed?.items.length ?? 0, !!missed?.nextCursor),
          exempt: '',
        },
        urgent: openItems.filter((t) => t.priority >= 2).length,
        difficulty: openItems.filter((t) => t.priority === 1).length,
        overdue: openItems.filter((t) => t.overdue).length,
      })
    } catch {
      // The counters are a convenience; the list shows its own error.
      if (mine === countSeq.current) setCounts(null)
    }
  }, [])

  useEffect(() => {
    if (isStaff) void reload()
  }, [isStaff, reload])

  useEffect(() => {
    if (isStaff) void loadCounts(period)
  }, [isStaff, period, loadCounts])

  // Coming back from a follow-up refreshes the list and the counters: the task just done moves.
  const shown = useRef(false)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (isStaff) {
      void reload()
      void loadCounts(period)
    }
  })

  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([
      reloadSession(),
      isStaff ? reload() : undefined,
      isStaff ? loadCounts(period) : undefined,
    ]).finally(() => Taro.stopPullDownRefresh())
  })

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const info = session.session
  const { items, loading, error, loaded, nextCursor } = list.state
  const current = list.current
  const shownCounts = counts?.period === period ? counts : null

  const open = (t: FollowupTaskView) => {
    rememberTask(t)
    openPage(personPath(t.personId, t.id))
  }

  const emptyText = (): { title: string; desc: string } => {
    if (q) return { title: `没有找到“${q}”`, desc: '换个姓名再试，或清空搜索查看全部' }
    if (tab === 'open')
      return shownCounts && shownCounts.tabs.done !== '0'
        ? { title: '本月跟踪已全部完成', desc: `${periodLabel(period)}的跟踪任务都已登记` }
        : { title: '暂无跟踪任务', desc: '每月第一个工作日按就业状态自动生成当月的跟踪任务' }
    if (tab === 'done') return { title: '暂无已完成的跟踪', desc: `${periodLabel(period)}还没有登记跟踪记录` }
    return { title: '没有漏跟踪的任务', desc: '月末仍未跟踪的任务会在这里列出，并计入扣分' }
  }

  return (
    <PageShell className="staff wb">
      <View className="staff__head">
        <View className="wb-head__row">
          <View className="wb-head__who">
            <Text className="staff__title">跟踪服务工作台</Text>
            <RoleRegion info={info} />
          </View>
          <Picker
            id="workbench-month"
            mode="date"
            fields="month"
            value={period}
            start="2021-01"
            end={lastPickablePeriod()}
            onChange={(e) => setPeriod(String(e.detail.value).slice(0, 7))}
          >
            <View className="wb-month" hoverClass="btn--hover">
              <Text>{periodLabel(period)}</Text>
              <Text className="wb-month__arrow">▾</Text>
            </View>
          </Picker>
        </View>

        <View className="wb-stats" id="workbench-stats">
          <View className="wb-stat">
            <Text className="wb-stat__num">{shownCounts?.tabs.open ?? '–'}</Text>
            <Text className="wb-stat__label">待跟踪</Text>
          </View>
          <View className="wb-stat wb-stat--urgent">
            <Text className="wb-stat__num">{shownCounts ? shownCounts.urgent : '–'}</Text>
            <Text className="wb-stat__label">紧急</Text>
          </View>
          <View className="wb-stat wb-stat--warn">
            <Text className="wb-stat__num">{shownCounts ? shownCounts.overdue : '–'}</Text>
            <Text className="wb-stat__label">逾期待办</Text>
          </View>
          <View className="wb-stat wb-stat--ok">
            <Text className="wb-stat__num">{shownCounts?.tabs.done ?? '–'}</Text>
            <Text className="wb-stat__label">已完成</Text>
          </View>
        </View>

        <View className="wb-links">
          <View
            id="workbench-link-people"
            className="wb-link"
            hoverClass="btn--hover"
            onClick={() => openPage(PEOPLE_PATH)}
          >
            <Text>居民查找 · 入户登记</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
          <View
            id="workbench-link-cases"
            className="wb-link"
            hoverClass="btn--hover"
            onClick={() => openPage(PLACEMENT_CASES_PATH)}
          >
            <Text>安置个案</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
          <View
            id="workbench-link-short131"
            className="wb-link"
            hoverClass="btn--hover"
            onClick={() => openPage(SHORT_131_PATH)}
          >
            <Text>131 缺口名单</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
          <View
            id="workbench-link-cards"
            className="wb-link"
            hoverClass="btn--hover"
            onClick={() => openPage(CARDS_PATH)}
          >
            <Text>援助卡年检</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
          <View
            id="workbench-link-unenjoyed"
            className="wb-link"
            hoverClass="btn--hover"
            onClick={() => openPage(UNENJOYED_PATH)}
          >
            <Text>应享未享</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
          <View
            id="workbench-link-claims"
            className="wb-link"
            hoverClass="btn--hover"
            onClick={() => openPage(CLAIMS_PATH)}
          >
            <Text>身份申报确认</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
          {info.role === 'coordinator' || info.role === 'street' ? (
            <View
              id="workbench-link-bind"
              className="wb-link"
              hoverClass="btn--hover"
              onClick={() => openPage(BIND_REQUESTS_PATH)}
            >
              <Text>实名核实（收不到验证码的居民）</Text>
              <Text className="wb-link__arrow">›</Text>
            </View>
          ) : null}
          <View
            id="workbench-link-reports"
            className="wb-link"
            hoverClass="btn--hover"
            onClick={() => openPage(REPORTS_PATH)}
          >
            <Text>报表（一览表·失业率·星级）</Text>
            <Text className="wb-link__arrow">›</Text>
          </View>
          {mayReport(info.role) ? (
            <View
              id="workbench-link-deductions"
              className="wb-link"
              hoverClass="btn--hover"
              onClick={() => openPage(DEDUCTIONS_PATH)}
            >
              <Text>扣分统计</Text>
              <Text className="wb-link__arrow">›</Text>
            </View>
          ) : null}
          {mayReport(info.role) ? (
            <View
              id="workbench-link-county-settings"
              className="wb-link"
              hoverClass="btn--hover"
              onClick={() => openPage(COUNTY_SETTINGS_PATH)}
            >
              <Text>县级参数</Text>
              <Text className="wb-link__arrow">›</Text>
            </View>
          ) : null}
        </View>
      </View>

      <DigestSubscription />

      <View className="staff__tabs">
        {TABS.map((t) => (
          <View
            key={t.value}
            id={`task-tab-${t.value}`}
            className={`staff__tab${t.value === tab ? ' staff__tab--on' : ''}`}
            onClick={() => setTab(t.value)}
          >
            <Text>{t.label}</Text>
            {shownCounts ? <Text className="wb-tab__count">{shownCounts.tabs[t.value]}</Text> : null}
          </View>
        ))}
      </View>

      <View className="wb-search">
        <Input
          id="task-search"
          className="wb-search__input"
          type="text"
          confirmType="search"
          maxlength={20}
          value={search}
          placeholder="按姓名查找"
          placeholderClass="form-placeholder"
          onInput={(e) => setSearch(e.detail.value)}
          onConfirm={(e) => {
            setSearch(e.detail.value)
            setQ(e.detail.value.trim().slice(0, 20))
          }}
        />
        {search ? (
          <View
            id="task-search-clear"
            className="wb-search__clear"
            hoverClass="btn--hover"
            onClick={() => {
              setSearch('')
              setQ('')
            }}
          >
            <Text>×</Text>
          </View>
        ) : null}
      </View>

      {shownCounts && tab === 'open' && shownCounts.overdue > 0 ? (
        <View className="note wb-note" id="workbench-overdue-note">
          <Text>
            有 {shownCounts.overdue}{' '}
            项任务已过截止日期仍未跟踪（排在最前），请尽快联系并登记，未跟踪的将计入扣分。
          </Text>
        </View>
      ) : null}

      {loading === 'first' && (!current || items.length === 0) ? <LoadingView /> : null}
      {error ? <ErrorView id="workbench-error" message={error} onRetry={() => void reload()} /> : null}
      {current && loaded && !loading && !error && items.length === 0 ? (
        <StateView id="workbench-empty" icon={q ? '?' : '✓'} {...emptyText()} />
      ) : null}

      {current
        ? items.map((t) => <TaskRow key={t.id} task={t} period={period} onOpen={() => open(t)} />)
        : null}

      {current && !error ? (
        <ListFoot
          id="workbench-more"
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void loadMore()}
        />
      ) : null}
    </PageShell>
  )
}
