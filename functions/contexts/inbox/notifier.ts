import { createHash } from 'node:crypto'
import { newId } from '../../platform/ids'
import { type NotificationRecord, notifications } from '../../store/collections'
import { DuplicateKeyError, type Store } from '../../store/port'

/**
 * Telling people what happened. The in-app inbox always gets the message; in production a
 * WeChat subscription message can follow (functions/identity has the WeChat client) — behind
 * this port so use cases never care which channels exist.
 */
export interface Message {
  title: string
  body: string
  applicationId?: string
  /** What the message is about, for the app (and a WeChat message) to open. */
  link?: {
    kind:
      | 'policy'
      | 'policies'
      | 'notice'
      | 'job'
      | 'jobs'
      | 'interests'
      | 'bookings'
      | 'agreement'
      | 'reports'
    id: string
    policyIds?: string[]
    jobIds?: string[]
    jobTitles?: string[]
  }
  /**
   * Sent at most once per key and recipient: a rerun of a scheduled job, or a retry after a
   * crash between two writes, finds the message already there and sends nothing.
   */
  dedupeKey?: string
}

export interface Notifier {
  /** Resolves true when the message was delivered now, false when it had been already. */
  notify(recipient: string, message: Message, at: Date): Promise<boolean>
}

/** What every message id looks like (the inbox refuses any other before reading). */
export const MESSAGE_ID = /^msg_[a-z0-9_]{1,40}$/

const dedupedId = (key: string, recipient: string) =>
  `msg_d${createHash('sha256').update(`${key}|${recipient}`).digest('hex').slice(0, 30)}`

/** The inbox row of a message; a deduplicated message always gets the same id. */
export const inboxRecord = (recipient: string, message: Message, at: Date): NotificationRecord => ({
  id: message.dedupeKey ? dedupedId(message.dedupeKey, recipient) : newId('msg', at),
  recipient,
  at: at.toISOString(),
  title: message.title,
  body: message.body,
  read: false,
  applicationId: message.applicationId ?? null,
  link: message.link ?? null,
})

export const inboxNotifier = (store: Store): Notifier => ({
  async notify(recipient, message, at) {
    try {
      await store.insert(notifications, inboxRecord(recipient, message, at))
      return true
    } catch (err) {
      if (message.dedupeKey && err instanceof DuplicateKeyError) return false
      throw err
    }
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
