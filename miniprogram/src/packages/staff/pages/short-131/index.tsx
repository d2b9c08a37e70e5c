import { isStaffRole } from '@shared/auth/identity'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { api } from '../../../../api/client'
import type { ShortOf131Item } from '../../../../api/types'
import PageShell from '../../../../components/PageShell'
import { ErrorView, LoadingView, StateView } from '../../../../components/StateView'
import { useSession } from '../../../../hooks/useSession'
import { openPage } from '../../../../utils/nav'
import { ListFoot } from '../../components/ListFoot'
import { TallyCells } from '../../components/ServiceTallyCard'
import { usePaged } from '../../components/usePaged'
import { currentYear, personPath } from '../../followups'
import { FOLLOWUP_DESK, staffGate } from '../../StaffGate'
import '../../staff.scss'
import '../../workbench.scss'

export default function Short131Page() {
  const { state: session, reload: reloadSession } = useSession()
  const isStaff = session.status === 'done' && isStaffRole(session.session.role)
  const list = usePaged<ShortOf131Item>(
    isStaff ? 'short-131' : null,
    (cursor) => api('listShortOf131', { query: { cursor } }),
    (p) => p.personId,
  )
  const { reload, loadMore } = list

  useEffect(() => {
    if (isStaff) void reload()
  }, [isStaff, reload])

  // Back from a person card where a service was just recorded: they may have left the list.
  const shown = useRef(false)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    if (isStaff) void reload()
  })
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

  const info = session.session
  const { items, loading, error, loaded, nextCursor } = list.state
  const year = items[0]?.year ?? currentYear()

  return (
    <PageShell className="staff wb">
      <View className="staff__head wb-head--padded">
        <Text className="staff__title">131 服务缺口名单</Text>
        <Text className="staff__region">{info.regionName ?? info.region ?? ''}</Text>
        <Text className="wb-head__desc">
          {year} 年度辖区内失业人员中，尚未完成“1 次职业指导、3 次职业介绍、1
          次技能培训”的人员。点击姓名查看并登记服务。
        </Text>
      </View>

      {loading === 'first' && (!list.current || items.length === 0) ? <LoadingView /> : null}
      {error ? <ErrorView id="short131-error" message={error} onRetry={() => void reload()} /> : null}
      {list.current && loaded && !loading && !error && items.length === 0 ? (
        <StateView
          id="short131-empty"
          icon="✓"
          title="暂无缺口"
          desc="辖区内失业人员本年度的 131 服务都已达标"
        />
      ) : null}

      {list.current
        ? items.map((p) => (
            <View
              key={p.personId}
              id={`short-${p.personId}`}
              className="list-item short-row"
              hoverClass="list-item--hover"
              onClick={() => openPage(personPath(p.personId))}
            >
              <View className="list-item__head">
                <Text className="task-row__name">{p.name}</Text>
                <Text className="task-row__go">登记服务 ›</Text>
              </View>
              <Text className="list-item__meta">{p.communityName ?? '本辖区'}</Text>
              <TallyCells tally={p} />
              <View className="tags wb-short-tags">
                {p.short.map((s) => (
                  <Text key={s} className="tag tag--accent">
                    {s}
                  </Text>
                ))}
              </View>
            </View>
          ))
        : null}

      {list.current && !error ? (
        <ListFoot
          id="short131-more"
          loading={loading === 'more'}
          hasMore={nextCursor !== null}
          count={items.length}
          onMore={() => void loadMore()}
        />
      ) : null}
    </PageShell>
  )
}
