import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { cardInspectionSchema, cardStatusChangeSchema } from '../../shared/applications/cards'
import { cursorParam, z } from '../../shared/validation'
import { changeCardStatus, inspectCard, listCards } from '../contexts/cards/cards'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route } from '../runtime/http'

const idParams = z.object({ id: z.string().regex(/^card_[a-z0-9_]{1,40}$/, '卡片编号格式不正确') })

const fn = httpFunction({
  [routeKey(API_ROUTES.listCards)]: route({
    access: 'user',
    query: z
      .object({
        due: z
          .string()
          .regex(/^\d{4}$/, 'due 应为年份')
          .transform(Number)
          .optional(),
        cursor: cursorParam.optional(),
      })
      .strict(),
    handle: ({ deps, identity, query }) =>
      listCards(deps, identity!, { dueYear: query.due, cursor: query.cursor }),
  }),
  [routeKey(API_ROUTES.changeCardStatus)]: route({
    access: ['coordinator', 'street', 'county'],
    params: idParams,
    body: cardStatusChangeSchema,
    handle: ({ deps, identity, params, body }) => changeCardStatus(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.inspectCard)]: route({
    access: ['coordinator', 'street'],
    params: idParams,
    body: cardInspectionSchema,
    handle: ({ deps, identity, params, body }) => inspectCard(deps, identity!, params.id, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('cards', fn.handler)
