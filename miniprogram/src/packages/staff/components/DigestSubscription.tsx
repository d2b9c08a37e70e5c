import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { api, errorMessage } from '../../../api/client'
import { toastText } from '../../../utils/toast'

const TEMPLATE = process.env.TARO_APP_TEMPLATE_DIGEST ?? ''

/**
 * 订阅每月待办提醒: WeChat subscription messages are one send per tap, so the card shows how many
 * sends remain and lets the coordinator add one. With none left, the digest still arrives in 消息.
 */
export function DigestSubscription() {
  const [credits, setCredits] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const inWeChat = process.env.TARO_ENV === 'weapp' && TEMPLATE !== ''

  const load = useCallback(async () => {
    try {
      const res = await api('listSubscriptions')
      setCredits(res.items.find((i) => i.template === 'digest')?.credits ?? 0)
    } catch {
      setCredits(null)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const subscribe = async () => {
    if (busy || !inWeChat) return
    setBusy(true)
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE], entityIds: [] })) as Record<
        string,
        string
      >
      const accepted = res[TEMPLATE] === 'accept'
      const saved = await api('addSubscription', { params: { template: 'digest' }, body: { accepted } })
      if (saved.credits !== null) setCredits(saved.credits)
      toastText(accepted ? '已订阅一次提醒' : '未订阅，提醒将发送到站内消息')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card wb-subscribe" id="digest-subscription">
      <View className="wb-subscribe__text">
        <Text className="card-title">每月待办提醒</Text>
        <Text className="muted">
          {inWeChat
            ? `微信提醒剩余 ${credits ?? '–'} 次；用完后提醒仍会发送到「消息」。`
            : '提醒会发送到「消息」；在微信小程序中可订阅微信提醒。'}
        </Text>
      </View>
      {inWeChat ? (
        <View
          id="digest-subscribe"
          className={`btn btn--ghost btn--small${busy ? ' btn--disabled' : ''}`}
          hoverClass="btn--hover"
          onClick={() => void subscribe()}
        >
          订阅
        </View>
      ) : null}
    </View>
  )
}
