import type { WelfareCandidate, WelfarePostView } from '@shared/jobs/welfare'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import { ConfirmSheet, KeyValue } from '../../../../components/Application'
import { DateBox, FormField } from '../../../../components/Form'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { formatDate, todayInChina } from '../../../../utils/format'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { personPath } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

type Loaded = { post: WelfarePostView; candidates: WelfareCandidate[] }

/**
 * One public-welfare post: who is on it, and who should be next — the members of zero-employment
 * households still in their 24 hours first, then difficulty persons longest out of work. Street
 * and county staff place a person from here; the open placement case closes with it.
 */
export default function WelfarePostPage() {
  const id = useRouter().params.id ?? ''
  const { state: session, reload: reloadSession } = useSession()
  const role = session.status === 'done' ? session.session.role : null
  const isStaff = role === 'coordinator' || role === 'street' || role === 'county'
  const canAllocate = role === 'street' || role === 'county'
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; message: string } | Loaded>({
    status: 'loading',
  })
  const [placing, setPlacing] = useState<WelfareCandidate | null>(null)
  const [startedOn, setStartedOn] = useState('')
  const [busy, setBusy] = useState(false)
  const [sheetError, setSheetError] = useState('')

  const load = useCallback(async () => {
    try {
      const [post, candidates] = await Promise.all([
        api('getWelfarePost', { params: { id } }),
        api('listWelfareCandidates', { params: { id } }),
      ])
      setState({ post, candidates: candidates.items })
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) })
    }
  }, [id])
  useEffect(() => {
    if (isStaff) void load()
  }, [isStaff, load])
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? load() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), {
    name: '公益性岗位',
    idPrefix: 'welfare-post',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate) return <PageShell className="staff wb">{gate}</PageShell>
  if ('status' in state && state.status === 'loading')
    return (
      <PageShell className="staff wb">
        <LoadingView />
      </PageShell>
    )
  if ('status' in state)
    return (
      <PageShell className="staff wb">
        <ErrorView message={state.message} onRetry={() => void load()} />
      </PageShell>
    )

  const { post, candidates } = state
  const allocate = async () => {
    if (!placing || busy) return
    setBusy(true)
    setSheetError('')
    try {
      const saved = await api('allocateWelfarePost', {
        params: { id },
        body: { personId: placing.personId, ...(startedOn ? { startedOn } : {}) },
      })
      setPlacing(null)
      toastText(`已安置${placing.name}`)
      const fresh = await api('listWelfareCandidates', { params: { id } }).catch(() => null)
      setState({
        post: saved,
        candidates: fresh?.items ?? candidates.filter((c) => c.personId !== placing.personId),
      })
    } catch (e) {
      // A refusal (full, priority, already placed) is said in the sheet; the list is refreshed.
      setSheetError(errorMessage(e))
      void load()
    } finally {
      setBusy(false)
    }
  }

  const full = post.remaining === 0
  return (
    <PageShell className="staff wb">
      <View className="card" id="welfare-post-card">
        <Text className="staff__title">{post.title}</Text>
        <View className="welfare-progress">
          <View className="welfare-progress__bar" style={{ width: `${(100 * post.filled) / post.count}%` }} />
        </View>
        <Text className="list-item__meta" id="welfare-post-filled">
          已安置 {post.filled}/{post.count}
          {full ? '，已满员' : `，还可安置 ${post.remaining} 人`}
        </Text>
        <KeyValue label="用人单位" value={post.employer} />
        <KeyValue label="镇（街道）" value={post.townName ?? post.town} />
        <KeyValue label="每月补贴" value={`${post.subsidyPerMonth} 元`} />
        <KeyValue label="补贴期限" value={`${post.termMonths} 个月`} />
        {post.description ? <KeyValue label="岗位说明" value={post.description} /> : null}
      </View>

      <View className="section-head">
        <Text className="section-title">已安置（{post.allocations?.length ?? 0}）</Text>
      </View>
      {post.allocations?.length ? (
        post.allocations.map((a) => (
          <View
            key={a.id}
            id={`welfare-allocation-${a.personId}`}
            className="list-item"
            hoverClass="list-item--hover"
            onClick={() => openPage(personPath(a.personId))}
          >
            <View className="list-item__head">
              <Text className="list-item__title">{a.name}</Text>
              <Text className="tag tag--ok">
                {a.priority === 'zero_employment' ? '零就业家庭' : '就业困难'}
              </Text>
            </View>
            <Text className="list-item__meta">
              {formatDate(a.startedOn)} 上岗 · {formatDate(a.endsOn)} 期满 · {a.actor}
            </Text>
            {a.caseId ? <Text className="list-item__meta">已结案托底安置个案</Text> : null}
          </View>
        ))
      ) : (
        <Text className="list-note welfare-note">还没有人安置到这个岗位</Text>
      )}

      {!full ? (
        <>
          <View className="section-head">
            <Text className="section-title">待安置人选（按优先顺序）</Text>
          </View>
          {candidates.length === 0 ? (
            <StateView
              id="welfare-no-candidates"
              icon="✓"
              title="本镇（街道）暂无待安置人员"
              desc="零就业家庭成员和失业的就业困难人员会出现在这里"
            />
          ) : (
            candidates.map((c, i) => (
              <View key={c.personId} id={`welfare-candidate-${c.personId}`} className="list-item">
                <View className="list-item__head">
                  <Text className="list-item__title" onClick={() => openPage(personPath(c.personId))}>
                    {i + 1}. {c.name}
                  </Text>
                  <Text className={`tag ${c.priority === 'zero_employment' ? 'tag--accent' : 'tag--muted'}`}>
                    {c.priority === 'zero_employment' ? '零就业家庭' : '就业困难'}
                  </Text>
                </View>
                <Text className="list-item__meta">{c.communityName ?? ''}</Text>
                <Text className="welfare-why">{c.why}</Text>
                {canAllocate ? (
                  <View className="welfare-candidate__act">
                    <View
                      id={`welfare-place-${c.personId}`}
                      className="btn btn--primary btn--small"
                      hoverClass="btn--hover"
                      onClick={() => {
                        setPlacing(c)
                        setStartedOn('')
                        setSheetError('')
                      }}
                    >
                      安置到本岗位
                    </View>
                  </View>
                ) : null}
              </View>
            ))
          )}
          {!canAllocate ? (
            <Text className="list-note welfare-note">安置由街道（镇）或县人社部门办理</Text>
          ) : null}
        </>
      ) : null}

      <ConfirmSheet
        open={placing !== null}
        title={placing ? `安置${placing.name}` : ''}
        confirmText="确认安置"
        confirmId="welfare-place-submit"
        busy={busy}
        onConfirm={() => void allocate()}
        onCancel={() => setPlacing(null)}
      >
        <Text className="list-item__meta">
          {post.title}（{post.employer}），每月补贴 {post.subsidyPerMonth} 元，期限 {post.termMonths} 个月。
          {placing?.caseId ? '安置后该零就业家庭的托底安置个案结案。' : ''}
        </Text>
        <FormField label="上岗日期" required={false} hint="不选则为今天">
          <DateBox
            id="welfare-started-on"
            value={startedOn}
            fields="day"
            end="2099-12-31"
            initial={todayInChina()}
            placeholder={`今天（${todayInChina()}）`}
            onChange={setStartedOn}
          />
        </FormField>
        {sheetError ? (
          <Text className="form-field__error" id="welfare-place-error">
            {sheetError}
          </Text>
        ) : null}
      </ConfirmSheet>
    </PageShell>
  )
}
