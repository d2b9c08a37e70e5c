import type { CampaignCounts, CampaignReport } from '@shared/jobs/campaign'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { DateBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

const COLUMNS: { key: keyof CampaignCounts; label: string }[] = [
  { key: 'returned', label: '返乡' },
  { key: 'wantsLocal', label: '想在本地就业' },
  { key: 'referred', label: '已推荐' },
  { key: 'hired', label: '已就业' },
]

function CountsTable({
  id,
  head,
  rows,
}: {
  id: string
  head: string
  rows: ({ key: string; name: string } & CampaignCounts)[]
}) {
  return (
    <View className="campaign-table" id={id}>
      <View className="campaign-table__row campaign-table__row--head">
        <Text className="campaign-table__name">{head}</Text>
        {COLUMNS.map((c) => (
          <Text key={c.key} className="campaign-table__num">
            {c.label}
          </Text>
        ))}
      </View>
      {rows.map((r) => (
        <View key={r.key} className="campaign-table__row">
          <Text className="campaign-table__name">{r.name}</Text>
          {COLUMNS.map((c) => (
            <Text
              key={c.key}
              className={`campaign-table__num${r[c.key] === 0 ? ' campaign-table__num--zero' : ''}`}
            >
              {r[c.key]}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}

/**
 * 春节返乡统计: during the Spring Festival campaign (腊月 to 正月十五 by default) street and county
 * staff see, per week and per town or community, how many migrant workers came back, how many want
 * work here, how many the system referred to a job, and how many were hired.
 */
export default function ReturneeCampaignPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff =
    session.status === 'done' && session.session.role !== 'resident' && session.session.role !== 'employer'
  const [span, setSpan] = useState<{ from?: string; to?: string }>({})
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; report: CampaignReport }
  >({ status: 'loading' })

  const load = useCallback(async () => {
    setState((s) => (s.status === 'done' ? s : { status: 'loading' }))
    try {
      const report = await api('returneeCampaign', { query: span })
      setState({ status: 'done', report })
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) })
    }
  }, [span])
  useEffect(() => {
    if (isStaff) void load()
  }, [isStaff, load])
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? load() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), {
    name: '春节返乡统计',
    idPrefix: 'campaign',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const report = state.status === 'done' ? state.report : null
  const pick = (key: 'from' | 'to', value: string) => {
    const from = key === 'from' ? value : (span.from ?? report?.from ?? value)
    const to = key === 'to' ? value : (span.to ?? report?.to ?? value)
    setSpan({ from, to })
  }
  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <View className="wb-head__who">
          <Text className="staff__title">春节返乡统计</Text>
          <Text className="staff__region">{session.session.regionName ?? ''}</Text>
        </View>
        <Text className="wb-head__desc" id="campaign-label">
          {report
            ? span.from || span.to
              ? '自选统计期（最长 120 天）'
              : `统计期：${report.label}`
            : state.status === 'error'
              ? '统计期有误，请重新选择'
              : '统计期加载中…'}
        </Text>
        <View className="campaign-window">
          <View className="campaign-window__date">
            <DateBox
              id="campaign-from"
              value={span.from ?? report?.from ?? ''}
              fields="day"
              end="2099-12-31"
              placeholder="开始日期"
              onChange={(v) => pick('from', v)}
            />
          </View>
          <Text className="campaign-window__to">至</Text>
          <View className="campaign-window__date">
            <DateBox
              id="campaign-to"
              value={span.to ?? report?.to ?? ''}
              fields="day"
              end="2099-12-31"
              placeholder="结束日期"
              onChange={(v) => pick('to', v)}
            />
          </View>
        </View>
        {span.from || span.to ? (
          <Text id="campaign-reset" className="campaign-window__reset" onClick={() => setSpan({})}>
            恢复为春节行动期（腊月初一至正月十五）
          </Text>
        ) : null}
        {report ? (
          <View className="wb-stats" id="campaign-total">
            {COLUMNS.map((c) => (
              <View key={c.key} className={`wb-stat${c.key === 'hired' ? ' wb-stat--ok' : ''}`}>
                <Text className="wb-stat__num">{report.total[c.key]}</Text>
                <Text className="wb-stat__label">{c.label}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>
      {state.status === 'loading' ? <LoadingView /> : null}
      {state.status === 'error' ? (
        <ErrorView id="campaign-error" message={state.message} onRetry={() => setSpan({})} />
      ) : null}
      {report ? (
        <>
          <View className="section-head">
            <Text className="section-title">
              {report.rowLevel === 'town' ? '按镇（街道）' : '按社区（村）'}
            </Text>
          </View>
          <CountsTable
            id="campaign-places"
            head={report.rowLevel === 'town' ? '镇（街道）' : '社区（村）'}
            rows={report.rows.map((r) => ({ ...r, key: r.code, name: r.name.split('·').at(-1) ?? r.name }))}
          />
          <View className="section-head">
            <Text className="section-title">按周</Text>
          </View>
          <CountsTable
            id="campaign-weeks"
            head="周"
            rows={report.weeks.map((w) => ({ ...w, key: w.weekStart, name: w.label }))}
          />
          <Text className="list-note welfare-note">
            返乡：返乡日期在统计期内的登记人数；已推荐：在小程序“我要应聘”的次数；已就业：单位告知录用的人数。
          </Text>
        </>
      ) : null}
    </PageShell>
  )
}
