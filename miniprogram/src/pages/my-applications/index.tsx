import type { ApplicationView } from '@shared/applications/application-types'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client'
import { StatusBadge } from '../../components/Application'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { dropInvalidToken, isLoginError } from '../../hooks/useMe'
import { mayHaveSession } from '../../store/session'
import { formatDate } from '../../utils/format'
import { goLogin, goServices, openApplication } from '../../utils/nav'
import { toastError } from '../../utils/toast'
import './index.scss'

interface ListState {
  items: ApplicationView[]
  nextCursor: string | null
  loading: 'first' | 'more' | null
  error: string | null
  anonymous: boolean
  loaded: boolean
}

const INITIAL: ListState = {
  items: [],
  nextCursor: null,
  loading: 'first',
  error: null,
  anonymous: false,
  loaded: false,
}

/** One line on what happens next, for the list. */
const nextStepHint = (a: ApplicationView): string => {
  switch (a.status) {
    case 'waiting_registration':
      return '失业登记办结后自动转入审核'
    case 'public_notice':
      return a.notice ? `公示至 ${formatDate(a.notice.endsAt)}` : '公示中'
    case 'approved':
      return a.result?.certificateNo
        ? `登记证编号 ${a.result.certificateNo}`
        : a.result?.cardNumber
          ? `援助卡号 ${a.result.cardNumber}`
          : '已办结'
    case 'rejected':
      return '点击查看原因'
    case 'withdrawn':
      return '已撤回'
    default:
      return '审核中，请耐心等待'
  }
}

export default function MyApplicationsPage() {
  const [list, setList] = useState<ListState>(INITIAL)
  const seq = useRef(0)
  const busy = useRef(false)

  const loadFirst = useCallback(async () => {
    const mine = ++seq.current
    if (!mayHaveSession()) {
      setList({ ...INITIAL, loading: null, anonymous: true, loaded: true })
      return
    }
    busy.current = true
    setList((s) => ({ ...s, loading: 'first', error: null }))
    try {
      const page = await api('listMyApplications')
      if (mine !== seq.current) return
      setList({
        items: page.items,
        nextCursor: page.nextCursor,
        loading: null,
        error: null,
        anonymous: false,
        loaded: true,
      })
    } catch (e) {
      if (mine !== seq.current) return
      if (isLoginError(e)) {
        dropInvalidToken(e)
        setList({ ...INITIAL, loading: null, anonymous: true, loaded: true })
      } else setList({ ...INITIAL, loading: null, error: errorMessage(e), loaded: true })
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !list.nextCursor) return
    const mine = seq.current
    busy.current = true
    setList((s) => ({ ...s, loading: 'more' }))
    try {
      const page = await api('listMyApplications', { query: { cursor: list.nextCursor } })
      if (mine !== seq.current) return
      setList((s) => {
        const seen = new Set(s.items.map((a) => a.id))
        return {
          ...s,
          items: [...s.items, ...page.items.filter((a) => !seen.has(a.id))],
          nextCursor: page.nextCursor,
          loading: null,
        }
      })
    } catch (e) {
      if (mine !== seq.current) return
      setList((s) => ({ ...s, loading: null }))
      toastError(e)
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [list.nextCursor])

  // Each show: a withdrawal or a new application may have changed the list.
  useDidShow(() => {
    void loadFirst()
  })
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void loadFirst().finally(() => Taro.stopPullDownRefresh())
  })

  const { items, loading, error, anonymous, loaded, nextCursor } = list

  return (
    <PageShell className="my-apps">
      {loading === 'first' && items.length === 0 ? <LoadingView /> : null}
      {anonymous ? (
        <StateView
          id="my-applications-login"
          icon="登"
          title="请先登录"
          desc="登录后可查看您提交的申请和办理进度"
          action={
            <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
              去登录
            </View>
          }
        />
      ) : null}
      {error ? (
        <ErrorView id="my-applications-error" message={error} onRetry={() => void loadFirst()} />
      ) : null}
      {loaded && !loading && !error && !anonymous && items.length === 0 ? (
        <StateView
          id="my-applications-empty"
          icon="空"
          title="还没有申请记录"
          desc="失业登记、就业困难人员认定、各类补贴都可以在线申请"
          action={
            <View className="btn btn--ghost btn--small" hoverClass="btn--hover" onClick={goServices}>
              去办事
            </View>
          }
        />
      ) : null}

      {items.map((a) => (
        <View
          key={a.id}
          id={`application-item-${a.id}`}
          className="list-item application-item"
          hoverClass="list-item--hover"
          onClick={() => openApplication(a.id)}
        >
          <View className="list-item__head">
            <Text className="list-item__title">{a.typeLabel}</Text>
            <StatusBadge status={a.status} label={a.statusLabel} />
          </View>
          <Text className="my-apps__hint">{nextStepHint(a)}</Text>
          <View className="list-item__foot">
            <Text>{a.communityName ?? ''}</Text>
            <Text className="muted">{formatDate(a.createdAt)} 提交</Text>
          </View>
        </View>
      ))}

      {loading === 'more' ? <LoadingView /> : null}
      {!loading && items.length > 0 && nextCursor === null ? (
        <View className="list-note">
          <Text>没有更多了</Text>
        </View>
      ) : null}
    </PageShell>
  )
}
