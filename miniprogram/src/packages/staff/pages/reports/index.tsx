import type { Region } from '@shared/regions/region-code'
import {
  last12Months,
  previousQuarter,
  type Quarter,
  quarterBounds,
  quarterOfDate,
  ROSTER_KINDS,
  type RosterKind,
  STAR_LABELS,
  SUMMARY_COLUMNS,
} from '@shared/reports/report'
import { Input, Picker, ScrollView, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, downloadWorkbook, errorMessage } from '../../../../api/client'
import type {
  AnnualScoreReply,
  CommunityRatingReply,
  DispatchReply,
  TrendsReply,
  UnemploymentRateReply,
} from '../../../../api/types'
import { ChoiceChips } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, formatDateTime } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { toastText } from '../../../../utils/toast'
import BarChart from '../../components/BarChart'
import { currentPeriod, currentYear, DEDUCTIONS_PATH, keyGroupLabel, periodLabel } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

type Tab = 'quarterly' | 'trends' | 'rate' | 'rating' | 'dispatch' | 'score'
const TABS: { value: Tab; label: string; street?: boolean }[] = [
  { value: 'quarterly', label: '季度报表' },
  { value: 'trends', label: '月度趋势' },
  { value: 'rate', label: '登记失业率', street: true },
  { value: 'rating', label: '充分就业社区' },
  { value: 'dispatch', label: '调度' },
  { value: 'score', label: '考核·花名册' },
]

type Load<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; data: T }

