import type { PolicyNoticeView, PolicyStatus, PolicySummary } from '@shared/policies/policy'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { POLICY_REACH_PATH, policyEditPath } from '../../policies'
import { POLICY_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

type Tab = PolicyStatus | 'notices'
const TABS: { value: Tab; label: string }[] = [
  { value: 'published', label: '已发布' },
  { value: 'draft', label: '草稿' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'notices', label: '政策通知' },
]

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; items: T[] }

/**
 * The county's catalogue: policies by status (tap one to edit, publish or withdraw it), a new
 * policy, and policy notices (政策通知) that go to everyone eligible for their policies.
 */
export default function PolicyAdminPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isCounty = session.status === 'done' && session.session.role === 'county'
  const [tab, setTab] = useState<Tab>('published')
  const [list, setList] = useState<Load<PolicySummary>>({ status: 'loading' })
  const [notices, setNotices] = useState<Load<PolicyNoticeView>>({ status: 'loading' })
  const [published, setPublished] = useState<PolicySummary[]>([])
  const [composing, setComposing] = useState(false)
  const seq = useRef(0)

  const load = useCallback(async () => {
    const mine = ++seq.current
    try {
      if (tab === 'notices') {
        const [pub, drafts, pols] = await Promise.all([
          api('listPolicyNotices'),
          api('listPolicyNotices', { query: { status: 'draft' } }),
          api('listPolicies'),
        ])
        if (mine !== seq.current) return
        setNotices({ status: 'done', items: [...drafts.items, ...pub.items] })
        setPublished(pols.items)
      } else {
        const page = await api('listPolicies', { query: { status: tab } })
        if (mine === seq.current) setList({ status: 'done', items: page.items })
      }
    } catch (e) {
      if (mine !== seq.current) return
      const failed = { status: 'error' as const, message: errorMessage(e) }
      if (tab === 'notices') setNotices(failed)
      else setList(failed)
    }
  }, [tab])

  useEffect(() => {
    if (isCounty) void load()
  }, [isCounty, load])
  useDidShow(() => {
    if (isCounty) void load()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isCounty ? load() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), POLICY_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>
  if (!isCounty)
    return (
      <PageShell className="staff wb">
        <StateView
          id="policy-admin-county-only"
          icon="县"
          title="政策由县（市、区）人社部门维护"
          desc="街道/镇和社区可在“政策落实情况”中查看辖区居民的知晓和享受情况"
          action={
            <View
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => openPage(POLICY_REACH_PATH)}
            >
              政策落实情况
            </View>
          }
        />
      </PageShell>
    )

  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <View className="wb-head__row">
          <View className="wb-head__who">
            <Text className="staff__title">政策管理</Text>
            <Text className="staff__region">{session.session.regionName ?? ''}</Text>
          </View>
          <View
            id="policy-admin-new"
            className="btn btn--primary btn--small"
            hoverClass="btn--hover"
            onClick={() => (tab === 'notices' ? setComposing(true) : openPage(policyEditPath()))}
          >
            {tab === 'notices' ? '新建通知' : '新建政策'}
          </View>
        </View>
        <Text className="wb-head__desc">
          发布或修改享受条件后，系统会在 15 分钟内重新评估全县居民，并主动通知新符合条件的人。
        </Text>
      </View>
      <View className="staff__tabs">
        {TABS.map((t) => (
          <View
            key={t.value}
            id={`policy-admin-tab-${t.value}`}
            className={`staff__tab${t.value === tab ? ' staff__tab--on' : ''}`}
            onClick={() => {
              setTab(t.value)
              if (t.value === 'notices') setNotices({ status: 'loading' })
              else setList({ status: 'loading' })
            }}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>

      {tab !== 'notices' ? (
        <>
          {list.status === 'loading' ? <LoadingView /> : null}
          {list.status === 'error' ? <ErrorView message={list.message} onRetry={() => void load()} /> : null}
          {list.status === 'done' && list.items.length === 0 ? (
            <StateView id="policy-admin-empty" icon="政" title="没有这一状态的政策" />
          ) : null}
          {list.status === 'done'
            ? list.items.map((p) => (
                <View
                  key={p.id}
                  id={`policy-admin-item-${p.id}`}
                  className="list-item"
                  hoverClass="list-item--hover"
                  onClick={() => openPage(policyEditPath(p.id))}
                >
                  <View className="list-item__head">
                    <Text className="list-item__title">{p.title}</Text>
                    <Text className={`tag ${p.status === 'published' ? 'tag--ok' : 'tag--muted'}`}>
                      {p.statusLabel}
                    </Text>
                  </View>
                  <Text className="list-item__meta">
                    {p.applicationLabel ? `网上申请：${p.applicationLabel}` : '线下咨询办理'}
                    {p.subsidy ? ' · 计入补贴考核' : ''}
                  </Text>
                  <View className="admin-item__foot">
                    <Text className="list-item__meta">
                      第 {p.version} 版 · {formatDate(p.updatedAt)} 更新
                    </Text>
                    <Text className="section-more">编辑 ›</Text>
                  </View>
                </View>
              ))
            : null}
        </>
      ) : (
        <>
          {notices.status === 'loading' ? <LoadingView /> : null}
          {notices.status === 'error' ? (
            <ErrorView message={notices.message} onRetry={() => void load()} />
          ) : null}
          {notices.status === 'done' && notices.items.length === 0 ? (
            <StateView
              icon="通"
              title="还没有政策通知"
              desc="如“2027 年春风行动补贴申领开始”，发布后推送给符合条件的居民"
            />
          ) : null}
          {notices.status === 'done'
            ? notices.items.map((n) => <NoticeItem key={n.id} notice={n} onChanged={() => void load()} />)
            : null}
        </>
      )}

      <NoticeComposer
        open={composing}
        policies={published}
        onClose={() => setComposing(false)}
        onSaved={() => void load()}
      />
    </PageShell>
  )
}

function NoticeItem({ notice, onChanged }: { notice: PolicyNoticeView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const publish = async () => {
    if (busy) return
    const ok = await Taro.showModal({
      title: '发布通知',
      content: '发布后将推送给所涉政策的全部符合条件居民，且不能撤销推送。确定发布？',
      confirmText: '发布',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await api('publishPolicyNotice', { params: { id: notice.id } })
      toastText('已发布，将在 15 分钟内推送')
      onChanged()
    } catch (e) {
      toastText(isApiError(e) && e.issues?.[0] ? e.issues[0].message : errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const withdraw = async () => {
    if (busy) return
    const ok = await Taro.showModal({
      title: '撤回通知',
      content:
        notice.status === 'published'
          ? '撤回后居民不再看到这条通知（已送达的消息不能收回）。确定撤回？'
          : '撤回后这条草稿不能再发布。确定撤回？',
      confirmText: '撤回',
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await api('withdrawPolicyNotice', { params: { id: notice.id }, body: { reason: '县级管理员撤回' } })
      toastText('已撤回')
      onChanged()
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="list-item" id={`notice-admin-${notice.id}`}>
      <View className="list-item__head">
        <Text className="list-item__title">{notice.title}</Text>
        <Text className={`tag ${notice.status === 'published' ? 'tag--ok' : 'tag--muted'}`}>
          {notice.statusLabel}
        </Text>
      </View>
      <Text className="list-item__meta">涉及：{notice.policies.map((p) => p.title).join('、')}</Text>
      <View className="admin-item__foot">
        <Text className="list-item__meta">
          {notice.publishedAt
            ? `${formatDate(notice.publishedAt)} 发布`
            : `${formatDate(notice.createdAt)} 起草`}
        </Text>
        {notice.status !== 'withdrawn' ? (
          <View
            id={`notice-withdraw-${notice.id}`}
            className={`btn btn--plain btn--small${busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => void withdraw()}
          >
            撤回
          </View>
        ) : null}
        {notice.status === 'draft' ? (
          <View
            id={`notice-publish-${notice.id}`}
            className={`btn btn--primary btn--small${busy ? ' btn--disabled' : ''}`}
            hoverClass="btn--hover"
            onClick={() => void publish()}
          >
            发布
          </View>
        ) : null}
      </View>
    </View>
  )
}

function NoticeComposer({
  open,
  policies,
  onClose,
  onSaved,
}: {
  open: boolean
  policies: PolicySummary[]
  onClose: () => void
  onSaved: () => void
}) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))

  const save = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      await api('createPolicyNotice', { body: { title: title.trim(), body: body.trim(), policyIds: picked } })
      toastText('已保存为草稿，核对后点“发布”')
      setTitle('')
      setBody('')
      setPicked([])
      onSaved()
      onClose()
    } catch (e) {
      setError(isApiError(e) && e.issues?.[0] ? e.issues[0].message : errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ConfirmSheet
      open={open}
      title="新建政策通知"
      confirmText="保存草稿"
      confirmId="notice-save"
      busy={busy}
      onConfirm={() => void save()}
      onCancel={onClose}
    >
      <Text className="wb-sheet__label">标题</Text>
      <Input
        id="notice-title"
        className="form-input"
        type="text"
        maxlength={60}
        value={title}
        placeholder="如：2027 年春风行动社保补贴申领开始"
        placeholderClass="form-placeholder"
        onInput={(e) => setTitle(e.detail.value)}
      />
      <Text className="wb-sheet__label">内容</Text>
      <Textarea
        id="notice-body"
        className="form-textarea wb-textarea--short"
        maxlength={5000}
        value={body}
        placeholder="申领时间、对象、材料和办理地点"
        placeholderClass="form-placeholder"
        onInput={(e) => setBody(e.detail.value)}
      />
      <Text className="wb-sheet__label">涉及政策（推送给符合这些政策的居民）</Text>
      <View className="chips">
        {policies.map((p) => (
          <View
            key={p.id}
            id={`notice-policy-${p.id}`}
            className={`chip${picked.includes(p.id) ? ' chip--on' : ''}`}
            onClick={() => toggle(p.id)}
          >
            {p.title}
          </View>
        ))}
      </View>
      {error ? <Text className="form-field__error">{error}</Text> : null}
    </ConfirmSheet>
  )
}
