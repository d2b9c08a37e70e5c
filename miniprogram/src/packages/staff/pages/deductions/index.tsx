import { Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import type { DeductionReport, DeductionRow } from '../../../../api/types'
import { ConfirmSheet } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { goBackOr } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { currentYear, mayReport } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

type ReportState =
  | { status: 'loading'; year: number }
  | { status: 'error'; year: number; message: string }
  | { status: 'done'; year: number; report: DeductionReport }

/** The years the report can be asked for: the 2021 rules' first year up to this one, newest first. */
const yearsUpTo = (last: number): number[] => {
  const out: number[] = []
  for (let y = last; y >= 2021; y--) out.push(y)
  return out
}

const points = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1))

function PointsTable({
  id,
  title,
  unit,
  rows,
}: {
  id: string
  title: string
  unit: string
  rows: DeductionRow[]
}) {
  const total = rows.reduce((sum, r) => sum + r.points, 0)
  return (
    <View className="card" id={id}>
      <View className="wb-table__title">
        <Text className="card-title">{title}</Text>
        <Text className="muted">合计 {points(total)} 分</Text>
      </View>
      {rows.length === 0 ? (
        <Text className="muted">无扣分</Text>
      ) : (
        <View className="wb-table">
          <View className="wb-table__row wb-table__row--head">
            <Text className="wb-table__rank">序号</Text>
            <Text className="wb-table__name">{unit}</Text>
            <Text className="wb-table__points">扣分</Text>
          </View>
          {rows.map((r, i) => (
            <View key={r.code} id={`${id}-${r.code}`} className="wb-table__row">
              <Text className="wb-table__rank">{i + 1}</Text>
              <Text className="wb-table__name">{r.name ?? '未知区划'}</Text>
              <Text className="wb-table__points">{points(r.points)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default function DeductionsPage() {
  const { state: session, reload: reloadSession } = useSession()
  const role = session.status === 'done' ? session.session.role : 'resident'
  const allowed = session.status === 'done' && mayReport(role)
  const years = yearsUpTo(currentYear())
  const [year, setYear] = useState(currentYear())
  const [state, setState] = useState<ReportState>({ status: 'loading', year })
  const seq = useRef(0)
  const [cancelling, setCancelling] = useState<string | null>(null)
  const [cancelReason, setCancelReason] = useState('')
  const [cancelError, setCancelError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async (y: number) => {
    const mine = ++seq.current
    setState((s) => (s.status === 'done' && s.year === y ? s : { status: 'loading', year: y }))
    try {
      const report = await api('deductionReport', { query: { year: y } })
      if (mine === seq.current) setState({ status: 'done', year: y, report })
    } catch (e) {
      if (mine === seq.current) setState({ status: 'error', year: y, message: errorMessage(e) })
    }
  }, [])

  useEffect(() => {
    if (allowed) void load(year)
  }, [allowed, year, load])

  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), allowed ? load(year) : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>
  if (!allowed)
    return (
      <PageShell className="staff wb">
        <StateView
          id="deductions-not-allowed"
          icon="员"
          title="仅街道/镇和县级工作人员可查看"
          desc="扣分统计按镇（街道）和社区汇总漏跟踪的情况"
          action={
            <View
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => goBackOr('/pages/mine/index')}
            >
              返回
            </View>
          }
        />
      </PageShell>
    )

  const info = session.session
  const report = state.status === 'done' && state.year === year ? state.report : null
  // The sheet says which deduction it cancels: whose, for what.
  const cancellingItem = report?.items.find((d) => d.id === cancelling) ?? null
  const cancel = async () => {
    if (!cancelling || busy) return
    if (cancelReason.trim().length < 4) {
      setCancelError('请写明撤销理由（至少 4 个字）')
      return
    }
    setBusy(true)
    try {
      await api('cancelDeduction', { params: { id: cancelling }, body: { reason: cancelReason.trim() } })
      setCancelling(null)
      toastText('已撤销，不再计入扣分')
      await load(year)
    } catch (e) {
      setCancelError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const empty = report !== null && report.towns.length === 0 && report.communities.length === 0

  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <View className="wb-head__row">
          <View className="wb-head__who">
            <Text className="staff__title">扣分统计</Text>
            <Text className="staff__region">{info.regionName ?? info.region ?? ''}</Text>
          </View>
          <Picker
            id="deduction-year"
            mode="selector"
            range={years.map((y) => `${y}年`)}
            value={Math.max(0, years.indexOf(year))}
            onChange={(e) => setYear(years[Number(e.detail.value)] ?? currentYear())}
          >
            <View className="wb-month" hoverClass="btn--hover">
              <Text>{year}年</Text>
              <Text className="wb-month__arrow">▾</Text>
            </View>
          </Picker>
        </View>
        <Text className="wb-head__desc">
          每月末仍未跟踪的任务按规定扣分（每月跟踪的失业人员每漏一月扣一次；半年、一年跟踪一次的人员，漏跟踪期间只扣一次），按镇（街道）和社区汇总，扣分多的在前。
        </Text>
      </View>

      {state.status === 'loading' || (state.status === 'done' && state.year !== year) ? (
        <LoadingView />
      ) : null}
      {state.status === 'error' ? (
        <ErrorView id="deductions-error" message={state.message} onRetry={() => void load(year)} />
      ) : null}
      {report?.atRisk && report.year === year && report.atRisk.overdue + report.atRisk.thisMonth > 0 ? (
        <View className="note wb-note" id="deductions-at-risk">
          <Text>
            尚未计入：辖区还有 {report.atRisk.thisMonth} 项本月待跟踪
            {report.atRisk.overdue ? `、${report.atRisk.overdue} 项往月逾期` : ''}
            的任务（与跟踪服务工作台一致），月末仍未跟踪的将按规定扣分。
          </Text>
        </View>
      ) : null}
      {empty ? (
        <StateView
          id="deductions-empty"
          icon="✓"
          title="没有扣分"
          desc={`${year} 年度辖区内没有漏跟踪的扣分记录`}
        />
      ) : null}
      {report && !empty ? (
        <>
          <PointsTable id="deductions-towns" title="各镇（街道）" unit="镇（街道）" rows={report.towns} />
          <PointsTable
            id="deductions-communities"
            title="各社区（村）"
            unit="社区（村）"
            rows={report.communities}
          />
          <View className="card" id="deductions-items">
            <Text className="card-title">扣分明细</Text>
            {report.items.map((d) => (
              <View key={d.id} className="deduction-item" id={`deduction-${d.id}`}>
                <View className="list-item__head">
                  <Text className="wb-record__line">{d.communityName ?? ''}</Text>
                  {d.cancelled ? (
                    <Text className="tag tag--muted">已撤销</Text>
                  ) : (
                    <Text className="tag tag--accent">-{d.points}</Text>
                  )}
                </View>
                <Text className="deduction-item__line">{d.reason}</Text>
                {d.rule ? <Text className="deduction-item__line">依据：{d.rule}</Text> : null}
                {d.cancelled ? (
                  <Text className="deduction-item__line">
                    {d.cancelled.by}撤销：{d.cancelled.reason}
                  </Text>
                ) : null}
                {role === 'county' && !d.cancelled ? (
                  <View className="deduction-item__actions">
                    <View
                      id={`deduction-cancel-${d.id}`}
                      className="btn btn--ghost btn--small"
                      hoverClass="btn--hover"
                      onClick={() => {
                        setCancelling(d.id)
                        setCancelReason('')
                        setCancelError('')
                      }}
                    >
                      撤销
                    </View>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        </>
      ) : null}
      <ConfirmSheet
        open={cancelling !== null}
        title="撤销扣分"
        confirmText="撤销"
        confirmId="deduction-cancel-submit"
        dirty={cancelReason.trim() !== ''}
        busy={busy}
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(null)}
      >
        {cancellingItem ? (
          <Text className="wb-sheet__label" id="deduction-cancel-which">
            {cancellingItem.communityName ?? ''}：{cancellingItem.reason}（-{cancellingItem.points}）
          </Text>
        ) : null}
        <Text className="wb-sheet__label">撤销理由</Text>
        <Textarea
          id="deduction-cancel-reason"
          className="form-textarea"
          maxlength={200}
          value={cancelReason}
          placeholder="如：该人员已于 10 月迁出本县，不应跟踪"
          placeholderClass="form-placeholder"
          onInput={(e) => {
            setCancelReason(e.detail.value)
            setCancelError('')
          }}
        />
        {cancelError ? <Text className="form-field__error">{cancelError}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
