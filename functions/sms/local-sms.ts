import { maskMobile } from '../../shared/people/identity-numbers'
import type { Logger } from '../platform/logger'
import type { SmsSender } from './port'

export interface LocalSms extends SmsSender {
  /** What was "sent", newest last (the last 100): tests read codes from here. */
  readonly sent: { phone: string; text: string }[]
}

/** The stand-in sender of the embedded mode: nothing leaves the machine. */
export const localSms = (log?: Logger): LocalSms => {
  const sent: { phone: string; text: string }[] = []
  return {
    kind: 'local',
    sent,
    async send(phone, text) {
      sent.push({ phone, text })
      if (sent.length > 100) sent.shift()
      // The demo has no phone to receive it: the console shows it, with the number masked.
      log?.info('本地短信（未真正发送）', { to: maskMobile(phone), text })
    },
  }
}
