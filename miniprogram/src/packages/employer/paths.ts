/** Where the employer's pages live (their own subpackage: residents never download them). */
export const UNIT_PATH = '/packages/employer/pages/unit/index'
export const VACANCIES_PATH = '/packages/employer/pages/vacancies/index'
export const VACANCY_EDIT_PATH = '/packages/employer/pages/vacancy-edit/index'
export const vacancyPath = (id: string) =>
  `/packages/employer/pages/vacancy/index?id=${encodeURIComponent(id)}`
/** Correct a draft, a pending or a sent-back vacancy. */
export const vacancyEditPath = (id: string) => `${VACANCY_EDIT_PATH}?id=${encodeURIComponent(id)}`
