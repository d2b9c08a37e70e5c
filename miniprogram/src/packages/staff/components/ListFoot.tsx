import { Text, View } from '@tarojs/components'
import { LoadingView } from '../../../components/StateView'

interface Props {
  id?: string
  loading: boolean
  hasMore: boolean
  count: number
  onMore: () => void
}

/** The end of an endless list: loading, a 加载更多 fallback for short screens, or 没有更多了. */
export function ListFoot({ id, loading, hasMore, count, onMore }: Props) {
  if (loading) return <LoadingView />
  if (count === 0) return null
  if (hasMore)
    return (
      <View id={id} className="list-note wb-more" hoverClass="btn--hover" onClick={onMore}>
        <Text>加载更多</Text>
      </View>
    )
  return (
    <View className="list-note">
      <Text>没有更多了</Text>
    </View>
  )
}
