import { View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { ReactNode } from 'react'
import type CustomTabBar from '../custom-tab-bar'
import { useLargeText } from '../hooks/useLargeText'
import { useLeaveGuard } from '../hooks/useLeaveGuard'
import { backFallbackOf, PAGE_TITLES } from '../utils/pages'
import { tabIndexOf } from '../utils/tabs'
import BackBar from './BackBar'

interface Props {
  className?: string
  children?: ReactNode
  /** The back bar's title when it differs from the page's usual one. */
  title?: string
  /** Asked before the back bar leaves the page (unsaved changes). */
  beforeLeave?: () => Promise<boolean>
  /** Typing not saved: leaving by the phone's or browser's own back asks `beforeLeave` too. */
  guard?: boolean
  /** What WeChat's own alert says then (it shows text only, with its own buttons). */
  guardMessage?: string
}

/**
 * Root of every page: carries the theme variables and the 大字模式 class, and on H5 gives every
 * page outside the tab bar a visible way back (weapp has its native navigation bar). On WeChat
 * a tab page marks its tab in the app's own tab bar and keeps room for it below.
 */
export default function PageShell({
  className,
  children,
  title,
  beforeLeave,
  guard = false,
  guardMessage = '离开后已填写的内容不会保存，确定离开吗？',
}: Props) {
  const [large] = useLargeText()
  useLeaveGuard(guard, beforeLeave, guardMessage)
  const path = (useRouter().path ?? '').replace(/^\//, '').split('?')[0] ?? ''
  const tab = tabIndexOf(path)
  const tabbed = process.env.TARO_ENV === 'weapp' && tab >= 0
  useDidShow(() => {
    if (tabbed) Taro.getTabBar<CustomTabBar>(Taro.getCurrentInstance().page)?.setSelected(tab)
  })
  const classes = ['page', large ? 'large-text' : '', tabbed ? 'page--tabbed' : '', className ?? '']
    .filter(Boolean)
    .join(' ')
  return (
    <View className={classes}>
      {path && tab < 0 ? (
        <BackBar
          title={title ?? PAGE_TITLES[path] ?? ''}
          fallback={backFallbackOf(path)}
          beforeLeave={beforeLeave}
        />
      ) : null}
      {children}
    </View>
  )
}
