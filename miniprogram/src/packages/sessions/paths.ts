/** Booking pages (a subpackage: the first screen never downloads them). */
export const SESSIONS_PATH = '/packages/sessions/pages/list/index'
export const MY_BOOKINGS_PATH = '/packages/sessions/pages/my-bookings/index'

/** A session's page; `person` when a coordinator books for a resident. */
export const sessionPath = (id: string, person?: string) =>
  `/packages/sessions/pages/session/index?id=${encodeURIComponent(id)}${person ? `&person=${encodeURIComponent(person)}` : ''}`

/** The list for a coordinator booking on a resident's behalf. */
export const sessionsForPerson = (personId: string, name: string) =>
  `${SESSIONS_PATH}?person=${encodeURIComponent(personId)}&name=${encodeURIComponent(name)}`

/** Staff: publishing a session, and a session's roll call (in the staff subpackage). */
export const SESSION_EDIT_PATH = '/packages/staff/pages/session-edit/index'
export const sessionRollPath = (id: string) =>
  `/packages/staff/pages/session-roll/index?id=${encodeURIComponent(id)}`
