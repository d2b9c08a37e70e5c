import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { cursorParam, z } from '../../shared/validation'
import { listInbox, markRead } from '../contexts/inbox/inbox'
import { MESSAGE_ID } from '../contexts/inbox/notifier'
import { addCredit, listCredits } from '../contexts/inbox/subscriptions'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

const fn = httpFunction({
  [routeKey(API_ROUTES.listInbox)]: route({
    access: 'user',
    query: z.object({ cursor: cursorParam.optional() }).strict(),
    handle: ({ deps, identity, query }) => listInbox(deps, identity!, query.cursor),
  }),
  [routeKey(API_ROUTES.readInboxMessage)]: route({
    access: 'user',
    params: z.object({ id: z.string().regex(MESSAGE_ID, '消息编号格式不正确') }),
    handle: ({ deps, identity, params }) => markRead(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.listSubscriptions)]: route({
    access: 'user',
    handle: ({ deps, identity }) => listCredits(deps, identity!),
  }),
  [routeKey(API_ROUTES.addSubscription)]: route({
    access: 'user',
    params: z.object({ template: z.enum(['digest', 'status', 'policy', 'job'], { error: '没有这种订阅' }) }),
    body: z.object({ accepted: z.boolean() }).strict(),
    status: 201,
    handle: async ({ deps, identity, params, body }) =>
      body.accepted
        ? addCredit(deps, identity!, params.template)
        : { template: params.template, credits: null },
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('inbox', fn.handler)
