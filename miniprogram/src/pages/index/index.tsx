import { JOB_CATEGORIES, type JobCategory, type JobSummary } from '@shared/jobs/job'
import { Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client'
import JobCard from '../../components/JobCard'
import PageShell from '../../components/PageShell'
import Recommendations from '../../components/Recommendations'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { type MeState, useMe } from '../../hooks/useMe'
import { SESSIONS_PATH } from '../../packages/sessions/paths'
import { handOffJobFilters, type JobFilters } from '../../store/job-filters'
import { openPage } from '../../utils/nav'
import { POLICIES_TAB } from '../../utils/policy-nav'
import './index.scss'

/** The shortcuts on the home page; the first character of the label is the badge. */
const SHORTCUTS: JobCategory[] = [
  'manufacturing',
  'textile',
  'construction',
  'logistics',
  'retail',
  'catering',
  'domestic',
]

const openJobs = (filters: Partial<JobFilters>) => {
  handOffJobFilters(filters)
  void Taro.switchTab({ url: '/pages/jobs/index' })
}

/** 应知尽知 on the first screen: how many policies fit me, one tap to the 政策 tab. */
function PolicyTeaser({ me }: { me: MeState }) {
  const [count, setCount] = useState<number | null>(null)
  const meKey = me.status === 'done' ? me.me.updatedAt : null
  useEffect(() => {
    if (!meKey) return setCount(null)
    let live = true
    api('myEligibility')
      .then((r) => {
        if (live)
          setCount(r.items.filter((i) => i.verdict === 'eligible' || i.verdict === 'need_info').length)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [meKey])
  return (
    <View
      className="card home__policy"
      id="home-policies"
      hoverClass="btn--hover"
      onClick={() => void Taro.switchTab({ url: POLICIES_TAB })}
    >
      <View className="home__welfare-text">
        <Text className="home__welfare-title">
          {count === null
            ? '就业扶持政策'
            : count > 0
              ? `您可能可以享受 ${count} 项政策`
              : '查看就业扶持政策'}
        </Text>
        <Text className="home__welfare-desc">
          {count === null
            ? '社保补贴、创业补贴、培训补贴……看看哪些适合您'
            : '逐条说明条件，符合的可直接网上申请'}
        </Text>
      </View>
      <View className="btn btn--primary btn--small">{count ? '去看看' : '查看'}</View>
    </View>
  )
}

type Latest =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; items: JobSummary[] }

export default function IndexPage() {
  const { state: me, reload: reloadMe } = useMe()
  const [keyword, setKeyword] = useState('')
  const [latest, setLatest] = useState<Latest>({ status: 'loading' })
  const seq = useRef(0)

  const loadLatest = useCallback(async () => {
    const mine = ++seq.current
    setLatest({ status: 'loading' })
    try {
      const page = await api('listJobs', { query: { limit: 5 } })
      if (mine === seq.current) setLatest({ status: 'done', items: page.items.slice(0, 5) })
    } catch (e) {
      if (mine === seq.current) setLatest({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  useEffect(() => {
    void loadLatest()
  }, [loadLatest])

  usePullDownRefresh(() => {
    void Promise.all([loadLatest(), reloadMe()]).finally(() => Taro.stopPullDownRefresh())
  })

  const search = () => openJobs({ q: keyword.trim() })

  return (
    <PageShell className="home">
      <View className="home__hero">
        <Text className="home__title">海安市公共就业服务</Text>
        <Text className="home__slogan">政策应知尽知 · 服务应享尽享</Text>
        <View className="home__search">
          <Input
            className="home__search-input"
            id="home-search-input"
            type="text"
            confirmType="search"
            placeholder="搜索岗位、单位"
            placeholderClass="home__search-placeholder"
            maxlength={30}
            value={keyword}
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={search}
          />
          <View className="home__search-btn" id="home-search-button" hoverClass="btn--hover" onClick={search}>
            搜索
          </View>
        </View>
      </View>

      <PolicyTeaser me={me} />

      <Recommendations me={me} limit={3} idPrefix="home-rec-" />

      <View className="card home__grid">
        {SHORTCUTS.map((code) => (
          <View
            key={code}
            className="home__grid-item"
            id={`home-category-${code}`}
            hoverClass="btn--hover"
            onClick={() => openJobs({ category: code })}
          >
            <View className="home__grid-badge">
              <Text>{JOB_CATEGORIES[code].slice(0, 1)}</Text>
            </View>
            <Text className="home__grid-label">{JOB_CATEGORIES[code]}</Text>
          </View>
        ))}
        <View className="home__grid-item" hoverClass="btn--hover" onClick={() => openJobs({})}>
          <View className="home__grid-badge home__grid-badge--all">
            <Text>全</Text>
          </View>
          <Text className="home__grid-label">全部岗位</Text>
        </View>
      </View>

      <View
        className="card home__welfare"
        id="home-public-welfare"
        hoverClass="btn--hover"
        onClick={() => openJobs({ publicWelfare: true })}
      >
        <View className="home__welfare-text">
          <Text className="home__welfare-title">公益性岗位</Text>
          <Text className="home__welfare-desc">政府开发的托底岗位，优先安置就业困难人员</Text>
        </View>
        <View className="btn btn--primary btn--small">去看看</View>
      </View>

      <View
        className="card home__welfare"
        id="home-sessions"
        hoverClass="btn--hover"
        onClick={() => openPage(SESSIONS_PATH)}
      >
        <View className="home__welfare-text">
          <Text className="home__welfare-title">预约指导与培训</Text>
          <Text className="home__welfare-desc">职业指导、技能培训、政策宣讲，自己选时间预约</Text>
        </View>
        <View className="btn btn--primary btn--small">去预约</View>
      </View>

      <View className="section-head">
        <Text className="section-title">最新岗位</Text>
        <Text className="section-more" onClick={() => openJobs({})}>
          查看全部 ›
        </Text>
      </View>

      {latest.status === 'loading' ? <LoadingView /> : null}
      {latest.status === 'error' ? <ErrorView message={latest.message} onRetry={loadLatest} /> : null}
      {latest.status === 'done' && latest.items.length === 0 ? (
        <StateView icon="空" title="暂无岗位" desc="新岗位发布后会显示在这里" />
      ) : null}
      {latest.status === 'done'
        ? latest.items.map((job) => <JobCard key={job.id} job={job} idPrefix="home-job-" />)
        : null}
    </PageShell>
  )
}
