import type { EligibilityItem, PolicyNoticeView, PolicySummary } from '@shared/policies/policy'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client'
import PageShell from '../../components/PageShell'
import PolicySubscription from '../../components/PolicySubscription'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { NextStepButton, ReasonList, VerdictBadge } from '../../components/Verdict'
import { useMe } from '../../hooks/useMe'
import { formatDate } from '../../utils/format'
import { goLogin, goProfile, openPage } from '../../utils/nav'
import { noticePath, policyPath } from '../../utils/policy-nav'
import '../../components/Banner.scss'
import './index.scss'

type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; value: T }

/** A policy with my verdict, its reasons and the one-tap next step. */
function EligibilityCard({ item, quiet }: { item: EligibilityItem; quiet?: boolean }) {
  const unmet = item.reasons.find((r) => r.met === false)
  return (
    <View
      className={`card policy-card${quiet ? ' policy-card--quiet' : ''}`}
      id={`policy-card-${item.policyId}`}
      hoverClass="btn--hover"
      onClick={() => openPage(policyPath(item.policyId))}
    >
      <View className="policy-card__head">
        <Text className="policy-card__title">{item.title}</Text>
        <VerdictBadge
          verdict={item.verdict}
          label={item.verdictLabel}
          id={`policy-verdict-${item.policyId}`}
        />
      </View>
      {quiet ? (
        unmet ? (
          <Text className="policies__why">{unmet.text}</Text>
        ) : null
      ) : (
        <>
          <Text className="policy-card__summary">{item.summary}</Text>
          <ReasonList reasons={item.reasons} limit={4} id={`policy-reasons-${item.policyId}`} />
        </>
      )}
      {!quiet ? (
        <View className="policy-card__foot">
          <Text className="policy-card__more">查看详情 ›</Text>
          {item.nextStep ? (
            <NextStepButton step={item.nextStep} small id={`policy-next-${item.policyId}`} />
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

function CatalogueCard({ p }: { p: PolicySummary }) {
  return (
    <View
      className="card policy-card"
      id={`policy-card-${p.id}`}
      hoverClass="btn--hover"
      onClick={() => openPage(policyPath(p.id))}
    >
      <View className="policy-card__head">
        <Text className="policy-card__title">{p.title}</Text>
        {p.applicationLabel ? <Text className="tag tag--accent">可网上申请</Text> : null}
      </View>
      <Text className="policy-card__summary">{p.summary}</Text>
      <View className="policy-card__foot">
        <Text className="policy-card__more">{p.issuer}</Text>
        <Text className="policy-card__more">查看条件 ›</Text>
      </View>
    </View>
  )
}

function NoticeStrip({ notices }: { notices: PolicyNoticeView[] }) {
  if (!notices.length) return null
  return (
    <View className="card policies__notices" id="policies-notices">
      <Text className="card-title">政策通知</Text>
      {notices.slice(0, 3).map((n) => (
        <View
          key={n.id}
          id={`policies-notice-${n.id}`}
          className="policies__notice"
          hoverClass="btn--hover"
          onClick={() => openPage(noticePath(n.id))}
        >
          <Text className="policies__notice-title">{n.title}</Text>
          <Text className="policies__notice-date">{n.publishedAt ? formatDate(n.publishedAt) : ''}</Text>
        </View>
      ))}
    </View>
  )
}

export default function PoliciesPage() {
  const { state: me, reload: reloadMe } = useMe()
  const [mine, setMine] = useState<Load<EligibilityItem[]> | null>(null)
  const [all, setAll] = useState<Load<PolicySummary[]>>({ status: 'loading' })
  const [notices, setNotices] = useState<PolicyNoticeView[]>([])
  const [showOthers, setShowOthers] = useState(false)
  const seq = useRef(0)
  const registered = me.status === 'done'

  const loadMine = useCallback(async () => {
    const n = ++seq.current
    setMine((s) => (s?.status === 'done' ? s : { status: 'loading' }))
    try {
      const reply = await api('myEligibility')
      if (n === seq.current) setMine({ status: 'done', value: reply.items })
    } catch (e) {
      if (n === seq.current) setMine({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  const loadAll = useCallback(async () => {
    try {
      const [policies, notes] = await Promise.all([api('listPolicies'), api('listPolicyNotices')])
      setAll({ status: 'done', value: policies.items })
      setNotices(notes.items)
    } catch (e) {
      setAll({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  useEffect(() => {
    void loadAll()
  }, [loadAll])

  // My verdicts follow my record: loaded whenever the page shows with a registered resident.
  const meKey = me.status === 'done' ? me.me.updatedAt : me.status
  useEffect(() => {
    if (meKey && me.status === 'done') void loadMine()
  }, [meKey, me.status, loadMine])

  usePullDownRefresh(() => {
    void Promise.all([reloadMe(), loadAll(), registered ? loadMine() : undefined]).finally(() =>
      Taro.stopPullDownRefresh(),
    )
  })

  const items = mine?.status === 'done' ? mine.value : []
  const of = (v: EligibilityItem['verdict']) => items.filter((i) => i.verdict === v)
  const eligible = of('eligible')
  const needInfo = of('need_info')
  const enjoying = of('enjoying')
  const others = of('not_eligible')

  return (
    <PageShell className="policies">
      <View className="policies__hero">
        <Text className="policies__title">政策找人 · 应知尽知</Text>
        <Text className="policies__slogan">
          {registered
            ? '根据您登记的信息，逐条说明您能享受哪些就业政策'
            : '就业创业扶持政策一览，登记后为您逐条判断'}
        </Text>
        {registered && mine?.status === 'done' ? (
          <View className="policies__stats" id="policies-stats">
            <View className="policies__stat">
              <Text className="policies__stat-num">{eligible.length}</Text>
              <Text className="policies__stat-label">可享受</Text>
            </View>
            <View className="policies__stat">
              <Text className="policies__stat-num">{needInfo.length}</Text>
              <Text className="policies__stat-label">需补充信息</Text>
            </View>
            <View className="policies__stat">
              <Text className="policies__stat-num">{enjoying.length}</Text>
              <Text className="policies__stat-label">已享受</Text>
            </View>
          </View>
        ) : null}
      </View>

      {me.status === 'anonymous' ? (
        <View
          className="card policies__banner"
          id="policies-login-banner"
          hoverClass="btn--hover"
          onClick={goLogin}
        >
          <View className="policies__banner-text">
            <Text className="policies__banner-title">登录后查看您能享受的政策</Text>
            <Text className="policies__banner-desc">系统会根据您的情况逐条说明原因</Text>
          </View>
          <View className="btn btn--primary btn--small">去登录</View>
        </View>
      ) : null}
      {me.status === 'unregistered' ? (
        <View
          className="card policies__banner"
          id="policies-register-banner"
          hoverClass="btn--hover"
          onClick={goProfile}
        >
          <View className="policies__banner-text">
            <Text className="policies__banner-title">登记实名信息，看看您能享受哪些政策</Text>
            <Text className="policies__banner-desc">登记后符合条件的新政策会主动通知您</Text>
          </View>
          <View className="btn btn--primary btn--small">去登记</View>
        </View>
      ) : null}

      {registered ? <PolicySubscription /> : null}
      <NoticeStrip notices={notices} />

      {registered ? (
        <>
          {mine?.status === 'loading' ? <LoadingView text="正在逐条判断…" /> : null}
          {mine?.status === 'error' ? (
            <ErrorView id="policies-error" message={mine.message} onRetry={() => void loadMine()} />
          ) : null}
          {mine?.status === 'done' ? (
            <>
              {eligible.length ? (
                <View className="section-head">
                  <Text className="section-title">您可以享受</Text>
                </View>
              ) : null}
              {eligible.map((i) => (
                <EligibilityCard key={i.policyId} item={i} />
              ))}
              {needInfo.length ? (
                <View className="section-head">
                  <Text className="section-title">补充信息后可判断</Text>
                </View>
              ) : null}
              {needInfo.map((i) => (
                <EligibilityCard key={i.policyId} item={i} />
              ))}
              {enjoying.length ? (
                <View className="section-head">
                  <Text className="section-title">正在享受</Text>
                </View>
              ) : null}
              {enjoying.map((i) => (
                <EligibilityCard key={i.policyId} item={i} />
              ))}
              {eligible.length + needInfo.length === 0 ? (
                <StateView
                  id="policies-none"
                  icon="政"
                  title="暂时没有您可以申请的政策"
                  desc="情况有变化时请更新实名信息；新政策发布后符合条件的会通知您"
                />
              ) : null}
              {others.length ? (
                <>
                  <View
                    className="section-head"
                    id="policies-others-toggle"
                    onClick={() => setShowOthers((v) => !v)}
                  >
                    <Text className="section-title">暂不符合（{others.length}）</Text>
                    <Text className="section-more">{showOthers ? '收起 ▴' : '展开 ▾'}</Text>
                  </View>
                  {showOthers ? others.map((i) => <EligibilityCard key={i.policyId} item={i} quiet />) : null}
                </>
              ) : null}
            </>
          ) : null}
        </>
      ) : (
        <>
          <View className="section-head">
            <Text className="section-title">全部政策</Text>
          </View>
          {all.status === 'loading' ? <LoadingView /> : null}
          {all.status === 'error' ? (
            <ErrorView id="policies-error" message={all.message} onRetry={() => void loadAll()} />
          ) : null}
          {all.status === 'done' && all.value.length === 0 ? (
            <StateView icon="政" title="暂无已发布的政策" desc="政策发布后会显示在这里" />
          ) : null}
          {all.status === 'done' ? all.value.map((p) => <CatalogueCard key={p.id} p={p} />) : null}
        </>
      )}
    </PageShell>
  )
}
