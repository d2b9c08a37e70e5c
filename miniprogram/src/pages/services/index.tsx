import { type ApplicationView, CLOSED_STATUSES } from '@shared/applications/application-types'
import type { EligibilityItem, Verdict } from '@shared/policies/policy'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../api/client'
import type { ApplicationTypeInfo } from '../../api/types'
import { StageSteps } from '../../components/Application'
import PageShell from '../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../components/StateView'
import { VerdictBadge } from '../../components/Verdict'
import { useMe } from '../../hooks/useMe'
import { goLogin, goProfile, openApplication, openPage } from '../../utils/nav'
import { policyPath } from '../../utils/policy-nav'
import './index.scss'

type TypesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; items: ApplicationTypeInfo[] }

const LINKS = [
  { id: 'services-my-applications', badge: '办', label: '我的申请', url: '/pages/my-applications/index' },
  { id: 'services-notices', badge: '公', label: '公示公告', url: '/pages/notices/index' },
  { id: 'services-inbox', badge: '信', label: '消息通知', url: '/pages/inbox/index' },
  { id: 'services-profile', badge: '实', label: '实名信息', url: '/pages/profile/index' },
]

/** How a service fits me: the best verdict among the policies it leads to, and why. */
interface Fit {
  verdict: Verdict
  label: string
  why: string | null
  policyId: string
}

const RANK: Record<Verdict, number> = { eligible: 0, need_info: 1, enjoying: 3, not_eligible: 4 }
/** Services no policy speaks for sit between "maybe" and "already have it". */
const NEUTRAL = 2

const fitsOf = (items: EligibilityItem[]): Map<string, Fit> => {
  const out = new Map<string, Fit>()
  for (const i of items) {
    if (!i.applicationType) continue
    const have = out.get(i.applicationType)
    if (have && RANK[have.verdict] <= RANK[i.verdict]) continue
    const telling =
      i.verdict === 'eligible'
        ? null
        : (i.reasons.find((r) => r.met === (i.verdict === 'need_info' ? null : i.verdict === 'enjoying')) ??
          i.reasons[0])
    out.set(i.applicationType, {
      verdict: i.verdict,
      label: i.verdictLabel,
      why: telling?.text ?? null,
      policyId: i.policyId,
    })
  }
  return out
}

const FIT_TEXT: Record<Verdict, string> = {
  eligible: '根据您的登记信息，您符合申请条件',
  need_info: '补充信息后可判断：',
  enjoying: '您已享受：',
  not_eligible: '暂不适合您：',
}

function FitLine({ fit, type }: { fit: Fit; type: string }) {
  return (
    <View
      className={`service-card__fit service-card__fit--${fit.verdict}`}
      id={`service-fit-${type}`}
      onClick={() => openPage(policyPath(fit.policyId))}
    >
      <VerdictBadge verdict={fit.verdict} label={fit.label} />
      <Text className="service-card__fit-text">
        {FIT_TEXT[fit.verdict]}
        {fit.why ?? ''}
      </Text>
    </View>
  )
}

function ServiceCard({
  item,
  fit,
  registered,
  stillRegistered,
  open,
}: {
  item: ApplicationTypeInfo
  fit?: Fit
  registered: boolean
  /** An application of this type still being handled (filed by the resident or for them). */
  open?: ApplicationView
  /** Holds an unemployment registration now: applying for it again makes no sense. */
  stillRegistered: boolean
}) {
  const already = item.type === 'unemployment_registration' && stillRegistered
  const labels = Object.fromEntries(item.chain.map((c) => [c.stage, c.label]))
  return (
    <View className="card service-card" id={`service-card-${item.type}`}>
      <View className="service-card__head">
        <Text className="service-card__title">{item.label}</Text>
        {item.needsRegistration && !registered ? <Text className="tag tag--accent">需失业登记</Text> : null}
        {already ? <Text className="tag tag--ok">已登记</Text> : null}
        {open && !already ? <Text className="tag tag--accent">办理中</Text> : null}
      </View>
      {fit ? <FitLine fit={fit} type={item.type} /> : null}
      <Text className="service-card__summary">{item.summary}</Text>

      <Text className="service-card__label">所需材料</Text>
      {item.materials.map((m) => (
        <View key={m.key} className="service-card__material">
          <Text className="service-card__bullet">·</Text>
          <Text className="service-card__material-text">
            {m.label}
            {m.required || m.label.includes('如有') ? '' : '（如有）'}
          </Text>
        </View>
      ))}

      <Text className="service-card__label">办理流程</Text>
      <StageSteps chain={item.chain.map((c) => c.stage)} labels={labels} />

      <View className="service-card__foot">
        {already ? (
          <Text className="service-card__summary" id={`already-${item.type}`}>
            您已办理失业登记，无需重复申请；找到工作后由社区办理就业登记。
          </Text>
        ) : open ? (
          <View
            id={`open-${item.type}`}
            className="btn btn--ghost btn--small"
            hoverClass="btn--hover"
            onClick={() => openApplication(open.id)}
          >
            {open.statusLabel} · 查看进度
          </View>
        ) : (
          <View
            id={`apply-${item.type}`}
            className="btn btn--primary btn--small"
            hoverClass="btn--hover"
            onClick={() => openPage(`/pages/apply/index?type=${item.type}`)}
          >
            去办理
          </View>
        )}
      </View>
    </View>
  )
}

