import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, errorMessage, isApiError } from '../../../../api/client'
import type { PlacementCaseItem } from '../../../../api/types'
import { ConfirmSheet } from '../../../../components/Application'
import { ChoiceChips, DateBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import type { FieldErrors } from '../../../../forms/validate'
import { serverErrors } from '../../../../forms/validate'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, formatDateTime, todayInChina } from '../../../../utils/format'
import { confirmDiscard } from '../../../../utils/leave'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

const KIND = { zero_employment: '零就业家庭 · 24 小时托底', immediate_72h: '72 小时就业承诺' } as const
const LEVEL = { community: '社区', street: '街道（镇）', county: '县（市、区）' } as const

/** "剩 5 小时 20 分" or "已超时 3 小时": how long until (or since) the deadline. */
const countdown = (deadline: string, now: number): string => {
  const ms = Date.parse(deadline) - now
  const h = Math.floor(Math.abs(ms) / 3_600_000)
  const m = Math.floor((Math.abs(ms) % 3_600_000) / 60_000)
  const span = h ? `${h} 小时${m ? ` ${m} 分` : ''}` : `${m} 分钟`
  return ms >= 0 ? `剩 ${span}` : `已超时 ${span}`
}

interface Form {
  personId: string
  employer: string
  post: string
  startedOn: string
  note: string
}

/**
 * 安置个案: zero-employment households to place within 24 hours and the 72-hour commitments,
 * open ones first by deadline with a countdown and who it has been escalated to; record the
 * placement that closes a case. Placed cases on the second tab.
 */
