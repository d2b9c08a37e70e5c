import type { UnenjoyedItem } from '@shared/policies/policy'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api } from '../../../api/client'
import { formatDate } from '../../../utils/format'
import { openPage } from '../../../utils/nav'
import { UNENJOYED_PATH } from '../policies'

/**
 * On the person card: the policies this person qualifies for and does not enjoy yet, so a home
 * visit or a call can brief them there and then (宣讲到人).
 */
export function PersonPolicies({ personId }: { personId: string }) {
  const [items, setItems] = useState<UnenjoyedItem[] | null>(null)
  useEffect(() => {
    let live = true
    api('listUnenjoyed', { query: { personId, state: 'all' } })
      .then((r) => {
        if (live) setItems(r.items)
      })
      .catch(() => {
        if (live) setItems(null)
      })
    return () => {
      live = false
    }
  }, [personId])
  if (!items || items.length === 0) return null
  return (
    <View className="card" id="person-unenjoyed">
      <Text className="card-title">应享未享的政策</Text>
      {items.map((i) => (
        <View key={i.id} className="kg-history">
          <Text>{i.policyTitle}</Text>
          <Text className="muted">
            {formatDate(i.eligibleSince)} 起符合
            {i.appliedAt
              ? ' · 已申请'
              : i.explained
                ? ` · ${formatDate(i.explained.date)} 已宣讲`
                : ' · 尚未宣讲'}
          </Text>
        </View>
      ))}
      <View className="reach-actions">
        <View
          id="person-brief"
          className="btn btn--ghost btn--small"
          hoverClass="btn--hover"
          onClick={() => openPage(`${UNENJOYED_PATH}?personId=${encodeURIComponent(personId)}`)}
        >
          记录宣讲
        </View>
      </View>
    </View>
  )
}
