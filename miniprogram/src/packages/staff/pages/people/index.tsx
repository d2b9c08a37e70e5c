import { isStaffRole } from '@shared/auth/identity'
import type { PersonSummary } from '@shared/people/person'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api, errorMessage } from '../../../../api/client'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { openPage } from '../../../../utils/nav'
import { toastText } from '../../../../utils/toast'
import { ListFoot } from '../../components/ListFoot'
import { usePaged } from '../../components/usePaged'
import { addToHousehold, isPersonId, personPath, REGISTER_PERSON_PATH } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

const registerPath = (addTo: string | null, name: string) =>
  addTo
    ? `${REGISTER_PERSON_PATH}?addTo=${encodeURIComponent(addTo)}&name=${encodeURIComponent(name)}`
    : REGISTER_PERSON_PATH

/**
 * 居民查找: a coordinator finds a resident of their region by name and opens the card; nobody
 * found → 入户登记 of a new person. Opened from a person's 家庭成员 (`addTo`), tapping a resident
 * adds them to that household instead.
 */
export default function PeoplePage() {
  const router = useRouter()
  const addTo = isPersonId(router.params.addTo) ? router.params.addTo : null
  const anchorName = addTo ? decodeURIComponent(router.params.name ?? '') : ''
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  const [linking, setLinking] = useState(false)

  useEffect(() => {
    const t = setTimeout(() => setQ(search.trim().slice(0, 20)), 400)
    return () => clearTimeout(t)
  }, [search])

  const list = usePaged<PersonSummary>(
    isStaff ? `people|${q}` : null,
    (cursor) => api('searchPeople', { query: { ...(q ? { q } : {}), cursor } }),
    (p) => p.id,
  )
  const { reload, loadMore } = list
  useEffect(() => {
    if (isStaff) void reload()
  }, [isStaff, reload])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && isStaff) void reload()
    shown.current = true
  })
  useReachBottom(() => void loadMore())

  const gate = staffGate(session, () => void reloadSession(), FOLLOWUP_DESK)
  if (gate) return <PageShell className="staff wb">{gate}</PageShell>

  /** Add a resident to the anchor person's household (everyone already in it stays together). */
  const pickMember = async (p: PersonSummary) => {
    if (!addTo || linking) return
    if (p.id === addTo) {
      toastText('不能添加本人')
      return
    }
    const ok = await Taro.showModal({
      title: '添加家庭成员',
      content: `将 ${p.name}（${p.idNumberMasked}）添加为 ${anchorName} 的家庭成员？${
        p.householdId ? '此人原来关联的家庭将解除。' : ''
      }`,
      confirmText: '添加',
      cancelText: '取消',
    })
    if (!ok.confirm) return
    setLinking(true)
    try {
      await addToHousehold(addTo, p.id)
      toastText('已添加家庭成员')
      setTimeout(() => void Taro.navigateBack().catch(() => openPage(personPath(addTo))), 700)
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setLinking(false)
    }
  }

  const { items, loading, error, loaded, nextCursor } = list.state
  const current = list.current

  return (
    <PageShell className="staff wb" title={addTo ? '添加家庭成员' : undefined}>
      <View className="staff__head">
        <Text className="staff__title">{addTo ? `为 ${anchorName} 添加家庭成员` : '居民查找'}</Text>
        <Text className="staff__region">
          {addTo
            ? '找到已登记的家庭成员点一下即可添加；没有登记过的，先入户登记'
            : '按姓名查找辖区居民，查看档案、登记跟踪；查不到的可入户登记'}
        </Text>
        <View
          id="people-register"
          className="btn btn--ghost btn--small"
          hoverClass="btn--hover"
          onClick={() => openPage(registerPath(addTo, anchorName))}
        >
          {addTo ? '入户登记新的家庭成员' : '入户登记新居民'}
        </View>
      </View>

      <View className="wb-search">
        <Input
          id="people-search"
          className="wb-search__input"
          type="text"
          confirmType="search"
          maxlength={20}
          value={search}
          placeholder="输入姓名查找"
          placeholderClass="form-placeholder"
          onInput={(e) => setSearch(e.detail.value)}
          onConfirm={(e) => setQ(e.detail.value.trim().slice(0, 20))}
        />
        {search ? (
          <View
            id="people-search-clear"
            className="wb-search__clear"
            hoverClass="btn--hover"
            onClick={() => {
              setSearch('')
              setQ('')
            }}
          >
            <Text>×</Text>
          </View>
        ) : null}
      </View>

      {loading === 'first' && (!current || items.length === 0) ? <LoadingView /> : null}
      {error ? <ErrorView id="people-error" message={error} onRetry={() => void reload()} /> : null}
      {current && loaded && !loading && !error && items.length === 0 ? (
        <StateView
          id="people-empty"
          icon="?"
          title={q ? `辖区内没有“${q}”` : '辖区内还没有登记的居民'}
          desc="可以入户登记后再为其提供服务"
        />
      ) : null}

      {current
        ? items.map((p) => (
            <View
              key={p.id}
              id={`people-row-${p.id}`}
              className={`card list-item${linking ? ' btn--disabled' : ''}`}
              hoverClass="btn--hover"
              onClick={() => (addTo ? void pickMember(p) : openPage(personPath(p.id)))}
            >
              <View className="list-item__head">
                <Text className="list-item__title">{p.name}</Text>
                <Text className="tag tag--muted">{p.employmentLabel}</Text>
              </View>
              <Text className="wb-record__line">
                {p.gender === 'male' ? '男' : '女'} · {`${p.age}\u00a0岁`} · {p.idNumberMasked}
              </Text>
              <Text className="wb-record__line muted">
                {p.communityName ?? p.community}
                {p.householdId ? ' · 已关联家庭' : ''}
                {p.bound ? '' : ' · 本人尚未绑定'}
              </Text>
            </View>
          ))
        : null}

      {current && !error ? (
        <ListFoot
          id="people-more"
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void loadMore()}
        />
      ) : null}
    </PageShell>
  )
}