export default function PlacementCasesPage() {
  const { state: session, reload } = useSession()
  const isStaff =
    session.status === 'done' && session.session.role !== 'resident' && session.session.role !== 'employer'
  const [tab, setTab] = useState<'open' | 'placed'>('open')
  const [placing, setPlacing] = useState<PlacementCaseItem | null>(null)
  const [form, setForm] = useState<Form>({ personId: '', employer: '', post: '', startedOn: '', note: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const list = usePaged<PlacementCaseItem>(
    isStaff ? `cases|${tab}` : null,
    (cursor) => api('listPlacementCases', { query: { status: tab, cursor } }),
    (c) => c.id,
  )
  const { reload: reloadCases, loadMore } = list
  useEffect(() => {
    if (isStaff) void reloadCases()
  }, [isStaff, reloadCases])
  useDidShow(() => {
    if (isStaff && list.state.loaded) void reloadCases()
  })
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void reloadCases().finally(() => Taro.stopPullDownRefresh())
  })

  const gate = staffGate(session, () => void reload(), {
    name: '安置个案',
    idPrefix: 'cases',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>
  const { items, loading, error, loaded, nextCursor } = list.state

  const open = (c: PlacementCaseItem) => {
    setPlacing(c)
    setErrors({})
    setForm({
      personId: c.members?.[0]?.personId ?? '',
      employer: '',
      post: '',
      startedOn: todayInChina(),
      note: '',
    })
  }
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    setErrors((e) => {
      const { [k]: _, form: __, ...rest } = e
      return rest
    })
  }
  const submit = async () => {
    if (!placing || busy) return
    const missing: FieldErrors = {}
    if (!form.personId) missing.personId = '请选择安置人员'
    if (form.employer.trim().length < 2) missing.employer = '请填写安置单位'
    if (form.post.trim().length < 2) missing.post = '请填写岗位'
    if (!form.startedOn) missing.startedOn = '请选择上岗日期'
    if (Object.keys(missing).length) {
      setErrors(missing)
      return
    }
    setBusy(true)
    try {
      await api('recordPlacement', {
        params: { id: placing.id },
        body: {
          personId: form.personId,
          employer: form.employer.trim(),
          post: form.post.trim(),
          startedOn: form.startedOn,
          ...(form.note.trim() ? { note: form.note.trim() } : {}),
        },
      })
      setPlacing(null)
      toastText('已登记安置')
      await reloadCases()
    } catch (e) {
      const fields = serverErrors(isApiError(e) ? e.issues : undefined)
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const now = Date.now()
  // The placement sheet half-filled (its date comes filled in): leaving the page asks first.
  const dirty = placing !== null && [form.employer, form.post, form.note].some((v) => v.trim() !== '')

  return (
    <PageShell className="staff wb" beforeLeave={() => confirmDiscard(dirty, '放弃登记安置？')} guard={dirty}>
      <View className="staff__head wb-head--padded">
        <View className="wb-head__who">
          <Text className="staff__title">安置个案</Text>
          <Text className="staff__region">{session.session.regionName ?? ''}</Text>
        </View>
        <Text className="wb-head__desc">
          零就业家庭 24 小时内托底安置，特别困难人员 72 小时内实现就业；逾期自动上报街道（镇）、县。
        </Text>
      </View>
      <View style={{ margin: '8px 12px 0' }}>
        <ChoiceChips
          id="cases-tabs"
          idPrefix="cases-tab-"
          options={[
            { value: 'open', label: '待安置' },
            { value: 'placed', label: '已安置' },
          ]}
          value={tab}
          onChange={(v) => setTab(v as 'open' | 'placed')}
        />
      </View>
      {loading === 'first' && !items.length ? <LoadingView /> : null}
      {error && !items.length ? <ErrorView message={error} onRetry={() => void reloadCases()} /> : null}
      {loaded && !error && items.length === 0 ? (
        <StateView
          id="cases-empty"
          icon="✓"
          title={tab === 'open' ? '没有待安置的个案' : '还没有已安置的个案'}
          desc="零就业家庭认定或作出 72 小时承诺后出现在这里"
        />
      ) : null}
      {items.length
        ? items.map((c) => (
            <View key={c.id} id={`case-${c.id}`} className="card">
              <View className="list-item__head">
                <Text className="list-item__title">{KIND[c.kind]}</Text>
                {c.status === 'open' ? (
                  <Text
                    className={`tag ${c.overdue ? 'tag--accent' : 'tag--ok'}`}
                    id={`case-countdown-${c.id}`}
                  >
                    {countdown(c.deadline, now)}
                  </Text>
                ) : (
                  <Text className="tag tag--ok">已安置</Text>
                )}
              </View>
              <Text className="list-item__meta">
                {c.communityName ?? c.community} · {formatDateTime(c.openedAt)} 起 · 截止{' '}
                {formatDateTime(c.deadline)}
              </Text>
              {c.status === 'open' && c.level !== 'community' ? (
                <Text className="list-item__meta">已上报{LEVEL[c.level]}督办</Text>
              ) : null}
              {(c.members ?? []).map((m) => (
                <View
                  key={m.personId}
                  className="list-item__head"
                  hoverClass="list-item--hover"
                  onClick={() =>
                    openPage(`/packages/staff/pages/person/index?id=${encodeURIComponent(m.personId)}`)
                  }
                >
                  <Text className="wb-record__line">{m.name}</Text>
                  <Text className="muted">›</Text>
                </View>
              ))}
              {c.placement ? (
                <Text className="list-item__meta">
                  {formatDate(c.placement.startedOn)} 安置到 {c.placement.employer} · {c.placement.post}
                </Text>
              ) : null}
              {c.status === 'open' ? (
                <View style={{ display: 'flex', justifyContent: 'flex-end', marginTop: '8px' }}>
                  <View
                    id={`case-place-${c.id}`}
                    className="btn btn--primary btn--small"
                    hoverClass="btn--hover"
                    onClick={() => open(c)}
                  >
                    登记安置
                  </View>
                </View>
              ) : null}
            </View>
          ))
        : null}
      {list.current && !error ? (
        <ListFoot
          id="cases-more"
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void loadMore()}
        />
      ) : null}

      <ConfirmSheet
        open={placing !== null}
        title="登记安置"
        confirmText="登记"
        confirmId="case-place-submit"
        dirty={dirty}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setPlacing(null)}
      >
        <Text className="wb-sheet__label">安置人员</Text>
        <ChoiceChips
          id="case-person"
          idPrefix="case-person-"
          options={(placing?.members ?? []).map((m) => ({ value: m.personId, label: m.name }))}
          value={form.personId}
          onChange={(v) => set('personId', v)}
        />
        {errors.personId ? <Text className="form-field__error">{errors.personId}</Text> : null}
        <Text className="wb-sheet__label">安置单位</Text>
        <Input
          id="case-employer"
          className="form-input"
          value={form.employer}
          maxlength={60}
          placeholder="如：海安镇城市管理办公室"
          placeholderClass="form-placeholder"
          onInput={(e) => set('employer', e.detail.value)}
        />
        {errors.employer ? <Text className="form-field__error">{errors.employer}</Text> : null}
        <Text className="wb-sheet__label">岗位</Text>
        <Input
          id="case-post"
          className="form-input"
          value={form.post}
          maxlength={40}
          placeholder="如：社区保洁员"
          placeholderClass="form-placeholder"
          onInput={(e) => set('post', e.detail.value)}
        />
        {errors.post ? <Text className="form-field__error">{errors.post}</Text> : null}
        <Text className="wb-sheet__label">上岗日期</Text>
        <DateBox
          id="case-date"
          value={form.startedOn}
          fields="day"
          end={todayInChina()}
          placeholder="请选择日期"
          onChange={(v) => set('startedOn', v)}
        />
        {errors.startedOn ? <Text className="form-field__error">{errors.startedOn}</Text> : null}
        <Text className="wb-sheet__label">说明（选填）</Text>
        <Textarea
          id="case-note"
          className="form-textarea"
          maxlength={200}
          value={form.note}
          placeholder="如：公益性岗位，签订一年协议"
          placeholderClass="form-placeholder"
          onInput={(e) => set('note', e.detail.value)}
        />
        {errors.form ? <Text className="form-field__error">{errors.form}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
