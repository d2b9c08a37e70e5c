import type { RecommendationItem } from '@shared/jobs/seeker'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import type { MeState } from '../hooks/useMe'
import { goProfile } from '../utils/nav'
import JobCard from './JobCard'

/**
 * 为你推荐: for a logged-in seeker, the vacancies that fit their wishes, skills and home best,
 * each with the reasons. Nothing for visitors; for a resident without a profile, the one step
 * that makes recommendations possible. `meKey` reloads it when the profile changes.
 */
export default function Recommendations({
  me,
  limit,
  idPrefix,
}: {
  me: MeState
  limit: number
  idPrefix: string
}) {
  const [items, setItems] = useState<RecommendationItem[] | null>(null)
  const meKey = me.status === 'done' ? me.me.updatedAt : null
  useEffect(() => {
    if (!meKey) return setItems(null)
    let live = true
    api('myRecommendations')
      .then((r) => {
        if (live) setItems(r.items)
      })
      // Recommendations are a help, not the page: if they fail the page still works.
      .catch(() => live && setItems([]))
    return () => {
      live = false
    }
  }, [meKey])

  if (me.status === 'unregistered')
    return (
      <View className="card rec__invite" id={`${idPrefix}invite`} hoverClass="btn--hover" onClick={goProfile}>
        <View className="rec__invite-text">
          <Text className="rec__invite-title">为你推荐岗位</Text>
          <Text className="rec__invite-desc">填写实名信息和求职意向，系统按意向、技能和住址为您推荐</Text>
        </View>
        <View className="btn btn--primary btn--small">去填写</View>
      </View>
    )
  if (!items?.length) return null
  return (
    <View id={`${idPrefix}list`}>
      <View className="section-head">
        <Text className="section-title">为你推荐</Text>
        <Text className="section-more">按您的求职意向</Text>
      </View>
      {items.slice(0, limit).map((r) => (
        <JobCard
          key={r.job.id}
          job={r.job}
          idPrefix={idPrefix}
          from={r.pushedOn ? 'push' : 'recommendation'}
          reasons={r.reasons}
          note={r.interested ? '已报名' : undefined}
        />
      ))}
    </View>
  )
}
