import { JOB_CATEGORIES, JOB_PAGE_SIZE_DEFAULT, type JobSummary } from '@shared/jobs/job'
import type { Region } from '@shared/regions/region-code'
import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client'
import JobCard from '../../components/JobCard'
import PageShell from '../../components/PageShell'
import Recommendations from '../../components/Recommendations'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { useMe } from '../../hooks/useMe'
import {
  EMPTY_FILTERS,
  filtersFromQuery,
  filtersToQuery,
  hasActiveFilters,
  type JobFilters,
  MIN_SALARY_OPTIONS,
  takeHandedOffJobFilters,
} from '../../store/job-filters'
import { toastError } from '../../utils/toast'
import './index.scss'

const COUNTY_CODE = '320621'
const CATEGORY_CODES = Object.keys(JOB_CATEGORIES) as (keyof typeof JOB_CATEGORIES)[]
const CATEGORY_LABELS = ['全部类别', ...CATEGORY_CODES.map((c) => JOB_CATEGORIES[c])]
const SALARY_LABELS = MIN_SALARY_OPTIONS.map((v) => (v === 0 ? '不限' : `${v} 元以上`))

interface ListState {
  items: JobSummary[]
  nextCursor: string | null
  /** 'first' = loading page one (the list is replaced), 'more' = loading the next page. */
  loading: 'first' | 'more' | null
  error: { message: string; page: 'first' | 'more' } | null
  loaded: boolean
}

const INITIAL_LIST: ListState = { items: [], nextCursor: null, loading: 'first', error: null, loaded: false }

const queryKey = (params: Record<string, string | undefined>): string =>
  JSON.stringify(filtersFromQuery(params))

