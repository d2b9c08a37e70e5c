import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client'
import type { InboxMessage } from '../../api/types'
import { openJobDetail } from '../../components/JobCard'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { dropInvalidToken, isLoginError } from '../../hooks/useMe'
import { MY_AGREEMENT_PATH, MY_INTERESTS_PATH } from '../../packages/seeker/paths'
import { MY_BOOKINGS_PATH } from '../../packages/sessions/paths'
import { REPORTS_PATH } from '../../packages/staff/paths'
import { mayHaveSession } from '../../store/session'
import { formatDateTime } from '../../utils/format'
import { goLogin, openApplication, openPage } from '../../utils/nav'
import { noticePath, POLICIES_TAB, policyPath } from '../../utils/policy-nav'
import { toastError } from '../../utils/toast'
import './index.scss'

interface ListState {
  items: InboxMessage[]
  nextCursor: string | null
  unread: number
  loading: 'first' | 'more' | null
  error: string | null
  anonymous: boolean
  loaded: boolean
}

const INITIAL: ListState = {
  items: [],
  nextCursor: null,
  unread: 0,
  loading: 'first',
  error: null,
  anonymous: false,
  loaded: false,
}

/**
 * "title · unit · pay ›": the lines break where they may, but never inside the pay (6500-8000
 * 元/月) or between it and the arrow.
 */
function JobLinkText({ text }: { text: string }) {
  const parts = text.split(' · ')
  const last = parts.pop() ?? ''
  return (
    <>
      {parts.map((part) => `${part} · `).join('')}
      <Text className="inbox-item__keep">{last} ›</Text>
    </>
  )
}

export default function InboxPage() {
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
      const page = await api('listInbox')
      if (mine !== seq.current) return
      setList({
        items: page.items,
        nextCursor: page.nextCursor,
        unread: page.unread,
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
      const page = await api('listInbox', { query: { cursor: list.nextCursor } })
      if (mine !== seq.current) return
      setList((s) => {
        const seen = new Set(s.items.map((m) => m.id))
        return {
          ...s,
          items: [...s.items, ...page.items.filter((m) => !seen.has(m.id))],
          nextCursor: page.nextCursor,
          unread: page.unread,
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

  useDidShow(() => {
    void loadFirst()
  })
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void loadFirst().finally(() => Taro.stopPullDownRefresh())
  })

  const open = (m: InboxMessage) => {
    if (!m.read) {
      // Shown as read at once; the server is told in the background (a failure only costs a dot).
      setList((s) => ({
        ...s,
        unread: Math.max(0, s.unread - 1),
        items: s.items.map((x) => (x.id === m.id ? { ...x, read: true } : x)),
      }))
      api('readInboxMessage', { params: { id: m.id } }).catch(() => undefined)
    }
    if (m.applicationId) openApplication(m.applicationId)
    else if (m.link?.kind === 'policy') openPage(policyPath(m.link.id))
    else if (m.link?.kind === 'notice') openPage(noticePath(m.link.id))
    else if (m.link?.kind === 'policies') void Taro.switchTab({ url: POLICIES_TAB })
    else if (m.link?.kind === 'job' || m.link?.kind === 'jobs') openJobDetail(m.link.id, 'push')
    else if (m.link?.kind === 'interests') openPage(MY_INTERESTS_PATH)
    else if (m.link?.kind === 'bookings') openPage(MY_BOOKINGS_PATH)
    else if (m.link?.kind === 'agreement') openPage(MY_AGREEMENT_PATH)
    else if (m.link?.kind === 'reports') openPage(`${REPORTS_PATH}?quarter=${encodeURIComponent(m.link.id)}`)
  }

  const { items, loading, error, anonymous, loaded, nextCursor, unread } = list

  return (
    <PageShell className="inbox">
      {loading === 'first' && items.length === 0 ? <LoadingView /> : null}
      {anonymous ? (
        <StateView
          id="inbox-login"
          icon="登"
          title="请先登录"
          desc="登录后可查看办理进度通知"
          action={
            <View className="btn btn--primary btn--small" hoverClass="btn--hover" onClick={goLogin}>
              去登录
            </View>
          }
        />
      ) : null}
      {error ? <ErrorView id="inbox-error" message={error} onRetry={() => void loadFirst()} /> : null}
      {loaded && !loading && !error && !anonymous && items.length === 0 ? (
        <StateView
          id="inbox-empty"
          icon="信"
          title="暂无消息"
          desc="申请的审核进展、您符合条件的新政策会通过消息通知您"
        />
      ) : null}

      {items.length > 0 ? (
        <Text className="inbox__summary" id="inbox-unread">
          {unread > 0 ? `${unread} 条未读` : '全部已读'}
        </Text>
      ) : null}

      {items.map((m) => (
        <View
          key={m.id}
          id={`inbox-item-${m.id}`}
          className={`list-item inbox-item${m.read ? ' inbox-item--read' : ''}`}
          hoverClass="list-item--hover"
          onClick={() => open(m)}
        >
          <View className="list-item__head">
            <View className="inbox-item__title">
              {m.read ? null : <View className="inbox-item__dot" />}
              <Text>{m.title}</Text>
            </View>
            <Text className="inbox-item__time">{formatDateTime(m.at)}</Text>
          </View>
          <Text className="inbox-item__body">{m.body}</Text>
          {m.applicationId ? <Text className="inbox-item__link">查看申请 ›</Text> : null}
          {m.link?.kind === 'policy' ? <Text className="inbox-item__link">查看政策和我的条件 ›</Text> : null}
          {m.link?.kind === 'notice' ? <Text className="inbox-item__link">查看通知 ›</Text> : null}
          {m.link?.kind === 'policies' ? (
            <Text className="inbox-item__link">查看我能享受的政策 ›</Text>
          ) : null}
          {m.link?.kind === 'job' ? <Text className="inbox-item__link">查看岗位 ›</Text> : null}
          {m.link?.kind === 'interests' ? <Text className="inbox-item__link">我的应聘 ›</Text> : null}
          {m.link?.kind === 'bookings' ? <Text className="inbox-item__link">我的预约 ›</Text> : null}
          {m.link?.kind === 'agreement' ? <Text className="inbox-item__link">查看并确认协议 ›</Text> : null}
          {m.link?.kind === 'reports' ? <Text className="inbox-item__link">打开报表 ›</Text> : null}
          {m.link?.kind === 'jobs'
            ? (m.link.jobIds ?? []).map((jobId, i) => (
                <Text
                  key={jobId}
                  id={`inbox-job-${jobId}`}
                  className="inbox-item__link inbox-item__job"
                  onClick={(e) => {
                    e.stopPropagation()
                    open({ ...m, link: { kind: 'job', id: jobId } })
                  }}
                >
                  <JobLinkText text={m.link?.jobTitles?.[i] ?? `岗位 ${i + 1}`} />
                </Text>
              ))
            : null}
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
