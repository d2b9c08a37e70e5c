import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useLargeText } from '../hooks/useLargeText'

interface Props {
  className?: string
  children?: ReactNode
}

/** Root of every page: carries the theme variables and the 大字模式 class. */
export default function PageShell({ className, children }: Props) {
  const [large] = useLargeText()
  const classes = ['page', large ? 'large-text' : '', className ?? ''].filter(Boolean).join(' ')
  return <View className={classes}>{children}</View>
}
