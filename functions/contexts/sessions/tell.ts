import { inShanghai } from '../../platform/time'
import type { Deps } from '../../runtime/deps'
import { persons } from '../../store/collections'
import { inboxNotifier, type Message } from '../inbox/notifier'
import { spendCredit } from '../inbox/subscriptions'
import { bookingChannel } from '../inbox/wechat-subscription'

/**
 * Tell a booked person something: always in the inbox (once per message key), and as a WeChat
 * subscription message only while they hold a credit for it — WeChat allows one message per
 * subscription the resident granted. Resolves true when the inbox got it now.
 */
export const tellBooker = async (
  deps: Deps,
  personId: string,
  message: Message,
  at: Date,
): Promise<boolean> => {
  if (!(await inboxNotifier(deps.store).notify(`psn:${personId}`, message, at))) return false
  const wechat = await bookingChannel(deps)
  if (wechat) {
    const person = await deps.store.get(persons, personId)
    if (person?.accountId && (await spendCredit(deps, person.accountId, 'status')))
      await wechat.notify(`psn:${personId}`, message, at).catch(() => false)
  }
  return true
}

/** A session's time as messages write it: 12月8日 09:00 (Shanghai). */
export const timeText = (iso: string): string => inShanghai(new Date(iso)).format('M月D日 HH:mm')
