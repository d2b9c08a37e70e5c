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
