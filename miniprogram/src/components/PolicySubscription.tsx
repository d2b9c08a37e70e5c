import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../api/client'
import { toastText } from '../utils/toast'

const TEMPLATE = process.env.TARO_APP_TEMPLATE_POLICY ?? ''

/**
 * 新政策微信提醒 (weapp only): each tap on 订阅 lets the system send one WeChat message when a new
 * policy fits the resident. Without a credit the message still goes to 消息.
 */
export default function PolicySubscription() {
  const inWeChat = process.env.TARO_ENV === 'weapp' && TEMPLATE !== ''
  const [credits, setCredits] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      const res = await api('listSubscriptions')
      setCredits(res.items.find((i) => i.template === 'policy')?.credits ?? 0)
    } catch {
      setCredits(null)
    }
  }, [])
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
      const saved = await api('addSubscription', { params: { template: 'policy' }, body: { accepted } })
      if (saved.credits !== null) setCredits(saved.credits)
      toastText(accepted ? '已订阅一次新政策提醒' : '未订阅，新政策会发送到「消息」')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card policies__banner" id="policy-subscription">
      <View className="policies__banner-text">
        <Text className="policies__banner-title">新政策微信提醒</Text>
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
