import type { Logger } from '../../platform/logger'
import { persons } from '../../store/collections'
import type { Store } from '../../store/port'
import type { Message, Notifier } from './notifier'

/**
 * WeChat subscription messages (订阅消息) for production: after the inbox has the message, one
 * is pushed to the resident's WeChat if they granted a send credit for the status template.
 * Best effort by design — no credit (errcode 43101) or a WeChat outage never loses the message,
 * which is already in the inbox.
 */
export interface SubscriptionConfig {
  appid: string
  secret: string
  templateId: string
  /** Page the message opens, e.g. pages/application/index. */
  page: string
}

type Fetch = (
  url: string,
  init?: { method?: string; body?: string; headers?: Record<string, string> },
) => Promise<{
  json(): Promise<unknown>
}>

/** WeChat's template fields: thing ≤ 20 characters, time as 'YYYY-MM-DD HH:mm'. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text || '—')
const shanghaiMinute = (at: Date) =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

export const wechatSubscriptionNotifier = (
  store: Store,
  config: SubscriptionConfig,
  log: Logger,
  fetchImpl: Fetch = fetch as unknown as Fetch,
): Notifier => {
  let token: { value: string; until: number } | null = null
  const accessToken = async (now: number): Promise<string | null> => {
    if (token && token.until > now) return token.value
    const url = `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${config.appid}&secret=${config.secret}`
    const body = (await (await fetchImpl(url)).json()) as { access_token?: string; expires_in?: number }
    if (!body.access_token) return null
    // Refresh five minutes early: WeChat tokens live two hours.
    token = { value: body.access_token, until: now + ((body.expires_in ?? 7200) - 300) * 1000 }
    return token.value
  }
  return {
    async notify(recipient: string, message: Message, at: Date) {
      // Staff are addressed by account (`wx:<openid>`), residents by person record.
      let openid: string | null = recipient.startsWith('wx:') ? recipient.slice(3) : null
      if (recipient.startsWith('psn:')) {
        const person = await store.get(persons, recipient.slice(4))
        openid = person?.accountId?.startsWith('wx:') ? person.accountId.slice(3) : null
      }
      if (!openid) return false
      try {
        const tokenValue = await accessToken(at.getTime())
        if (!tokenValue) {
          log.warn('wechat token unavailable')
          return false
        }
        const res = await fetchImpl(
          `https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${tokenValue}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              touser: openid,
              template_id: config.templateId,
              page: pageFor(config.page, message),
              data: {
                thing1: { value: thing(message.title) },
                time2: { value: shanghaiMinute(at) },
                thing3: { value: thing(message.body) },
              },
            }),
          },
        )
        const result = (await res.json()) as { errcode?: number }
        // 43101: the user has no send credit left for this template — the inbox has the message.
        if (result.errcode && result.errcode !== 43101)
          log.warn('subscription message not sent', { errcode: result.errcode })
        return !result.errcode
      } catch (err) {
        log.warn('subscription message failed', { error: err })
        return false
      }
    },
  }
}

/** The page a message opens, with the id of what it is about. */
const pageFor = (page: string, message: Message): string => {
  if (message.link?.kind === 'policies') return 'pages/policies/index'
  if (message.link?.kind === 'notice') return `pages/policy-notice/index?id=${message.link.id}`
  if (message.link?.kind === 'job' || message.link?.kind === 'jobs')
    return `pages/job-detail/index?id=${message.link.id}&from=push`
  if (message.link?.kind === 'interests') return 'packages/seeker/pages/interests/index'
  if (message.link?.kind === 'bookings') return 'packages/sessions/pages/my-bookings/index'
  const id = message.link?.id ?? message.applicationId
  return id ? `${page}?id=${id}` : page
}

/** The inbox always, then every extra channel, each on its own. */
export const allChannels = (inbox: Notifier, extra: Notifier[]): Notifier => ({
  async notify(recipient, message, at) {
    // Already delivered (a deduplicated rerun): no second WeChat message either.
    if (!(await inbox.notify(recipient, message, at))) return false
    for (const channel of extra) await channel.notify(recipient, message, at)
    return true
  },
})

type ChannelDeps = {
  store: Store
  env: {
    WECHAT_APPID?: string
    WECHAT_SECRET?: string
    WECHAT_TEMPLATE_POLICY?: string
    WECHAT_TEMPLATE_DIGEST?: string
    WECHAT_TEMPLATE_JOB?: string
    WECHAT_TEMPLATE_STATUS?: string
  }
}

/** The WeChat channel for one subscription template, opening `page`; null when it is not configured. */
const templateChannel = async (
  deps: ChannelDeps,
  templateId: string | undefined,
  page: string,
): Promise<Notifier | null> => {
  const { WECHAT_APPID, WECHAT_SECRET } = deps.env
  if (!WECHAT_APPID || !WECHAT_SECRET || !templateId) return null
  const { logger } = await import('../../platform/logger')
  return wechatSubscriptionNotifier(
    deps.store,
    { appid: WECHAT_APPID, secret: WECHAT_SECRET, templateId, page },
    logger,
  )
}

/** Policy messages to residents. */
export const policyChannel = (deps: ChannelDeps) =>
  templateChannel(deps, deps.env.WECHAT_TEMPLATE_POLICY, 'pages/policy/index')

/** Coordinators' monthly digests. */
export const digestChannel = (deps: ChannelDeps) =>
  templateChannel(deps, deps.env.WECHAT_TEMPLATE_DIGEST, 'packages/staff/pages/workbench/index')

/** Job pushes to seekers. */
export const jobChannel = (deps: ChannelDeps) =>
  templateChannel(deps, deps.env.WECHAT_TEMPLATE_JOB, 'pages/job-detail/index')

/** A resident's bookings (reminders, a seat from the waiting list), on the status template. */
export const bookingChannel = (deps: ChannelDeps) =>
  templateChannel(deps, deps.env.WECHAT_TEMPLATE_STATUS, 'packages/sessions/pages/my-bookings/index')
