import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface StateProps {
  icon?: string
  title: string
  desc?: string
  action?: ReactNode
  id?: string
}

/** A centred message for empty, error and not-found states. */
export function StateView({ icon = '!', title, desc, action, id }: StateProps) {
  return (
    <View className="state" id={id}>
      <View className="state__icon">
        <Text>{icon}</Text>
      </View>
      <Text className="state__title">{title}</Text>
      {desc ? <Text className="state__desc">{desc}</Text> : null}
      {action ? <View className="state__action">{action}</View> : null}
    </View>
  )
}

export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="list-note">
      <Text>{text}</Text>
    </View>
  )
}

interface ErrorProps {
  message: string
  onRetry: () => void
  id?: string
}

export function ErrorView({ message, onRetry, id }: ErrorProps) {
  return (
    <StateView
      id={id}
      icon="!"
      title="加载失败"
      desc={message}
      action={
        <View className="btn btn--ghost btn--small" hoverClass="btn--hover" onClick={onRetry}>
          重试
        </View>
      }
    />
  )
}
