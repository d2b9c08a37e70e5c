/** Staff pages other packages link to (kept apart from followups.ts, which pulls in the API client). */
export const REPORTS_PATH = '/packages/staff/pages/reports/index'
