import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../api/client'
import { toastText } from '../utils/toast'
import './Banner.scss'

const KINDS = {
  policy: {
    templateId: process.env.TARO_APP_TEMPLATE_POLICY ?? '',
    title: '新政策微信提醒',
    done: '已订阅一次新政策提醒',
    refused: '未订阅，新政策会发送到「消息」',
  },
  job: {
    templateId: process.env.TARO_APP_TEMPLATE_JOB ?? '',
    title: '岗位推送微信提醒',
    done: '已订阅一次岗位推送提醒',
    refused: '未订阅，推荐岗位会发送到「消息」',
  },
} as const

/**
 * 微信提醒 (weapp only): each tap on 订阅 lets the system send one WeChat message — when a new
 * policy fits the resident, or with the day's pushed jobs. Without a credit it still goes to 消息.
 */
export default function PolicySubscription({ kind = 'policy' }: { kind?: keyof typeof KINDS }) {
  const { templateId: TEMPLATE, title, done, refused } = KINDS[kind]
  const inWeChat = process.env.TARO_ENV === 'weapp' && TEMPLATE !== ''
  const [credits, setCredits] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      const res = await api('listSubscriptions')
      setCredits(res.items.find((i) => i.template === kind)?.credits ?? 0)
    } catch {
      setCredits(null)
    }
  }, [kind])
  useEffect(() => {
    if (inWeChat) void load()
  }, [inWeChat, load])

  if (!inWeChat) return null
  const subscribe = async () => {
    if (busy) return
    setBusy(true)
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE], entityIds: [] })) as Record<
        string,
        string
      >
      const accepted = res[TEMPLATE] === 'accept'
      const saved = await api('addSubscription', { params: { template: kind }, body: { accepted } })
      if (saved.credits !== null) setCredits(saved.credits)
      toastText(accepted ? done : refused)
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card policies__banner" id={`${kind}-subscription`}>
      <View className="policies__banner-text">
        <Text className="policies__banner-title">{title}</Text>
        <Text className="policies__banner-desc">剩余 {credits ?? '–'} 次；用完后仍会发送到「消息」</Text>
      </View>
      <View
        className={`btn btn--ghost btn--small${busy ? ' btn--disabled' : ''}`}
        hoverClass="btn--hover"
        onClick={() => void subscribe()}
      >
        订阅
      </View>
    </View>
  )
}