export default function ServicesPage() {
  const { state: me, reload: reloadMe } = useMe()
  const [types, setTypes] = useState<TypesState>({ status: 'loading' })
  const seq = useRef(0)

  const loadTypes = useCallback(async () => {
    const mine = ++seq.current
    setTypes((s) => (s.status === 'done' ? s : { status: 'loading' }))
    try {
      const reply = await api('listApplicationTypes')
      if (mine === seq.current) setTypes({ status: 'done', items: reply.items })
    } catch (e) {
      if (mine === seq.current) setTypes({ status: 'error', message: errorMessage(e) })
    }
  }, [])

  useEffect(() => {
    void loadTypes()
  }, [loadTypes])

  // What is being handled already (also what staff filed for the resident): no second 去办理.
  const [openApps, setOpenApps] = useState<Map<string, ApplicationView>>(new Map())
  const appsKey = me.status === 'done' ? me.me.id : null
  const loadOpen = useCallback(async () => {
    if (!appsKey) {
      setOpenApps(new Map())
      return
    }
    try {
      const r = await api('listMyApplications')
      setOpenApps(new Map(r.items.filter((a) => !CLOSED_STATUSES.includes(a.status)).map((a) => [a.type, a])))
    } catch {
      // the services still show; 去办理 then meets ALREADY_OPEN with its message
    }
  }, [appsKey])
  useEffect(() => {
    void loadOpen()
  }, [loadOpen])
  useDidShow(() => {
    void loadOpen()
  })

  // Registered residents see the services ordered by what fits them, with the reason.
  const [fits, setFits] = useState<Map<string, Fit>>(new Map())
  const meKey = me.status === 'done' ? me.me.updatedAt : null
  useEffect(() => {
    if (!meKey) {
      setFits(new Map())
      return
    }
    let live = true
    api('myEligibility')
      .then((r) => {
        if (live) setFits(fitsOf(r.items))
      })
      .catch(() => undefined) // the services still show, unordered
    return () => {
      live = false
    }
  }, [meKey])
  const rank = (t: ApplicationTypeInfo) => {
    const f = fits.get(t.type)
    return f ? RANK[f.verdict] : NEUTRAL
  }

  usePullDownRefresh(() => {
    void Promise.all([loadTypes(), reloadMe()]).finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className="services">
      <View className="services__hero">
        <Text className="services__title">就业服务 · 网上办</Text>
        <Text className="services__slogan">在线提交申请，进度随时可查</Text>
      </View>

      {me.status === 'unregistered' ? (
        <View
          className="card services__banner"
          id="services-identity-banner"
          hoverClass="btn--hover"
          onClick={goProfile}
        >
          <View className="services__banner-text">
            <Text className="services__banner-title">请先完成实名信息登记</Text>
            <Text className="services__banner-desc">登记身份证号、联系电话和所在社区后即可在线办理</Text>
          </View>
          <View className="btn btn--primary btn--small">去登记</View>
        </View>
      ) : null}
      {me.status === 'anonymous' ? (
        <View
          className="card services__banner"
          id="services-login-banner"
          hoverClass="btn--hover"
          onClick={goLogin}
        >
          <View className="services__banner-text">
            <Text className="services__banner-title">登录后可在线办理</Text>
            <Text className="services__banner-desc">可先查看各项业务的办理条件和所需材料</Text>
          </View>
          <View className="btn btn--primary btn--small">去登录</View>
        </View>
      ) : null}

      <View className="card services__links">
        {LINKS.map((l) => (
          <View
            key={l.id}
            id={l.id}
            className="services__link"
            hoverClass="btn--hover"
            onClick={() => openPage(l.url)}
          >
            <View className="services__link-badge">
              <Text>{l.badge}</Text>
            </View>
            <Text className="services__link-label">{l.label}</Text>
          </View>
        ))}
      </View>

      <View className="section-head">
        <Text className="section-title">可办业务</Text>
      </View>

      {types.status === 'loading' ? <LoadingView /> : null}
      {types.status === 'error' ? (
        <ErrorView id="services-error" message={types.message} onRetry={() => void loadTypes()} />
      ) : null}
      {types.status === 'done' && types.items.length === 0 ? (
        <StateView icon="空" title="暂无可在线办理的业务" desc="请到所在社区劳动保障工作站咨询办理" />
      ) : null}
      {types.status === 'done'
        ? [...types.items]
            .sort((a, b) => rank(a) - rank(b))
            .map((item) => (
              <ServiceCard
                key={item.type}
                item={item}
                fit={fits.get(item.type)}
                open={openApps.get(item.type)}
                registered={me.status === 'done' && me.me.registration !== null}
                stillRegistered={
                  me.status === 'done' &&
                  me.me.registration !== null &&
                  me.me.keyGroups.some((g) => g.group === 'registered_unemployed')
                }
              />
            ))
        : null}
    </PageShell>
  )
}