export default function JobsPage() {
  const router = useRouter()
  const { state: me } = useMe()
  const [filters, setFilters] = useState<JobFilters>(() => ({
    ...EMPTY_FILTERS,
    ...filtersFromQuery(router.params),
    ...takeHandedOffJobFilters(),
  }))
  const [keyword, setKeyword] = useState(filters.q)
  const [list, setList] = useState<ListState>(INITIAL_LIST)
  const [towns, setTowns] = useState<Region[]>([])

  /** Every request for a new filter set bumps this; replies of older requests are dropped. */
  const seq = useRef(0)
  const busy = useRef(false)
  const lastDeepLink = useRef(queryKey(router.params))

  const applyFilters = useCallback((next: JobFilters) => {
    setFilters(next)
    setKeyword(next.q)
  }, [])

  const loadFirst = useCallback(async (f: JobFilters) => {
    const mine = ++seq.current
    busy.current = true
    setList((s) => ({ ...s, loading: 'first', error: null }))
    try {
      const page = await api('listJobs', { query: { ...filtersToQuery(f), limit: JOB_PAGE_SIZE_DEFAULT } })
      if (mine !== seq.current) return
      setList({ items: page.items, nextCursor: page.nextCursor, loading: null, error: null, loaded: true })
    } catch (e) {
      if (mine !== seq.current) return
      setList({
        items: [],
        nextCursor: null,
        loading: null,
        error: { message: errorMessage(e), page: 'first' },
        loaded: true,
      })
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current || !list.nextCursor) return
    const mine = seq.current
    const cursor = list.nextCursor
    busy.current = true
    setList((s) => ({ ...s, loading: 'more', error: null }))
    try {
      const page = await api('listJobs', {
        query: { ...filtersToQuery(filters), cursor, limit: JOB_PAGE_SIZE_DEFAULT },
      })
      if (mine !== seq.current) return
      setList((s) => {
        const seen = new Set(s.items.map((j) => j.id))
        return {
          ...s,
          items: [...s.items, ...page.items.filter((j) => !seen.has(j.id))],
          nextCursor: page.nextCursor,
          loading: null,
        }
      })
    } catch (e) {
      if (mine !== seq.current) return
      setList((s) => ({ ...s, loading: null, error: { message: errorMessage(e), page: 'more' } }))
      toastError(e)
    } finally {
      if (mine === seq.current) busy.current = false
    }
  }, [filters, list.nextCursor])

  useEffect(() => {
    void loadFirst(filters)
  }, [filters, loadFirst])

  useEffect(() => {
    api('listRegions', { query: { parent: COUNTY_CODE } })
      .then((reply) => setTowns(reply.items))
      .catch(() => setTowns([]))
  }, [])

  /** Apply a deep link's filters once per distinct link. */
  const followDeepLink = useCallback(
    (params: Record<string, string | undefined>) => {
      const key = queryKey(params)
      if (key === lastDeepLink.current) return
      lastDeepLink.current = key
      const linked = filtersFromQuery(params)
      if (linked) applyFilters({ ...EMPTY_FILTERS, ...linked })
    },
    [applyFilters],
  )

  // H5: changing only the query of the open tab page (#/pages/jobs/index?category=…) is a hash
  // change the router does not turn into a page show.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return
    const onHashChange = () => {
      const [route = '', search = ''] = window.location.hash.replace(/^#/, '').split('?')
      if (!route.startsWith('/pages/jobs/index')) return
      const params: Record<string, string> = {}
      new URLSearchParams(search).forEach((value, key) => {
        params[key] = value
      })
      followDeepLink(params)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [followDeepLink])

  useDidShow(() => {
    // Filters left by the home page (switchTab has no query) …
    const handed = takeHandedOffJobFilters()
    if (handed) {
      applyFilters({ ...EMPTY_FILTERS, ...handed })
      return
    }
    // … or a new deep link to this page while it was already open.
    followDeepLink(Taro.getCurrentInstance().router?.params ?? {})
  })

  useReachBottom(() => {
    if (!list.error) void loadMore()
  })

  usePullDownRefresh(() => {
    void loadFirst(filters).finally(() => Taro.stopPullDownRefresh())
  })

  const update = (patch: Partial<JobFilters>) => setFilters((f) => ({ ...f, ...patch }))
  const search = () => update({ q: keyword.trim() })
  const clearFilters = () => applyFilters({ ...EMPTY_FILTERS })

  const townLabels = useMemo(() => ['全部镇街', ...towns.map((t) => t.name)], [towns])
  const townIndex = Math.max(0, towns.findIndex((t) => t.code === filters.region) + 1)
  const townLabel = filters.region
    ? (towns.find((t) => t.code === filters.region)?.name ?? '已选镇街')
    : '全部镇街'
  const categoryIndex = filters.category ? CATEGORY_CODES.indexOf(filters.category) + 1 : 0
  const salaryIndex = Math.max(
    0,
    MIN_SALARY_OPTIONS.indexOf(filters.minSalary as (typeof MIN_SALARY_OPTIONS)[number]),
  )
  const salaryLabel = filters.minSalary > 0 ? `月薪${filters.minSalary}+` : '月薪不限'

  const { items, loading, error, nextCursor, loaded } = list

  return (
    <PageShell className="jobs">
      <View className="jobs__filters">
        <View className="jobs__search">
          <Input
            className="jobs__search-input"
            id="job-search-input"
            type="text"
            confirmType="search"
            placeholder="搜索岗位名称、单位"
            placeholderClass="jobs__placeholder"
            maxlength={30}
            value={keyword}
            onInput={(e) => setKeyword(e.detail.value)}
            onConfirm={search}
          />
          <View className="jobs__search-btn" id="job-search-button" hoverClass="btn--hover" onClick={search}>
            搜索
          </View>
        </View>

        <View className="jobs__pickers">
          <Picker
            id="filter-region"
            className="jobs__picker"
            mode="selector"
            range={townLabels}
            value={townIndex}
            onChange={(e) => {
              const i = Number(e.detail.value)
              update({ region: i > 0 ? (towns[i - 1]?.code ?? '') : '' })
            }}
          >
            <View className={`jobs__chip${filters.region ? ' jobs__chip--on' : ''}`}>
              <Text className="jobs__chip-text">{townLabel}</Text>
              <Text className="jobs__chip-arrow">▾</Text>
            </View>
          </Picker>
          <Picker
            id="filter-category"
            className="jobs__picker"
            mode="selector"
            range={CATEGORY_LABELS}
            value={categoryIndex}
            onChange={(e) => {
              const i = Number(e.detail.value)
              update({ category: i > 0 ? (CATEGORY_CODES[i - 1] ?? '') : '' })
            }}
          >
            <View className={`jobs__chip${filters.category ? ' jobs__chip--on' : ''}`}>
              <Text className="jobs__chip-text">
                {filters.category ? JOB_CATEGORIES[filters.category] : '全部类别'}
              </Text>
              <Text className="jobs__chip-arrow">▾</Text>
            </View>
          </Picker>
          <Picker
            id="filter-min-salary"
            className="jobs__picker"
            mode="selector"
            range={SALARY_LABELS}
            value={salaryIndex}
            onChange={(e) => update({ minSalary: MIN_SALARY_OPTIONS[Number(e.detail.value)] ?? 0 })}
          >
            <View className={`jobs__chip${filters.minSalary > 0 ? ' jobs__chip--on' : ''}`}>
              <Text className="jobs__chip-text">{salaryLabel}</Text>
              <Text className="jobs__chip-arrow">▾</Text>
            </View>
          </Picker>
        </View>

        <View className="jobs__welfare">
          <Text className="jobs__welfare-label">只看公益性岗位</Text>
          <Switch
            id="filter-public-welfare"
            className="jobs__switch"
            color="#d4380d"
            checked={filters.publicWelfare}
            onChange={(e) => update({ publicWelfare: e.detail.value })}
          />
        </View>
      </View>

      {loading === 'first' && items.length === 0 ? <LoadingView /> : null}

      {error?.page === 'first' ? (
        <ErrorView id="job-list-error" message={error.message} onRetry={() => void loadFirst(filters)} />
      ) : null}

      {loaded && !loading && !error && items.length === 0 ? (
        <StateView
          id="job-list-empty"
          icon="空"
          title="没有找到符合条件的岗位"
          desc={hasActiveFilters(filters) ? '换个关键词或放宽筛选条件试试' : '暂时没有在招岗位，请稍后再来'}
          action={
            hasActiveFilters(filters) ? (
              <View
                className="btn btn--ghost btn--small"
                id="job-clear-filters"
                hoverClass="btn--hover"
                onClick={clearFilters}
              >
                清除筛选
              </View>
            ) : null
          }
        />
      ) : null}

      {hasActiveFilters(filters) ? null : <Recommendations me={me} limit={3} idPrefix="jobs-rec-" />}

      <View className={`jobs__list${loading === 'first' && items.length > 0 ? ' jobs__list--stale' : ''}`}>
        {error?.page === 'first' ? null : items.map((job) => <JobCard key={job.id} job={job} />)}
      </View>

      {loading === 'more' ? <LoadingView /> : null}
      {error?.page === 'more' ? (
        <View className="list-note jobs__more-error" onClick={() => void loadMore()}>
          <Text>加载失败，点击重试</Text>
        </View>
      ) : null}
      {!loading && !error && items.length > 0 && nextCursor === null ? (
        <View className="list-note" id="job-list-end">
          <Text>没有更多了</Text>
        </View>
      ) : null}
    </PageShell>
  )
}
