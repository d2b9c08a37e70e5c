import { API_ROUTES, routeKey } from '../../shared/api/routes'
import {
  EMPLOYER_STATUSES,
  type EmployerStatus,
  employerIdSchema,
  employerInputSchema,
  VACANCY_STATUSES,
  type VacancyStatus,
  vacancyIdSchema,
  vacancyInputSchema,
  vacancyReviewSchema,
  vacancyStatusSchema,
  verifySchema,
} from '../../shared/employers/employer'
import { z } from '../../shared/validation'
import {
  getEmployer,
  listEmployers,
  myEmployer,
  registerEmployer,
  verifyEmployer,
} from '../contexts/employers/employers'
import {
  changeVacancyStatus,
  createVacancy,
  getVacancy,
  listVacancies,
  reviewVacancy,
  updateVacancy,
} from '../contexts/jobs/vacancies'
import { cloudbaseMain } from '../runtime/cloudbase'
import { httpFunction, route, withStatus } from '../runtime/http'

/** 用人单位 and 空岗信息: units, their verification, and the life of their vacancies. */
const MANAGERS = ['employer', 'coordinator', 'street', 'county'] as const
const REVIEWERS = ['street', 'county'] as const
const cursor = z.string().max(500).optional()
const statusOf = <T extends string>(labels: Record<T, string>) =>
  z.enum(Object.keys(labels) as [T, ...T[]], { error: `status 只能是 ${Object.keys(labels).join('、')}` })

const fn = httpFunction({
  [routeKey(API_ROUTES.registerEmployer)]: route({
    access: MANAGERS,
    body: employerInputSchema,
    status: 201,
    handle: async ({ deps, identity, body }) => {
      const { created, view } = await registerEmployer(deps, identity!, body)
      return created ? view : withStatus(200, view)
    },
  }),
  [routeKey(API_ROUTES.listEmployers)]: route({
    access: MANAGERS,
    query: z.object({ status: statusOf<EmployerStatus>(EMPLOYER_STATUSES).optional(), cursor }).strict(),
    handle: ({ deps, identity, query }) => listEmployers(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.getEmployer)]: route({
    access: MANAGERS,
    params: z.object({ id: employerIdSchema }),
    handle: ({ deps, identity, params }) => getEmployer(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.verifyEmployer)]: route({
    access: REVIEWERS,
    params: z.object({ id: employerIdSchema }),
    body: verifySchema,
    handle: ({ deps, identity, params, body }) => verifyEmployer(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.myEmployer)]: route({
    access: ['employer'],
    handle: ({ deps, identity }) => myEmployer(deps, identity!),
  }),
  [routeKey(API_ROUTES.createVacancy)]: route({
    access: MANAGERS,
    body: vacancyInputSchema,
    status: 201,
    handle: ({ deps, identity, body }) => createVacancy(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.updateVacancy)]: route({
    access: MANAGERS,
    params: z.object({ id: vacancyIdSchema }),
    body: vacancyInputSchema,
    handle: ({ deps, identity, params, body }) => updateVacancy(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.listVacancies)]: route({
    access: MANAGERS,
    query: z.object({ status: statusOf<VacancyStatus>(VACANCY_STATUSES).optional(), cursor }).strict(),
    handle: ({ deps, identity, query }) => listVacancies(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.getVacancy)]: route({
    access: MANAGERS,
    params: z.object({ id: vacancyIdSchema }),
    handle: ({ deps, identity, params }) => getVacancy(deps, identity!, params.id),
  }),
  [routeKey(API_ROUTES.reviewVacancy)]: route({
    access: REVIEWERS,
    params: z.object({ id: vacancyIdSchema }),
    body: vacancyReviewSchema,
    handle: ({ deps, identity, params, body }) => reviewVacancy(deps, identity!, params.id, body),
  }),
  [routeKey(API_ROUTES.changeVacancyStatus)]: route({
    access: MANAGERS,
    params: z.object({ id: vacancyIdSchema }),
    body: vacancyStatusSchema,
    handle: ({ deps, identity, params, body }) => changeVacancyStatus(deps, identity!, params.id, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('employers', fn.handler)
