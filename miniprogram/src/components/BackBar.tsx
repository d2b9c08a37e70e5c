import { Text, View } from '@tarojs/components'
import { goBackOr } from '../utils/nav'

/**
 * A visible way back on H5 sub-pages: the browser build has no native navigation bar, and a
 * resident should never need the phone's back key. On weapp the native bar does this.
 */
export default function BackBar({
  title,
  fallback = '/pages/index/index',
}: {
  title: string
  fallback?: string
}) {
  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <View className="back-bar">
      <View
        className="back-bar__back"
        id="back-bar-back"
        hoverClass="btn--hover"
        onClick={() => goBackOr(fallback)}
      >
        <Text className="back-bar__arrow">‹</Text>
        <Text>返回</Text>
      </View>
      <Text className="back-bar__title">{title}</Text>
    </View>
  )
}
