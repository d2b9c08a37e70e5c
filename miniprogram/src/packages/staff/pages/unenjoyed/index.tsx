import { isStaffRole } from '@shared/auth/identity'
import { EXPLAIN_CHANNELS, type ExplainChannel, type UnenjoyedItem } from '@shared/policies/policy'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ConfirmSheet } from '../../../../components/Application'
import { ChoiceChips, DateBox } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import RoleRegion from '../../../../components/RoleRegion'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, todayInChina } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { personPath } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'
import '../../policies.scss'

type State = 'to_brief' | 'briefed' | 'all'
const TABS: { value: State; label: string }[] = [
  { value: 'to_brief', label: '待宣讲' },
  { value: 'briefed', label: '已宣讲' },
  { value: 'all', label: '全部' },
]
const CHANNEL_OPTIONS = Object.entries(EXPLAIN_CHANNELS).map(([value, label]) => ({ value, label }))

/** Where this person is on the way from "eligible" to "enjoying". */
function Steps({ item }: { item: UnenjoyedItem }) {
  const steps = [
    { on: !!item.notifiedAt, label: '已通知' },
    { on: !!item.readAt, label: '已阅读' },
    { on: !!item.explainedAt, label: '已宣讲' },
    { on: !!item.appliedAt, label: '已申请' },
  ]
  return (
    <View className="tags reach-steps">
      {steps.map((s) => (
        <Text key={s.label} className={`tag ${s.on ? 'tag--ok' : 'tag--muted'}`}>
          {s.on ? '✓ ' : ''}
          {s.label}
        </Text>
      ))}
    </View>
  )
}

/**
 * 应享未享: the people of the coordinator's community who are eligible for a policy and do not
 * enjoy it — the people to brief in person (宣讲到人). Recording the briefing counts as knowing.
 */
export default function UnenjoyedPage() {
  const router = useRouter()
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const policyId = router.params.policyId
  // Opened from a person card: that person's policies, briefed or not.
  const personId = /^psn_[a-z0-9_]{1,40}$/.test(router.params.personId ?? '')
    ? router.params.personId
    : undefined
  const [tab, setTab] = useState<State>(personId ? 'all' : 'to_brief')
  const [briefing, setBriefing] = useState<UnenjoyedItem | null>(null)
  const [channel, setChannel] = useState<ExplainChannel | ''>('')
  const [date, setDate] = useState(todayInChina())
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const list = usePaged<UnenjoyedItem>(
    isStaff ? `${tab}|${policyId ?? ''}|${personId ?? ''}` : null,
    (cursor) => api('listUnenjoyed', { query: { state: tab, policyId, personId, cursor } }),
    (i) => i.id,
  )
  const { reload, loadMore, update } = list
  useEffect(() => {
    if (isStaff) void reload()
  }, [isStaff, reload])
  useReachBottom(() => {
    void loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? reload() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const open = (item: UnenjoyedItem) => {
    setBriefing(item)
    setChannel('')
    setNote('')
    setError('')
    setDate(todayInChina())
  }

  const submit = async () => {
    if (!briefing || busy) return
    if (!channel) return setError('请选择宣讲方式')
    setBusy(true)
    try {
      const saved = await api('recordExplained', {
        params: { id: briefing.id },
        body: { channel, date, ...(note.trim() ? { note: note.trim() } : {}) },
      })
      // Briefed people leave the 待宣讲 list; elsewhere the row shows the new step.
      update((items) =>
        tab === 'to_brief'
          ? items.filter((i) => i.id !== saved.id)
          : items.map((i) => (i.id === saved.id ? saved : i)),
      )
      setBriefing(null)
      toastText(`已记录向${saved.personName}宣讲`)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const { items, loading, error: listError, loaded, nextCursor } = list.state
  const info = session.session
  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <Text className="staff__title">应享未享 · 宣讲到人</Text>
        <RoleRegion info={info} />
        <Text className="wb-head__desc">
          符合政策条件、尚未享受的居民。请逐一电话或上门讲解政策和办理方式，并在此记录。
        </Text>
      </View>
      <View className="staff__tabs">
        {TABS.map((t) => (
          <View
            key={t.value}
            id={`unenjoyed-tab-${t.value}`}
            className={`staff__tab${t.value === tab ? ' staff__tab--on' : ''}`}
            onClick={() => setTab(t.value)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>

      {loading === 'first' && items.length === 0 ? <LoadingView /> : null}
      {listError ? <ErrorView message={listError} onRetry={() => void reload()} /> : null}
      {list.current && loaded && !loading && !listError && items.length === 0 ? (
        <StateView
          id="unenjoyed-empty"
          icon="✓"
          title={tab === 'to_brief' ? '暂无待宣讲的居民' : '暂无记录'}
          desc="系统每天评估辖区居民，符合新政策的会出现在这里"
        />
      ) : null}

      {items.map((i) => (
        <View key={i.id} className="list-item" id={`unenjoyed-item-${i.id}`}>
          <View className="list-item__head">
            <Text className="list-item__title" onClick={() => openPage(personPath(i.personId))}>
              {i.personName}
            </Text>
            <Text className="reach-community">{i.communityName ?? ''}</Text>
          </View>
          <Text className="reach-policy">{i.policyTitle}</Text>
          <Text className="list-item__meta">{formatDate(i.eligibleSince)} 起符合条件</Text>
          <Steps item={i} />
          {i.explained ? (
            <Text className="list-item__meta">
              {formatDate(i.explained.date)} {i.explained.channelLabel}宣讲 · {i.explained.by}
              {i.explained.note ? ` · ${i.explained.note}` : ''}
            </Text>
          ) : null}
          <View className="reach-actions">
            <View
              className="btn btn--plain btn--small"
              hoverClass="btn--hover"
              onClick={() => openPage(personPath(i.personId))}
            >
              人员信息
            </View>
            <View
              id={`unenjoyed-brief-${i.id}`}
              className="btn btn--ghost btn--small"
              hoverClass="btn--hover"
              onClick={() => open(i)}
            >
              {i.explainedAt ? '再次宣讲' : '记录宣讲'}
            </View>
          </View>
        </View>
      ))}
      {list.current && !listError ? (
        <ListFoot
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void loadMore()}
        />
      ) : null}

      <ConfirmSheet
        open={briefing !== null}
        title={briefing ? `向${briefing.personName}宣讲「${briefing.policyTitle}」` : ''}
        confirmText="记录"
        confirmId="brief-submit"
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setBriefing(null)}
      >
        <Text className="wb-sheet__label">宣讲方式</Text>
        <ChoiceChips
          id="brief-channel"
          idPrefix="brief-channel-"
          options={CHANNEL_OPTIONS}
          value={channel}
          onChange={(v) => {
            setChannel(v as ExplainChannel)
            setError('')
          }}
        />
        <Text className="wb-sheet__label">宣讲日期</Text>
        <DateBox
          id="brief-date"
          fields="day"
          value={date}
          end={todayInChina()}
          placeholder="请选择日期"
          onChange={setDate}
        />
        <Text className="wb-sheet__label">备注（选填）</Text>
        <Textarea
          id="brief-note"
          className="form-textarea wb-textarea--short"
          maxlength={200}
          value={note}
          placeholder="如：已讲解申领材料，本人下周到社区办理"
          placeholderClass="form-placeholder"
          onInput={(e) => setNote(e.detail.value)}
        />
        {error ? <Text className="form-field__error">{error}</Text> : null}
      </ConfirmSheet>
    </PageShell>
  )
}