/** Load once per key; a newer key wins over a slower older answer. */
const useReport = <T,>(key: string | null, fetch: () => Promise<T>) => {
  const [state, setState] = useState<Load<T>>({ status: 'idle' })
  const seq = useRef(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names everything fetch reads
  const run = useCallback(async () => {
    if (!key) return
    const mine = ++seq.current
    setState({ status: 'loading' })
    try {
      const data = await fetch()
      if (mine === seq.current) setState({ status: 'done', data })
    } catch (e) {
      if (mine === seq.current) setState({ status: 'error', message: errorMessage(e) })
    }
  }, [key])
  useEffect(() => {
    void run()
  }, [run])
  return { state, reload: run }
}

const percent = (v: number | null, digits = 1) => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`)
const month2 = (m: string) => `${Number(m.slice(5, 7))}月`

/** The quarters an officer may ask for: this one (to date) and the seven before it, newest first. */
const recentQuarters = (): Quarter[] => {
  const out: Quarter[] = [quarterOfDate(currentPeriod())]
  while (out.length < 8) out.push(previousQuarter(out.at(-1)!))
  return out
}

/**
 * The quarter to open with: in the first fifteen days after a quarter ends, that quarter (the
 * report due now); otherwise the quarter in progress, to date.
 */
const defaultQuarter = (): Quarter => {
  const today = formatDate(new Date().toISOString())
  const [current, last] = recentQuarters()
  const started = quarterBounds(current!).from
  const days = (Date.parse(today) - Date.parse(started)) / 86_400_000
  return days < 15 ? last! : current!
}

/** This month and the eleven before it, newest first. */
const recentMonths = (): string[] => last12Months(currentPeriod()).reverse()

function Loading<T>({
  id,
  state,
  onRetry,
  children,
}: {
  id: string
  state: Load<T>
  onRetry: () => void
  children: (d: T) => JSX.Element
}) {
  if (state.status === 'loading' || state.status === 'idle') return <LoadingView text="正在统计…" />
  if (state.status === 'error')
    return <ErrorView id={`${id}-error`} message={state.message} onRetry={onRetry} />
  return children(state.data)
}

export default function ReportsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const info = session.status === 'done' ? session.session : null
  const role = info?.role ?? 'resident'
  const home = info?.region ?? ''
  const [tab, setTab] = useState<Tab>('quarterly')
  // A message about a quarter (报表已锁定) opens on that quarter.
  const asked = useRouter().params.quarter
  const [quarter, setQuarter] = useState<Quarter>(() =>
    asked && (recentQuarters() as string[]).includes(asked) ? (asked as Quarter) : defaultQuarter(),
  )
  const [month, setMonth] = useState(currentPeriod())
  const [year, setYear] = useState(currentYear())
  // Where: the officer's own region, or a town / community inside it.
  const [level1, setLevel1] = useState<Region[]>([])
  const [level2, setLevel2] = useState<Region[]>([])
  const [pick1, setPick1] = useState('')
  const [pick2, setPick2] = useState('')
  const region = pick2 || pick1 || home

  useEffect(() => {
    if (!home || role === 'coordinator') return
    api('listRegions', { query: { parent: home } })
      .then((r) => setLevel1(r.items))
      .catch(() => setLevel1([]))
  }, [home, role])
  useEffect(() => {
    setPick2('')
    setLevel2([])
    if (role !== 'county' || !pick1) return
    api('listRegions', { query: { parent: pick1 } })
      .then((r) => setLevel2(r.items))
      .catch(() => setLevel2([]))
  }, [pick1, role])

  const ready = !!info && info.role !== 'resident' && !!home
  const quarterly = useReport(ready && tab === 'quarterly' ? `q:${region}:${quarter}` : null, () =>
    api('quarterlyReport', { query: { region, quarter } }),
  )
  const trends = useReport(ready && tab === 'trends' ? `t:${region}:${month}` : null, () =>
    api('reportTrends', { query: { region, month } }),
  )
  const rateRegion = region.length === 12 ? region.slice(0, 9) : region
  const rate = useReport(ready && tab === 'rate' ? `r:${rateRegion}:${month}` : null, () =>
    api('unemploymentRate', { query: { region: rateRegion, month } }),
  )
  const ratingCommunity = region.length === 12 ? region : ''
  const rating = useReport(
    ready && tab === 'rating' && ratingCommunity ? `c:${ratingCommunity}:${year}` : null,
    () => api('communityRating', { query: { community: ratingCommunity, year } }),
  )
  const [dispatchKind, setDispatchKind] = useState<'month' | 'quarter'>('month')
  const dispatch = useReport(
    ready && tab === 'dispatch'
      ? `d:${region}:${dispatchKind}:${dispatchKind === 'month' ? month : quarter}`
      : null,
    () =>
      api('dispatchReport', { query: { region, ...(dispatchKind === 'month' ? { month } : { quarter }) } }),
  )
  const score = useReport(ready && tab === 'score' ? `s:${region}:${year}` : null, () =>
    api('annualScore', { query: { region, year } }),
  )
  const reloadTab = { quarterly, trends, rate, rating, dispatch, score }[tab].reload

  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), reloadTab()]).finally(() => Taro.stopPullDownRefresh())
  })

  // Half-typed figures (labour force, a rating decision) are asked about before leaving.
  const [dirty, setDirty] = useState(false)

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || !info) return <PageShell className="staff wb">{gate}</PageShell>

  const quarters = recentQuarters()
  const months = recentMonths()
  const years = [currentYear(), currentYear() - 1, currentYear() - 2]
  const tabs = TABS.filter((t) => !t.street || role !== 'coordinator')
  const regionName = (code: string) =>
    code === home
      ? (info.regionName ?? home)
      : ([...level1, ...level2].find((r) => r.code === code)?.name ?? code)

  const picker = (id: string, labels: string[], index: number, onPick: (i: number) => void, text: string) => (
    <Picker
      id={id}
      mode="selector"
      range={labels}
      value={Math.max(0, index)}
      onChange={(e) => onPick(Number(e.detail.value))}
    >
      <View className="wb-month" hoverClass="btn--hover">
        <Text>{text}</Text>
        <Text className="wb-month__arrow">▾</Text>
      </View>
    </Picker>
  )

  const monthPicker = (id: string) =>
    picker(
      id,
      months.map(periodLabel),
      months.indexOf(month),
      (i) => setMonth(months[i] ?? month),
      periodLabel(month),
    )
  const quarterPicker = (id: string) =>
    picker(
      id,
      quarters.map((q) => quarterBounds(q).label),
      quarters.indexOf(quarter),
      (i) => setQuarter(quarters[i] ?? quarter),
      quarterBounds(quarter).label,
    )
  const yearPicker = (id: string) =>
    picker(
      id,
      years.map((y) => `${y}年`),
      years.indexOf(year),
      (i) => setYear(years[i] ?? year),
      `${year}年`,
    )

  const download = async (
    name: 'quarterlyReport' | 'roster',
    query: Record<string, string>,
    filename: string,
  ) => {
    Taro.showLoading({ title: '正在生成…', mask: true })
    try {
      await downloadWorkbook(name, query, filename)
      Taro.hideLoading()
      toastText('已生成，导出已记录')
    } catch (e) {
      Taro.hideLoading()
      toastText(errorMessage(e))
    }
  }

  return (
    <PageShell className="staff wb rp" beforeLeave={() => confirmDiscard(dirty)} guard={dirty}>
      <View className="staff__head wb-head--padded">
        <View className="wb-head__row">
          <View className="wb-head__who">
            <Text className="staff__title">报表</Text>
            <Text className="staff__region" id="reports-region-name">
              {regionName(region)}
            </Text>
          </View>
        </View>
        {role !== 'coordinator' ? (
          <View className="wb-head__row">
            {picker(
              'reports-region',
              [`全部（${info.regionName ?? home}）`, ...level1.map((r) => r.name)],
              pick1 ? level1.findIndex((r) => r.code === pick1) + 1 : 0,
              (i) => setPick1(i === 0 ? '' : (level1[i - 1]?.code ?? '')),
              pick1 ? regionName(pick1) : `全部（${info.regionName ?? home}）`,
            )}
            {level2.length
              ? picker(
                  'reports-community',
                  ['全镇（街道）', ...level2.map((r) => r.name)],
                  pick2 ? level2.findIndex((r) => r.code === pick2) + 1 : 0,
                  (i) => setPick2(i === 0 ? '' : (level2[i - 1]?.code ?? '')),
                  pick2 ? regionName(pick2) : '全镇（街道）',
                )
              : null}
          </View>
        ) : null}
      </View>

      <View className="rp-tabs">
        {tabs.map((t) => (
          <View
            key={t.value}
            id={`reports-tab-${t.value}`}
            className={`rp-tab${t.value === tab ? ' rp-tab--on' : ''}`}
            onClick={() => setTab(t.value)}
          >
            {t.label}
          </View>
        ))}
      </View>

      {tab === 'quarterly' ? (
        <>
          <View className="card">
            <View className="wb-table__title">
              <Text className="card-title">服务重点群体情况一览表</Text>
              {quarterPicker('reports-quarter')}
            </View>
            <Loading id="reports-quarterly" state={quarterly.state} onRetry={() => void quarterly.reload()}>
              {(r) => (
                <View id="reports-quarterly">
                  <Text className="rp-stamp" id="reports-stamp">
                    {r.regionName} · {r.from} 至 {r.to} ·{' '}
                    {r.source === 'frozen'
                      ? `已锁定（${formatDate(r.computedAt)}），后续修改不影响已报送报表`
                      : r.partial
                        ? '本季度尚未结束，数据截至现在'
                        : '实时统计（季度报表锁定后以锁定数据为准）'}{' '}
                    · 数据版本 {r.dataVersion}
                  </Text>
                  <ScrollView scrollX className="rp-scroll" id="reports-summary">
                    <View className="rp-grid">
                      <View className="rp-grid__row">
                        <Text className="rp-grid__cell rp-grid__cell--head rp-grid__cell--name">
                          人员类别
                        </Text>
                        {SUMMARY_COLUMNS.map((c) => (
                          <Text key={c.key} className="rp-grid__cell rp-grid__cell--head">
                            {c.label}
                            {'\n'}（{c.unit}）
                          </Text>
                        ))}
                      </View>
                      {r.summary.map((s) => (
                        <View
                          key={s.group}
                          id={`reports-row-${s.group}`}
                          className={`rp-grid__row${s.group === 'total' ? ' rp-grid__row--total' : ''}`}
                        >
                          <Text className="rp-grid__cell rp-grid__cell--name">{s.label}</Text>
                          {SUMMARY_COLUMNS.map((c) => (
                            <Text key={c.key} className="rp-grid__cell">
                              {s[c.key]}
                            </Text>
                          ))}
                        </View>
                      ))}
                    </View>
                  </ScrollView>
                  <Text className="rp-stamp">
                    合计为各类人员人次之和；去重后共 {r.distinctPersons} 人。左右滑动查看全部列。
                  </Text>
                  <View className="rp-actions">
                    <View
                      id="reports-download"
                      className="btn btn--primary btn--small"
                      hoverClass="btn--hover"
                      onClick={() =>
                        void download(
                          'quarterlyReport',
                          { region, quarter },
                          `服务重点群体情况一览表_${r.regionName ?? region}_${quarter}.xlsx`,
                        )
                      }
                    >
                      下载 Excel（一览表 + 明细表）
                    </View>
                  </View>
                </View>
              )}
            </Loading>
          </View>
          {quarterly.state.status === 'done' ? (
            <View className="card" id="reports-details">
              <View className="wb-table__title">
                <Text className="card-title">明细表</Text>
                <Text className="muted">{quarterly.state.data.details.length} 人</Text>
              </View>
              {quarterly.state.data.details.length === 0 ? (
                <Text className="muted">本季度辖区内没有重点群体人员</Text>
              ) : null}
              {quarterly.state.data.details.slice(0, 30).map((d) => (
                <View key={d.personId} className="rp-person" id={`reports-person-${d.personId}`}>
                  <View className="rp-person__head">
                    <Text>{d.name}</Text>
                    <Text className="muted">{d.idNumberMasked}</Text>
                  </View>
                  <Text className="muted">
                    {d.communityName} · {d.groups.map(keyGroupLabel).join('、')} · {d.employmentStatus}
                  </Text>
                  <Text>
                    跟踪 {d.followupsDone}/{d.followupsDue}
                    {d.followupsMissed ? `（漏 ${d.followupsMissed}）` : ''} · 指导 {d.guidance} · 介绍{' '}
                    {d.referral} · 培训 {d.training}
                    {d.employedInQuarter ? ' · 本季度就业' : ''}
                  </Text>
                  {d.note ? <Text className="tag tag--accent">{d.note}</Text> : null}
                </View>
              ))}
              {quarterly.state.data.details.length > 30 ? (
                <Text className="rp-stamp">仅显示前 30 人，完整明细请下载 Excel。</Text>
              ) : null}
            </View>
          ) : null}
        </>
      ) : null}

      {tab === 'trends' ? (
        <View className="card">
          <View className="wb-table__title">
            <Text className="card-title">近 12 个月</Text>
            {monthPicker('reports-month')}
          </View>
          <Loading id="reports-trends" state={trends.state} onRetry={() => void trends.reload()}>
            {(t: TrendsReply) => <Trends t={t} />}
          </Loading>
        </View>
      ) : null}

      {tab === 'rate' ? (
        <RateTab
          state={rate.state}
          reload={() => void rate.reload()}
          month={month}
          monthPicker={monthPicker('reports-rate-month')}
          town={rateRegion}
          mayEnter={rateRegion.length === 9}
          setDirty={setDirty}
        />
      ) : null}

      {tab === 'rating' ? (
        ratingCommunity ? (
          <RatingTab
            state={rating.state}
            reload={() => void rating.reload()}
            yearPicker={yearPicker('reports-rating-year')}
            mayDecide={role === 'county'}
            setDirty={setDirty}
          />
        ) : (
          <StateView
            id="reports-rating-pick"
            icon="社"
            title="请先选择社区"
            desc="充分就业社区按社区逐项评定：在上方选择镇（街道）和社区。"
          />
        )
      ) : null}

      {tab === 'dispatch' ? (
        <View className="card">
          <View className="wb-table__title">
            <ChoiceChips
              id="reports-dispatch-kind"
              idPrefix="reports-dispatch-"
              options={[
                { value: 'month', label: '零就业家庭月调度' },
                { value: 'quarter', label: '困难人员季度调度' },
              ]}
              value={dispatchKind}
              onChange={(v) => setDispatchKind(v as 'month' | 'quarter')}
            />
          </View>
          <View className="rp-row">
            {dispatchKind === 'month'
              ? monthPicker('reports-dispatch-month-picker')
              : quarterPicker('reports-dispatch-quarter-picker')}
          </View>
          <Loading id="reports-dispatch" state={dispatch.state} onRetry={() => void dispatch.reload()}>
            {(d: DispatchReply) => <Dispatch d={d} />}
          </Loading>
        </View>
      ) : null}

      {tab === 'score' ? (
        <>
          <View className="card">
            <View className="wb-table__title">
              <Text className="card-title">年度考核得分</Text>
              {yearPicker('reports-year')}
            </View>
            <Loading id="reports-score" state={score.state} onRetry={() => void score.reload()}>
              {(s: AnnualScoreReply) => <Score s={s} details={role !== 'coordinator'} />}
            </Loading>
          </View>
          <View className="card" id="reports-rosters">
            <Text className="card-title">花名册</Text>
            <Text className="muted">导出本辖区名单（身份证号、电话已脱敏），每次导出都会记录。</Text>
            <View className="rp-actions">
              {(Object.keys(ROSTER_KINDS) as RosterKind[]).map((kind) => (
                <View
                  key={kind}
                  id={`reports-roster-${kind}`}
                  className="btn btn--ghost btn--small"
                  hoverClass="btn--hover"
                  onClick={() =>
                    void download(
                      'roster',
                      { region, kind },
                      `${ROSTER_KINDS[kind]}_${regionName(region)}.xlsx`,
                    )
                  }
                >
                  {ROSTER_KINDS[kind]}
                </View>
              ))}
            </View>
          </View>
        </>
      ) : null}
    </PageShell>
  )
}

function Trends({ t }: { t: TrendsReply }) {
  const last = t.months.at(-1)!
  return (
    <View id="reports-trends">
      <Text className="card-title rp-chart-title">跟踪服务</Text>
      <Text className="muted rp-line">
        {periodLabel(last.month)}：应跟踪 {last.followupsDue} 人次，已跟踪 {last.followupsDone}，漏跟踪{' '}
        {last.followupsMissed}
      </Text>
      <BarChart
        id="reports-chart-followups"
        bars={t.months.map((m) => ({
          label: month2(m.month),
          caption: m.onTimeRate === null ? '' : percent(m.onTimeRate, 0),
          parts: [
            { value: m.followupsDone, tone: 'ok' },
            { value: m.followupsMissed, tone: 'bad' },
            { value: Math.max(0, m.followupsDue - m.followupsDone - m.followupsMissed), tone: 'muted' },
          ],
        }))}
        legend={[
          { tone: 'ok', label: '已跟踪' },
          { tone: 'bad', label: '漏跟踪' },
          { tone: 'muted', label: '待跟踪' },
        ]}
      />
      <Text className="card-title rp-chart-title">托底安置（零就业家庭、72 小时）</Text>
      <BarChart
        id="reports-chart-placements"
        bars={t.months.map((m) => ({
          label: month2(m.month),
          caption: String(m.placements),
          parts: [{ value: m.placements, tone: 'main' }],
        }))}
        legend={[{ tone: 'main', label: '安置户（人）数' }]}
      />
      <Text className="card-title rp-chart-title">政策知晓率、享受率（月末）</Text>
      <BarChart
        id="reports-chart-policies"
        max={1}
        bars={t.months.map((m) => ({
          label: month2(m.month),
          caption: percent(m.knowRate, 0),
          parts: [
            { value: m.enjoyRate ?? 0, tone: 'ok' },
            { value: Math.max(0, (m.knowRate ?? 0) - (m.enjoyRate ?? 0)), tone: 'muted' },
          ],
        }))}
        legend={[
          { tone: 'ok', label: '已享受' },
          { tone: 'muted', label: '已知晓未享受' },
        ]}
      />
      <Text className="card-title rp-chart-title">指导活动预约与到场</Text>
      <BarChart
        id="reports-chart-bookings"
        bars={t.months.map((m) => ({
          label: month2(m.month),
          caption: String(m.bookings),
          parts: [
            { value: m.attended, tone: 'ok' },
            { value: Math.max(0, m.bookings - m.attended), tone: 'muted' },
          ],
        }))}
        legend={[
          { tone: 'ok', label: '到场' },
          { tone: 'muted', label: '预约未到场或未开始' },
        ]}
      />
      <Text className="rp-stamp">统计时间 {formatDateTime(t.computedAt)}</Text>
    </View>
  )
}

function RateTab({
  state,
  reload,
  month,
  monthPicker,
  town,
  mayEnter,
  setDirty,
}: {
  state: Load<UnemploymentRateReply>
  reload: () => void
  month: string
  /** The page's month picker: the month is the page's, shared with the other tabs. */
  monthPicker: JSX.Element
  town: string
  mayEnter: boolean
  setDirty: (d: boolean) => void
}) {
  const [employed, setEmployed] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => setDirty(employed !== ''), [employed, setDirty])
  const save = async () => {
    if (busy) return
    // Typed as text and checked here: a number box would quietly drop a minus sign or a point.
    const n = Number(employed.trim())
    if (!/^\d{1,8}$/.test(employed.trim()) || n < 1) {
      setError('请填写城镇从业人员数：大于 0 的整数，单位：人')
      toastText('请填写大于 0 的整数')
      return
    }
    setBusy(true)
    try {
      await api('setLabourForce', { body: { region: town, entries: [{ month, employed: n }] } })
      setEmployed('')
      setError('')
      toastText('已保存')
      reload()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card">
      <View className="wb-table__title">
        <Text className="card-title">城镇登记失业率</Text>
        {monthPicker}
      </View>
      <Loading id="reports-rate" state={state} onRetry={reload}>
        {(r) => (
          <View id="reports-rate">
            <Text
              className={`rp-big${r.above ? ' rp-big--bad' : r.rate !== null ? ' rp-big--ok' : ''}`}
              id="reports-rate-value"
            >
              {r.rate === null ? '—' : percent(r.rate, 2)}
            </Text>
            <Text className="muted">
              {r.regionName} · 登记失业 {r.registeredUnemployed} 人 ÷（登记失业 + 城镇从业{' '}
              {r.labourForce ?? '未填报'}
              {r.labourForce !== null && r.labourForceMonth !== r.month
                ? `（沿用${periodLabel(r.labourForceMonth!)}）`
                : ''}
              ） · 控制线 {percent(r.threshold, 2)}
            </Text>
            {r.above ? (
              <View className="note wb-note" id="reports-rate-above">
                <Text>超过县定控制线 {percent(r.threshold, 2)}，请核实登记失业人员并加强就业援助。</Text>
              </View>
            ) : null}
            {r.rate === null ? (
              <View className="note wb-note">
                <Text>尚未填报城镇从业人员数，无法计算失业率。</Text>
              </View>
            ) : null}
            {r.missingTowns.length ? (
              <View className="note wb-note" id="reports-rate-missing">
                <Text>
                  仅含已填报的镇（街道）；{r.missingTowns.length} 个尚未填报：{r.missingTowns.join('、')}。
                </Text>
              </View>
            ) : null}
            <BarChart
              id="reports-chart-rate"
              threshold={{ value: r.threshold, label: '' }}
              bars={r.trend.map((m) => ({
                label: month2(m.month),
                caption: m.rate === null ? '—' : percent(m.rate, 1),
                flagged: m.above,
                parts: [{ value: m.rate ?? 0, tone: m.above ? 'bad' : 'main' }],
              }))}
              legend={[
                { tone: 'main', label: '登记失业率' },
                { tone: 'bad', label: '超过控制线' },
                { tone: 'line', label: `控制线 ${percent(r.threshold, 2)}` },
              ]}
            />
          </View>
        )}
      </Loading>
      {mayEnter ? (
        <View id="reports-labour-force">
          <Text className="card-title rp-chart-title">填报{periodLabel(month)}城镇从业人员数</Text>
          <View className="rp-entry">
            <Input
              id="reports-labour-input"
              className="form-input"
              type="text"
              maxlength={9}
              placeholder="人数"
              value={employed}
              onInput={(e) => {
                setEmployed(e.detail.value)
                setError('')
              }}
            />
            <Text>人</Text>
            <View
              id="reports-labour-save"
              className="btn btn--primary btn--small"
              hoverClass="btn--hover"
              onClick={() => void save()}
            >
              {busy ? '保存中…' : '保存'}
            </View>
          </View>
          {error ? (
            <Text className="form-field__error" id="reports-labour-error">
              {error}
            </Text>
          ) : null}
          <Text className="rp-stamp">未填报的月份沿用此前最近一次填报的人数。</Text>
        </View>
      ) : (
        <Text className="rp-stamp">
          失业率按镇（街道）填报和统计；选择一个镇（街道）可填报城镇从业人员数。
        </Text>
      )}
    </View>
  )
}

function RatingTab({
  state,
  reload,
  yearPicker,
  mayDecide,
  setDirty,
}: {
  state: Load<CommunityRatingReply>
  reload: () => void
  yearPicker: JSX.Element
  mayDecide: boolean
  setDirty: (d: boolean) => void
}) {
  const [open, setOpen] = useState<string | null>(null)
  const [level, setLevel] = useState<string>('')
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => setDirty(level !== '' || note !== ''), [level, note, setDirty])
  return (
    <View className="card">
      <View className="wb-table__title">
        <Text className="card-title">充分就业社区评定</Text>
        {yearPicker}
      </View>
      <Loading id="reports-rating" state={state} onRetry={reload}>
        {(r) => {
          const decide = async () => {
            if (busy) return
            if (!level) return setError('请选择评定等级')
            if (note.trim().length < 2) return setError('请填写评定意见')
            // Above what the criteria propose: ask once, the note says why.
            if (Number(level) > r.proposed) {
              const ok = await Taro.showModal({
                title: '高于测算等级',
                content: `按县定标准测算为${r.proposedLabel}，确定评定为${STAR_LABELS[Number(level) as 0 | 3 | 4 | 5]}？评定意见将一并记录。`,
                confirmText: '确定评定',
                cancelText: '再看看',
              })
              if (!ok.confirm) return
            }
            setBusy(true)
            try {
              await api('decideCommunityRating', {
                body: { community: r.community, year: r.year, level: Number(level), note: note.trim() },
              })
              setLevel('')
              setNote('')
              setError('')
              toastText('已记录评定结果')
              reload()
            } catch (e) {
              setError(errorMessage(e))
            } finally {
              setBusy(false)
            }
          }
          return (
            <View id="reports-rating">
              <Text className="muted">
                {r.communityName} · 统计至 {r.asOf}
              </Text>
              <Text className="rp-big" id="reports-rating-proposed">
                {r.proposedLabel}
              </Text>
              <Text className="muted">按县定标准测算的建议等级{r.decision ? '' : '（县级尚未评定）'}</Text>
              {r.decision ? (
                <View className="note wb-note" id="reports-rating-decision">
                  <Text>
                    县级评定：{r.decision.label} · {r.decision.note}（{r.decision.by}，
                    {formatDateTime(r.decision.at)}）
                  </Text>
                  {r.decision.history.map((h) => (
                    <Text key={h.at} className="rp-line muted">
                      此前：{h.label} · {h.note}（{h.by}，{formatDateTime(h.at)}）
                    </Text>
                  ))}
                </View>
              ) : null}
              {r.criteria.map((c) => (
                <View key={c.key} className="rp-criterion" id={`reports-criterion-${c.key}`}>
                  <View className="rp-criterion__head">
                    <Text>{c.label}</Text>
                    <Text className="rp-criterion__value">
                      {c.key === 'zeroHouseholds' ? `${c.value} 户` : percent(c.value, 1)}
                    </Text>
                  </View>
                  <Text className="muted">
                    {c.key === 'zeroHouseholds'
                      ? '未安置的零就业家庭'
                      : `应计 ${c.counts.base} 人，差 ${c.counts.short} 人`}
                  </Text>
                  <View className="rp-levels">
                    {c.levels.map((l) => (
                      <Text key={l.level} className={`tag ${l.met ? 'tag--ok' : 'tag--muted'}`}>
                        {l.level}★ {c.key === 'zeroHouseholds' ? `≤${l.need} 户` : `≥${percent(l.need, 0)}`}{' '}
                        {l.met ? '达标' : '未达'}
                      </Text>
                    ))}
                  </View>
                  {c.evidence.length ? (
                    <View
                      id={`reports-evidence-toggle-${c.key}`}
                      className="btn btn--plain btn--small"
                      onClick={() => setOpen(open === c.key ? null : c.key)}
                    >
                      {open === c.key ? '收起名单' : `查看名单（${c.evidence.length}）`}
                    </View>
                  ) : null}
                  {open === c.key
                    ? c.evidence.map((e) => (
                        <View key={`${c.key}-${e.personId}-${e.name}`} className="rp-person">
                          <View className="rp-person__head">
                            <Text>{e.name}</Text>
                            <Text className="muted">{e.idNumberMasked}</Text>
                          </View>
                          <Text className="muted">{e.note}</Text>
                        </View>
                      ))
                    : null}
                </View>
              ))}
              {mayDecide ? (
                <View id="reports-rating-form">
                  <Text className="card-title rp-chart-title">县级评定（{r.year} 年度）</Text>
                  <ChoiceChips
                    id="reports-rating-level"
                    idPrefix="reports-rating-level-"
                    options={[0, 3, 4, 5].map((l) => ({
                      value: String(l),
                      label: STAR_LABELS[l as 0 | 3 | 4 | 5],
                    }))}
                    value={level}
                    onChange={(v) => {
                      setLevel(v)
                      setError('')
                    }}
                  />
                  <Textarea
                    id="reports-rating-note"
                    className="form-textarea"
                    maxlength={300}
                    placeholder="评定意见（如：各项指标达到三星标准）"
                    value={note}
                    onInput={(e) => {
                      setNote(e.detail.value)
                      setError('')
                    }}
                  />
                  {error ? (
                    <Text className="form-field__error" id="reports-rating-error">
                      {error}
                    </Text>
                  ) : null}
                  <View
                    id="reports-rating-save"
                    className="btn btn--primary btn--small"
                    hoverClass="btn--hover"
                    onClick={() => void decide()}
                  >
                    {busy ? '保存中…' : '记录评定结果'}
                  </View>
                </View>
              ) : null}
            </View>
          )
        }}
      </Loading>
    </View>
  )
}

function Dispatch({ d }: { d: DispatchReply }) {
  const rows = [...d.rows.map((r) => ({ ...r, key: r.town })), { ...d.total, key: 'total' }]
  return (
    <View id="reports-dispatch">
      <Text className="muted">{d.title}</Text>
      <ScrollView scrollX className="rp-scroll">
        <View className="rp-grid">
          <View className="rp-grid__row">
            {[
              d.unit === 'town' ? '镇（街道）' : '社区',
              '新增',
              `${d.kind === 'zero_employment' ? '24' : '72'} 小时内安置`,
              '超时安置',
              '升级督办',
              '期末未安置',
            ].map((h) => (
              <Text key={h} className="rp-grid__cell rp-grid__cell--head">
                {h}
              </Text>
            ))}
          </View>
          {rows.map((r, i) => (
            <View
              key={r.key}
              className={`rp-grid__row${i === rows.length - 1 ? ' rp-grid__row--total' : ''}`}
            >
              <Text className="rp-grid__cell rp-grid__cell--name">{r.townName ?? r.town}</Text>
              <Text className="rp-grid__cell">{r.opened}</Text>
              <Text className="rp-grid__cell">{r.placedInTime}</Text>
              <Text className="rp-grid__cell">{r.placedLate}</Text>
              <Text className="rp-grid__cell">{r.escalated}</Text>
              <Text className="rp-grid__cell">{r.openAtEnd}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      {d.difficulty ? (
        <>
          <Text className="card-title rp-chart-title">就业困难人员</Text>
          <ScrollView scrollX className="rp-scroll">
            <View className="rp-grid">
              <View className="rp-grid__row">
                {[
                  d.unit === 'town' ? '镇（街道）' : '社区',
                  '人数',
                  '失业',
                  '已就业',
                  '其中本季度就业',
                  '无就业愿望',
                  '获 131 服务',
                  '漏跟踪',
                ].map((h) => (
                  <Text key={h} className="rp-grid__cell rp-grid__cell--head">
                    {h}
                  </Text>
                ))}
              </View>
              {d.difficulty.map((t) => (
                <View key={t.town} className="rp-grid__row">
                  <Text className="rp-grid__cell rp-grid__cell--name">{t.townName ?? t.town}</Text>
                  <Text className="rp-grid__cell">{t.persons}</Text>
                  <Text className="rp-grid__cell">{t.unemployed}</Text>
                  <Text className="rp-grid__cell">{t.employedNow}</Text>
                  <Text className="rp-grid__cell">{t.employed}</Text>
                  <Text className="rp-grid__cell">{t.noWish}</Text>
                  <Text className="rp-grid__cell">{t.served}</Text>
                  <Text className="rp-grid__cell">{t.missed}</Text>
                </View>
              ))}
            </View>
          </ScrollView>
        </>
      ) : null}
      {rows.length === 1 && !d.difficulty?.length ? (
        <Text className="rp-stamp">本期没有需要调度的情况。</Text>
      ) : null}
    </View>
  )
}

function Score({ s, details }: { s: AnnualScoreReply; details: boolean }) {
  return (
    <View id="reports-score">
      <Text className="muted">
        {s.communityOnly
          ? `本社区导致所在镇（街道）被扣的分数（社区不单独计分；镇街基础分 ${s.base} 分）。`
          : `基础分 ${s.base} 分，每发生一例漏跟踪或补贴发放缺少一项扣 1 分（已撤销的不计）。`}
      </Text>
      <View className="wb-table">
        <View className="wb-table__row wb-table__row--head">
          <Text className="wb-table__name">{s.communityOnly ? '社区' : '镇（街道）'}</Text>
          <Text className="wb-table__points">扣分</Text>
          {s.communityOnly ? null : <Text className="wb-table__points">得分</Text>}
        </View>
        {s.towns.map((t) => (
          <View key={t.town} className="wb-table__row" id={`reports-score-${t.town}`}>
            <Text className="wb-table__name">{t.townName ?? t.town}</Text>
            <Text className="wb-table__points">{t.deducted ? `-${t.deducted}` : '0'}</Text>
            {s.communityOnly ? null : <Text className="rp-score">{t.score}</Text>}
          </View>
        ))}
      </View>
      {details ? (
        <View className="rp-actions">
          <View
            id="reports-score-details"
            className="btn btn--ghost btn--small"
            hoverClass="btn--hover"
            onClick={() => void Taro.navigateTo({ url: DEDUCTIONS_PATH })}
          >
            查看扣分明细（{s.items.length} 条）
          </View>
        </View>
      ) : null}
    </View>
  )
}
