import type { ApplicationView } from '@shared/applications/application-types'
import { isStaffRole } from '@shared/auth/identity'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { StatusBadge } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { handOffForReview } from '../../../../store/review-handoff'
import { formatDateTime } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastError } from '../../../../utils/toast'
import { staffGate } from '../../StaffGate'
import { isReviewStage, type ReviewStage, STAGE_TAB_LABELS, stagesFor } from '../../stages'
import '../../staff.scss'

interface QueueState {
  stage: ReviewStage | null
  items: ApplicationView[]
  nextCursor: string | null
  loading: 'first' | 'more' | null
  error: string | null
  loaded: boolean
}

const EMPTY_QUEUE: QueueState = {
  stage: null,
  items: [],
  nextCursor: null,
  loading: null,
  error: null,
  loaded: false,
}

const objectionCount = (a: ApplicationView): number =>
  a.timeline.filter((e) => e.action === 'objection').length

export default function ReviewsPage() {
  const router = useRouter()
  const { state: session, reload: reloadSession } = useSession()
  const role = session.status === 'done' ? session.session.role : 'resident'
  const stages = stagesFor(role)
  const [picked, setPicked] = useState<ReviewStage | null>(() =>
    isReviewStage(router.params.stage) ? router.params.stage : null,
  )
  const stage = picked && stages.includes(picked) ? picked : (stages[0] ?? null)
  const [queue, setQueue] = useState<QueueState>(EMPTY_QUEUE)
  const seq = useRef(0)
  const busy = useRef(false)

  const loadFirst = useCallback(async (s: ReviewStage | null) => {
    const mine = ++seq.current
    if (!s) {
      setQueue(EMPTY_QUEUE)
      return
    }
    busy.current = true
    setQueue((q) =>
      q.stage === s
        ? { ...q, loading: 'first', error: null }
        : { ...EMPTY_QUEUE, stage: s, loading: 'first' },
    )
    try {
      const page = await api('listReviews', { query: { stage: s } })
      if (mine !== seq.current) return
      setQueue({
        stage: s,
        items: page.items,
        nextCursor: page.nextCursor,
        loading: null,
        error: null,
        loaded: true,
      })
    } catch (e) {
      if (mine !== seq.current) return
      setQueue({ ...EMPTY_QUEUE, stage: s, error: errorMessage(e), loaded: true })
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !queue.nextCursor || !queue.stage) return
    const mine = seq.current
    busy.current = true
    setQueue((q) => ({ ...q, loading: 'more' }))
    try {
      const page = await api('listReviews', { query: { stage: queue.stage, cursor: queue.nextCursor } })
      if (mine !== seq.current) return
      setQueue((q) => {
        const seen = new Set(q.items.map((a) => a.id))
        return {
          ...q,
          items: [...q.items, ...page.items.filter((a) => !seen.has(a.id))],
          nextCursor: page.nextCursor,
          loading: null,
        }
      })
    } catch (e) {
      if (mine !== seq.current) return
      setQueue((q) => ({ ...q, loading: null }))
      toastError(e)
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [queue.nextCursor, queue.stage])

  const isStaff = session.status === 'done' && role !== null && isStaffRole(role)

  // A new stage (or the role becoming known) loads its queue …
  useEffect(() => {
    if (isStaff) void loadFirst(stage)
  }, [isStaff, stage, loadFirst])

  // … and coming back from a review refreshes it: the item just decided leaves the queue.
  const shown = useRef(false)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (isStaff) void loadFirst(stage)
  })

  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? loadFirst(stage) : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession())
  if (gate || session.status !== 'done') return <PageShell className="staff">{gate}</PageShell>

  const open = (a: ApplicationView) => {
    handOffForReview(a)
    openPage(`/packages/staff/pages/review/index?id=${encodeURIComponent(a.id)}`)
  }

  const { items, loading, error, loaded, nextCursor } = queue
  const current = queue.stage === stage

  return (
    <PageShell className="staff">
      <View className="staff__head">
        <Text className="staff__title">{session.session.roleLabel}</Text>
        <Text className="staff__region">{session.session.regionName ?? session.session.region ?? ''}</Text>
      </View>
      <View className="staff__tabs">
        {stages.map((s) => (
          <View
            key={s}
            id={`review-tab-${s}`}
            className={`staff__tab${s === stage ? ' staff__tab--on' : ''}`}
            onClick={() => setPicked(s)}
          >
            {STAGE_TAB_LABELS[s]}
          </View>
        ))}
      </View>

      {loading === 'first' && (!current || items.length === 0) ? <LoadingView /> : null}
      {error ? <ErrorView id="reviews-error" message={error} onRetry={() => void loadFirst(stage)} /> : null}
      {current && loaded && !loading && !error && items.length === 0 ? (
        <StateView
          id="reviews-empty"
          icon="✓"
          title="暂无待办"
          desc={`辖区内没有等待${stage ? STAGE_TAB_LABELS[stage] : '审核'}的申请`}
        />
      ) : null}

      {current
        ? items.map((a) => (
            <View
              key={a.id}
              id={`review-item-${a.id}`}
              className="list-item review-item"
              hoverClass="list-item--hover"
              onClick={() => open(a)}
            >
              <View className="list-item__head">
                <Text className="list-item__title">{a.typeLabel}</Text>
                <StatusBadge status={a.status} label={a.statusLabel} />
              </View>
              {a.applicant ? (
                <View className="review-item__who">
                  <Text>{a.applicant.name}</Text>
                  <Text className="review-item__id">{a.applicant.idNumber}</Text>
                </View>
              ) : null}
              {a.ownCase ? (
                <Text className="list-item__meta" id={`review-own-${a.id}`}>
                  本人或家属的申请，须回避，由同级其他工作人员审核
                </Text>
              ) : null}
              {objectionCount(a) > 0 ? (
                <Text className="list-item__meta">收到 {objectionCount(a)} 条异议</Text>
              ) : null}
              <View className="list-item__foot">
                <Text>{a.communityName ?? ''}</Text>
                <Text className="muted">{formatDateTime(a.updatedAt)}</Text>
              </View>
            </View>
          ))
        : null}

      {loading === 'more' ? <LoadingView /> : null}
      {current && !loading && items.length > 0 && nextCursor === null ? (
        <View className="list-note">
          <Text>没有更多了</Text>
        </View>
      ) : null}
    </PageShell>
  )
}
