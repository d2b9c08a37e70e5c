import { isStaffRole } from '@shared/auth/identity'
import type { InterestView, JobPushView } from '@shared/jobs/seeker'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../../api/client'
import { ApplicantRow, OutcomeSheet } from '../../../../components/Applicants'
import { openJobDetail } from '../../../../components/JobCard'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { openPage } from '../../../../utils/nav'
import { toastError } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { personPath } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

type Tab = 'interests' | 'pushes'
type Outcome = 'interview' | 'hired' | 'not_hired'

/**
 * The coordinator's view of jobs reaching their people: who applied to what (我要应聘) and what
 * came of it — recorded here when the unit tells the community — and what the daily push sent
 * to whom, with who responded.
 */
export default function SeekersDeskPage() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const [tab, setTab] = useState<Tab>('interests')
  const [deciding, setDeciding] = useState<{ item: InterestView; outcome: Outcome } | null>(null)

  const interests = usePaged<InterestView>(
    isStaff && tab === 'interests' ? 'interests' : null,
    (cursor) => api('listInterests', { query: { cursor } }),
    (i) => i.id,
  )
  const pushes = usePaged<JobPushView>(
    isStaff && tab === 'pushes' ? 'pushes' : null,
    (cursor) => api('listJobPushes', { query: { cursor } }),
    (p) => p.id,
  )
  const current = tab === 'interests' ? interests : pushes
  const reloadInterests = interests.reload
  const reloadPushes = pushes.reload
  useEffect(() => {
    if (tab === 'interests') void reloadInterests()
    else void reloadPushes()
  }, [tab, reloadInterests, reloadPushes])
  useReachBottom(() => {
    void current.loadMore()
  })
  usePullDownRefresh(() => {
    void Promise.all([reloadSession(), isStaff ? current.reload() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const gate = staffGate(session, () => void reloadSession(), {
    name: '应聘与岗位推送',
    idPrefix: 'seekers-desk',
    staff: FOLLOWUP_DESK.staff,
  })
  if (gate || session.status !== 'done') return <PageShell className="staff wb">{gate}</PageShell>

  const reveal = async (item: InterestView) => {
    try {
      const shown = await api('getInterest', { params: { id: item.id }, query: { reveal: 'phone' } })
      interests.update((items) => items.map((i) => (i.id === shown.id ? shown : i)))
    } catch (e) {
      toastError(e)
    }
  }

  const { loading, error, loaded, nextCursor } = current.state
  const count = current.state.items.length
  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <View className="wb-head__who">
          <Text className="staff__title">应聘与岗位推送</Text>
          <Text className="staff__region">{session.session.regionName ?? ''}</Text>
        </View>
        <Text className="wb-head__desc">
          居民在小程序“我要应聘”记为一次职业介绍；单位告知结果后在这里登记，录用即结案零就业家庭的安置个案。
        </Text>
      </View>
      <View className="staff__tabs">
        {(
          [
            { value: 'interests', label: '应聘登记' },
            { value: 'pushes', label: '岗位推送' },
          ] as const
        ).map((t) => (
          <View
            key={t.value}
            id={`seekers-desk-tab-${t.value}`}
            className={`staff__tab${t.value === tab ? ' staff__tab--on' : ''}`}
            onClick={() => setTab(t.value)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {loading === 'first' && count === 0 ? <LoadingView /> : null}
      {error ? <ErrorView message={error} onRetry={() => void current.reload()} /> : null}
      {current.current && loaded && !loading && !error && count === 0 ? (
        <StateView
          id="seekers-desk-empty"
          icon="聘"
          title={tab === 'interests' ? '还没有居民报名岗位' : '还没有推送记录'}
          desc={tab === 'interests' ? '居民点“我要应聘”后出现在这里' : '每天上午 10 点向求职者推送新岗位'}
        />
      ) : null}
      {tab === 'interests'
        ? interests.state.items.map((i) => (
            <ApplicantRow
              key={i.id}
              item={i}
              onOutcome={(outcome) => setDeciding({ item: i, outcome })}
              onReveal={() => void reveal(i)}
              staffView
            />
          ))
        : pushes.state.items.map((p) => (
            <View key={p.id} id={`push-${p.id}`} className="list-item">
              <View className="list-item__head">
                <Text className="list-item__title" onClick={() => openPage(personPath(p.personId))}>
                  {p.name}
                </Text>
                <Text className="list-item__meta">{p.day}</Text>
              </View>
              <Text className="list-item__meta">{p.communityName ?? ''}</Text>
              {p.jobs.map((j) => (
                <View key={j.jobId} className="push-job" onClick={() => openJobDetail(j.jobId)}>
                  <View className="list-item__head">
                    <Text className="push-job__title">
                      {j.title} · {j.employer}
                    </Text>
                    <Text className={`tag ${j.responded ? 'tag--ok' : 'tag--muted'}`}>
                      {j.responded ? '已报名' : '未回应'}
                    </Text>
                  </View>
                  <Text className="push-job__why">{j.reasons.join('；')}</Text>
                </View>
              ))}
            </View>
          ))}
      {current.current && !error ? (
        <ListFoot
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={count}
          onMore={() => void current.loadMore()}
        />
      ) : null}
      <OutcomeSheet
        target={deciding}
        onCancel={() => setDeciding(null)}
        onDone={(saved) => {
          interests.update((items) => items.map((i) => (i.id === saved.id ? saved : i)))
          setDeciding(null)
        }}
      />
    </PageShell>
  )
}
