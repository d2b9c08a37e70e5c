import { newId } from '../../platform/ids'
import { notifications } from '../../store/collections'
import type { Store } from '../../store/port'

/**
 * Telling people what happened. The in-app inbox always gets the message; in production a
 * WeChat subscription message can follow (functions/identity has the WeChat client) — behind
 * this port so use cases never care which channels exist.
 */
export interface Message {
  title: string
  body: string
  applicationId?: string
}

export interface Notifier {
  notify(recipient: string, message: Message, at: Date): Promise<void>
}

export const inboxNotifier = (store: Store): Notifier => ({
  async notify(recipient, message, at) {
    await store.insert(notifications, {
      id: newId('msg', at),
      recipient,
      at: at.toISOString(),
      title: message.title,
      body: message.body,
      read: false,
      applicationId: message.applicationId ?? null,
    })
  },
})

/** The notifier a deployment uses: the inbox, plus WeChat subscription messages when configured. */
export const notifierFor = async (deps: {
  store: Store
  env: { WECHAT_APPID?: string; WECHAT_SECRET?: string; WECHAT_TEMPLATE_STATUS?: string }
}): Promise<Notifier> => {
  const inbox = inboxNotifier(deps.store)
  const { WECHAT_APPID, WECHAT_SECRET, WECHAT_TEMPLATE_STATUS } = deps.env
  if (!WECHAT_APPID || !WECHAT_SECRET || !WECHAT_TEMPLATE_STATUS) return inbox
  const { allChannels, wechatSubscriptionNotifier } = await import('./wechat-subscription')
  const { logger } = await import('../../platform/logger')
  return allChannels(inbox, [
    wechatSubscriptionNotifier(
      deps.store,
      {
        appid: WECHAT_APPID,
        secret: WECHAT_SECRET,
        templateId: WECHAT_TEMPLATE_STATUS,
        page: 'pages/application/index',
      },
      logger,
    ),
  ])
}
