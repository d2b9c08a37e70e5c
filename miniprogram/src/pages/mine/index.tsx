import { isStaffRole, ROLE_LABELS, type Role, type SessionInfo } from '@shared/auth/identity'
import type { Region } from '@shared/regions/region-code'
import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage, isApiError } from '../../api/client'
import PageShell from '../../components/PageShell'
import { useLargeText } from '../../hooks/useLargeText'
import { fetchMe } from '../../hooks/useMe'
import { clearToken, getToken, setToken } from '../../store/session'
import { openPage, STAFF_REVIEWS_PATH } from '../../utils/nav'
import { toastError, toastText } from '../../utils/toast'
import './index.scss'

const COUNTY_CODE = '320621'
const ROLE_ORDER: Role[] = ['resident', 'employer', 'coordinator', 'street', 'county']
const defaultOpenid = (role: Role) => `dev-${role}-1`

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; message: string }
  | { status: 'done'; session: SessionInfo }

/** Regions under `parent`, or [] (with a toast) when they cannot be loaded. */
const useRegions = (parent: string | null): Region[] => {
  const [items, setItems] = useState<Region[]>([])
  useEffect(() => {
    setItems([])
    if (!parent) return
    let live = true
    api('listRegions', { query: { parent } })
      .then((r) => {
        if (live) setItems(r.items)
      })
      .catch((e: unknown) => {
        if (live) toastError(e)
      })
    return () => {
      live = false
    }
  }, [parent])
  return items
}

interface Entry {
  id: string
  label: string
  desc: string
  url: string
  badge?: number
}

function Entries({ entries }: { entries: Entry[] }) {
  return (
    <View className="card mine__entries">
      {entries.map((e) => (
        <View
          key={e.id}
          id={e.id}
          className="mine__entry"
          hoverClass="btn--hover"
          onClick={() => openPage(e.url)}
        >
          <View className="mine__entry-text">
            <Text className="mine__entry-label">{e.label}</Text>
            <Text className="mine__entry-desc">{e.desc}</Text>
          </View>
          {e.badge ? (
            <Text className="mine__badge" id={`${e.id}-badge`}>
              {e.badge > 99 ? '99+' : e.badge}
            </Text>
          ) : null}
          <Text className="mine__entry-arrow">›</Text>
        </View>
      ))}
    </View>
  )
}

