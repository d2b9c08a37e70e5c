/** The seeker's own pages (a subpackage: the first screen never downloads them). */
export const MY_INTERESTS_PATH = '/packages/seeker/pages/interests/index'
export const RETURNEE_PATH = '/packages/seeker/pages/returnee/index'
export const MY_AGREEMENT_PATH = '/packages/seeker/pages/agreement/index'
