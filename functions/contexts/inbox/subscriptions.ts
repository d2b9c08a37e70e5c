import type { Identity } from '../../../shared/auth/identity'
import type { Deps } from '../../runtime/deps'
import { subscriptions } from '../../store/collections'
import { DuplicateKeyError } from '../../store/port'

/**
 * One-time subscription messages (一次性订阅消息): WeChat allows one send per tap on 订阅. We count
 * the taps as credits, spend one per message, and fall back to the inbox when none are left.
 */
export type Template = 'digest' | 'status' | 'policy' | 'job'

const keyOf = (account: string, template: Template) => `${account}:${template}`

export const creditsOf = async (deps: Deps, account: string, template: Template): Promise<number> =>
  (await deps.store.get(subscriptions, keyOf(account, template)))?.credits ?? 0

export const listCredits = async (deps: Deps, who: Identity) => {
  const account = `wx:${who.openid}`
  return {
    items: await Promise.all(
      (['digest', 'status', 'policy', 'job'] as const).map(async (template) => ({
        template,
        credits: await creditsOf(deps, account, template),
      })),
    ),
    /** Without a configured template, messages go to the inbox only. */
    wechatEnabled: Boolean(deps.env.WECHAT_APPID && deps.env.WECHAT_SECRET),
  }
}

/** The user tapped 订阅 and WeChat said `accept`: one more send is allowed. */
export const addCredit = async (deps: Deps, who: Identity, template: Template) => {
  const account = `wx:${who.openid}`
  const id = keyOf(account, template)
  const now = deps.clock.now().toISOString()
  if (!(await deps.store.increment(subscriptions, id, 'credits', 1))) {
    await deps.store
      .insert(subscriptions, { id, account, template, credits: 0, updatedAt: now })
      .catch((err) => {
        if (!(err instanceof DuplicateKeyError)) throw err
      })
    await deps.store.increment(subscriptions, id, 'credits', 1)
  }
  return { template, credits: await creditsOf(deps, account, template) }
}

/** Spend one credit if there is one (atomic, never below zero). */
export const spendCredit = async (deps: Deps, account: string, template: Template): Promise<boolean> =>
  (await deps.store.increment(subscriptions, keyOf(account, template), 'credits', -1, { min: 0 })) !== null