function DevLoginCard({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [role, setRole] = useState<Role>('resident')
  const [openid, setOpenid] = useState(defaultOpenid('resident'))
  const [town, setTown] = useState('')
  const [community, setCommunity] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const needsTown = role === 'coordinator' || role === 'street'
  const towns = useRegions(needsTown ? COUNTY_CODE : null)
  const communities = useRegions(role === 'coordinator' && town ? town : null)

  const chooseRole = (next: Role) => {
    setRole(next)
    if (ROLE_ORDER.some((r) => openid === defaultOpenid(r)) || openid.trim() === '')
      setOpenid(defaultOpenid(next))
  }

  const region =
    role === 'county' ? COUNTY_CODE : role === 'street' ? town : role === 'coordinator' ? community : ''
  const missing =
    openid.trim() === ''
      ? '请填写 openid'
      : role === 'street' && !town
        ? '请选择镇/街道'
        : role === 'coordinator' && !community
          ? '请选择社区/村'
          : ''

  const login = async () => {
    if (submitting) return
    if (missing) {
      toastText(missing)
      return
    }
    setSubmitting(true)
    try {
      const reply = await api('devLogin', {
        body: { openid: openid.trim(), role, ...(region ? { region } : {}) },
      })
      setToken(reply.token)
      toastText('登录成功')
      onLoggedIn()
    } catch (e) {
      toastError(e)
    } finally {
      setSubmitting(false)
    }
  }

  const townIndex = towns.findIndex((t) => t.code === town)
  const communityIndex = communities.findIndex((c) => c.code === community)

  return (
    <View className="card mine__dev" id="dev-login-card">
      <View className="mine__dev-head">
        <Text className="card-title">开发模式：切换角色</Text>
        <Text className="tag tag--accent">仅限本地演示</Text>
      </View>

      <Text className="mine__label">角色</Text>
      <View className="mine__roles">
        {ROLE_ORDER.map((r) => (
          <View
            key={r}
            id={`dev-role-${r}`}
            className={`mine__role${r === role ? ' mine__role--on' : ''}`}
            onClick={() => chooseRole(r)}
          >
            {ROLE_LABELS[r]}
          </View>
        ))}
      </View>

      {needsTown ? (
        <>
          <Text className="mine__label">镇/街道</Text>
          <Picker
            id="dev-login-town"
            mode="selector"
            range={towns.map((t) => t.name)}
            value={Math.max(0, townIndex)}
            onChange={(e) => {
              setTown(towns[Number(e.detail.value)]?.code ?? '')
              setCommunity('')
            }}
          >
            <View className="mine__field mine__select">
              <Text className={townIndex >= 0 ? '' : 'muted'}>
                {townIndex >= 0 ? towns[townIndex]?.name : towns.length ? '请选择镇/街道' : '加载中…'}
              </Text>
              <Text className="muted">▾</Text>
            </View>
          </Picker>
        </>
      ) : null}

      {role === 'coordinator' ? (
        <>
          <Text className="mine__label">社区/村</Text>
          <Picker
            id="dev-login-community"
            mode="selector"
            range={communities.map((c) => c.name)}
            value={Math.max(0, communityIndex)}
            disabled={!town}
            onChange={(e) => setCommunity(communities[Number(e.detail.value)]?.code ?? '')}
          >
            <View className="mine__field mine__select">
              <Text className={communityIndex >= 0 ? '' : 'muted'}>
                {communityIndex >= 0
                  ? communities[communityIndex]?.name
                  : town
                    ? communities.length
                      ? '请选择社区/村'
                      : '加载中…'
                    : '请先选择镇/街道'}
              </Text>
              <Text className="muted">▾</Text>
            </View>
          </Picker>
        </>
      ) : null}

      {role === 'county' ? (
        <Text className="mine__hint">县（市、区）人社局的区划为海安市（320621）</Text>
      ) : null}

      <Text className="mine__label">openid</Text>
      <Input
        id="dev-login-openid"
        className="mine__field"
        type="text"
        maxlength={64}
        value={openid}
        onInput={(e) => setOpenid(e.detail.value)}
      />

      <View
        id="dev-login-button"
        className={`btn btn--primary mine__submit${submitting || missing ? ' btn--disabled' : ''}`}
        hoverClass="btn--hover"
        onClick={() => void login()}
      >
        {submitting ? '登录中…' : '登录'}
      </View>
    </View>
  )
}

export default function MinePage() {
  const [large, setLarge] = useLargeText()
  const [session, setSession] = useState<SessionState>({ status: 'loading' })
  const [devLogin, setDevLogin] = useState(false)
  const [wechatBusy, setWechatBusy] = useState(false)
  const [unread, setUnread] = useState(0)
  // The resident's own record once bound: their name and community head the page.
  const [me, setMe] = useState<{ name: string; community: string | null } | 'unregistered' | null>(null)
  const seq = useRef(0)

  const loadSession = useCallback(async () => {
    const mine = ++seq.current
    if (!getToken() && process.env.TARO_ENV !== 'weapp') {
      setSession({ status: 'anonymous' })
      return
    }
    setSession((s) => (s.status === 'done' ? s : { status: 'loading' }))
    try {
      const info = await api('session')
      if (mine === seq.current) setSession({ status: 'done', session: info })
      if (info.role === 'resident')
        fetchMe()
          .then((m) => {
            if (mine !== seq.current) return
            if (m.status === 'done') setMe({ name: m.me.name, community: m.me.communityName })
            else setMe(m.status === 'unregistered' ? 'unregistered' : null)
          })
          .catch(() => undefined)
      else setMe(null)
      api('listInbox')
        .then((inbox) => {
          if (mine === seq.current) setUnread(inbox.unread)
        })
        .catch(() => undefined)
    } catch (e) {
      if (mine !== seq.current) return
      if (isApiError(e) && e.status === 401) {
        if (e.code === 'AUTH.INVALID_TOKEN' || e.code === 'AUTH.ROLE_CHANGED') clearToken()
        setSession({ status: 'anonymous' })
      } else {
        setSession({ status: 'error', message: errorMessage(e) })
      }
    }
  }, [])

  useDidShow(() => {
    void loadSession()
  })

  useEffect(() => {
    api('health')
      .then((h) => setDevLogin(h.devLogin === true))
      .catch(() => setDevLogin(false))
  }, [])

  const logout = () => {
    clearToken()
    setUnread(0)
    setSession({ status: 'anonymous' })
    toastText('已退出登录')
  }

  const wechatLogin = async () => {
    if (wechatBusy) return
    setWechatBusy(true)
    try {
      const { code } = await Taro.login()
      const reply = await api('wechatLogin', { body: { code } })
      setToken(reply.token)
      toastText('登录成功')
      await loadSession()
    } catch (e) {
      toastError(e)
    } finally {
      setWechatBusy(false)
    }
  }

  const loggedIn = session.status === 'done'
  const info = loggedIn ? session.session : null
  const entries: Entry[] = [
    ...(info?.role === 'employer'
      ? [
          {
            id: 'mine-entry-unit',
            label: '单位信息',
            desc: '登记单位、查看核验进度',
            url: '/packages/employer/pages/unit/index',
          },
          {
            id: 'mine-entry-vacancies',
            label: '岗位管理',
            desc: '发布岗位、查看审核和招聘状态',
            url: '/packages/employer/pages/vacancies/index',
          },
        ]
      : []),
    ...(info && (info.role === 'street' || info.role === 'county' || info.role === 'coordinator')
      ? [
          {
            id: 'mine-entry-employer-desk',
            label: '用人单位与岗位审核',
            desc:
              info.role === 'coordinator' ? '辖区单位、走访登记、代发岗位' : '核验单位、审核岗位、走访登记',
            url: '/packages/staff/pages/employers/index',
          },
          {
            id: 'mine-entry-seekers',
            label: '应聘与岗位推送',
            desc: '辖区居民的应聘登记和结果、每日推送了什么',
            url: '/packages/staff/pages/seekers/index',
          },
          {
            id: 'mine-entry-welfare',
            label: '公益性岗位',
            desc: '岗位、已安置人员和按优先顺序的待安置人选',
            url: '/packages/staff/pages/welfare-posts/index',
          },
          {
            id: 'mine-entry-cases',
            label: '安置个案',
            desc: '零就业家庭 24 小时托底、72 小时就业承诺，倒计时和安置登记',
            url: '/packages/staff/pages/placement-cases/index',
          },
          {
            id: 'mine-entry-sessions',
            label: '活动与预约',
            desc:
              info.role === 'coordinator'
                ? '辖区居民的预约、未到场名单，代居民预约'
                : '发布职业指导、培训等活动，签到，未到场率',
            url: '/packages/staff/pages/sessions/index',
          },
          {
            id: 'mine-entry-campaign',
            label: '春节返乡统计',
            desc: '腊月至正月十五，按周、按镇/社区统计返乡、推荐和就业',
            url: '/packages/staff/pages/returnee-campaign/index',
          },
        ]
      : []),
    ...(info && isStaffRole(info.role)
      ? [
          {
            id: 'mine-entry-reviews',
            label: '审核工作台',
            desc: '辖区内待审核的申请',
            url: STAFF_REVIEWS_PATH,
          },
          {
            id: 'mine-entry-followups',
            label: '跟踪服务工作台',
            desc: '本月跟踪任务、131 服务、援助卡年检',
            url: '/packages/staff/pages/workbench/index',
          },
          ...(info.role === 'county'
            ? []
            : [
                {
                  id: 'mine-entry-people',
                  label: '居民查找与入户登记',
                  desc: '按姓名查找辖区居民，走访登记新居民、关联家庭成员',
                  url: '/packages/staff/pages/people/index',
                },
              ]),
          {
            id: 'mine-entry-unenjoyed',
            label: '应享未享',
            desc: '符合政策条件尚未享受的居民，宣讲到人',
            url: '/packages/staff/pages/unenjoyed/index',
          },
          {
            id: 'mine-entry-reach',
            label: '政策落实情况',
            desc: '知晓率、享受率，补贴应享未享扣分候选',
            url: '/packages/staff/pages/policy-reach/index',
          },
          ...(info.role === 'county' && info.admin
            ? [
                {
                  id: 'mine-entry-staff-admin',
                  label: '人员权限',
                  desc: '开通、收回社区、镇/街道和县级工作人员的权限',
                  url: '/packages/staff/pages/staff-admin/index',
                },
              ]
            : []),
          ...(info.role === 'county'
            ? [
                {
                  id: 'mine-entry-policy-admin',
                  label: '政策管理',
                  desc: '政策库、享受条件、政策通知的发布',
                  url: '/packages/staff/pages/policy-admin/index',
                },
              ]
            : []),
        ]
      : []),
    // A unit's account is not a person: no identity card, no applications of its own.
    ...(info?.role === 'employer'
      ? []
      : [
          {
            id: 'mine-entry-profile',
            label: '实名信息',
            desc: '身份证、联系电话、所在社区',
            url: '/pages/profile/index',
          },
          // A staff account works for residents: their own services are not on it.
          ...(info && info.role !== 'resident'
            ? []
            : [
                {
                  id: 'mine-entry-applications',
                  label: '我的申请',
                  desc: '办理进度和结果',
                  url: '/pages/my-applications/index',
                },
                {
                  id: 'mine-entry-interests',
                  label: '我的应聘',
                  desc: '报名的岗位、单位的回复、每日岗位推送',
                  url: '/packages/seeker/pages/interests/index',
                },
                {
                  id: 'mine-entry-agreement',
                  label: '我的援助协议',
                  desc: '一人一策：与社区约定的援助目标和服务，查看和确认',
                  url: '/packages/seeker/pages/agreement/index',
                },
                {
                  id: 'mine-entry-bookings',
                  label: '我的预约',
                  desc: '预约的职业指导、培训，签到码，今年的 131 服务',
                  url: '/packages/sessions/pages/my-bookings/index',
                },
                {
                  id: 'mine-entry-returnee',
                  label: '返乡登记',
                  desc: '外出务工返乡，登记后为您推荐本地岗位',
                  url: '/packages/seeker/pages/returnee/index',
                },
              ]),
          ...(info?.role === 'resident'
            ? [
                {
                  id: 'mine-entry-staff-request',
                  label: '我是工作人员',
                  desc: '社区协理员、镇/街道和县级工作人员申请开通工作台',
                  url: '/packages/staff/pages/staff-request/index',
                },
              ]
            : []),
        ]),
    {
      id: 'mine-entry-notices',
      label: '公示公告',
      desc: '本社区正在公示的事项',
      url: '/pages/notices/index',
    },
    {
      id: 'mine-entry-inbox',
      label: '消息',
      desc: '审核进展、政策通知',
      url: '/pages/inbox/index',
      badge: loggedIn ? unread : 0,
    },
  ]

  return (
    <PageShell className="mine">
      <View className="mine__hero">
        <View className="mine__avatar">
          <Text>
            {me && me !== 'unregistered' ? me.name.slice(0, 1) : info ? info.roleLabel.slice(0, 1) : '访'}
          </Text>
        </View>
        <View className="mine__who" id="mine-session">
          {session.status === 'loading' ? <Text className="mine__name">加载中…</Text> : null}
          {session.status === 'anonymous' ? (
            <>
              <Text className="mine__name">未登录</Text>
              <Text className="mine__sub">登录后可办理更多就业服务</Text>
            </>
          ) : null}
          {session.status === 'error' ? (
            <>
              <Text className="mine__name">未能获取登录状态</Text>
              <Text className="mine__sub" onClick={() => void loadSession()}>
                {session.message}（点击重试）
              </Text>
            </>
          ) : null}
          {info && me && me !== 'unregistered' ? (
            <>
              <Text className="mine__name" id="mine-name">
                {me.name}
              </Text>
              <Text className="mine__sub">{me.community ?? '海安市'}</Text>
            </>
          ) : null}
          {info && (!me || me === 'unregistered') ? (
            <>
              <Text className="mine__name">{info.roleLabel}</Text>
              <Text className="mine__sub">
                {me === 'unregistered'
                  ? '尚未登记实名信息'
                  : (info.regionName ?? (info.region ? `区划 ${info.region}` : '海安市'))}
              </Text>
            </>
          ) : null}
        </View>
      </View>

      <Entries entries={entries} />

      <View className="card mine__setting">
        <View className="mine__setting-text">
          <Text className="mine__setting-title">长辈模式（大字）</Text>
          <Text className="mine__setting-desc">放大全部页面的文字，看得更清楚</Text>
        </View>
        <Switch
          id="large-text-switch"
          color="#d4380d"
          checked={large}
          onChange={(e) => setLarge(e.detail.value)}
        />
      </View>

      {devLogin ? <DevLoginCard onLoggedIn={() => void loadSession()} /> : null}

      {!devLogin && !loggedIn ? (
        <View className="card mine__login">
          <Text className="card-title">登录</Text>
          {process.env.TARO_ENV === 'weapp' ? (
            <View
              id="wechat-login-button"
              className={`btn btn--primary${wechatBusy ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => void wechatLogin()}
            >
              {wechatBusy ? '登录中…' : '微信登录'}
            </View>
          ) : (
            <Text className="mine__hint">请在微信中打开“海安就业服务”小程序，使用微信登录。</Text>
          )}
        </View>
      ) : null}

      {loggedIn && getToken() ? (
        <View className="mine__logout">
          <View id="logout-button" className="btn btn--plain" hoverClass="btn--hover" onClick={logout}>
            退出登录
          </View>
        </View>
      ) : null}

      <View className="mine__footer">
        <Text>海安市公共就业服务</Text>
      </View>
    </PageShell>
  )
}
