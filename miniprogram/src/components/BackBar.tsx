import { Text, View } from '@tarojs/components'
import { goBackOr } from '../utils/nav'

interface Props {
  title: string
  /** Where to go when there is no page to go back to (the page was opened by a link). */
  fallback?: string
  /** Asked before leaving (unsaved changes); false stays on the page. */
  beforeLeave?: () => Promise<boolean>
}

/**
 * A visible way back on H5 sub-pages: the browser build has no native navigation bar, and a
 * resident should never need the phone's back key. On weapp the native bar does this.
 */
export default function BackBar({ title, fallback = '/pages/index/index', beforeLeave }: Props) {
  if (process.env.TARO_ENV !== 'h5') return null
  const back = async () => {
    if (beforeLeave && !(await beforeLeave())) return
    goBackOr(fallback)
  }
  return (
    <View className="back-bar">
      <View className="back-bar__back" id="back-bar-back" hoverClass="btn--hover" onClick={() => void back()}>
        <Text className="back-bar__arrow">‹</Text>
        <Text>返回</Text>
      </View>
      <Text className="back-bar__title">{title}</Text>
    </View>
  )
}
