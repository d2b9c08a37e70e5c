import { JOB_CATEGORIES, type JobCategory } from '@shared/jobs/job'

/** The filters of the jobs list, as the page holds them. Empty string / 0 mean "any". */
export interface JobFilters {
  q: string
  region: string
  category: JobCategory | ''
  minSalary: number
  publicWelfare: boolean
}

export const EMPTY_FILTERS: JobFilters = {
  q: '',
  region: '',
  category: '',
  minSalary: 0,
  publicWelfare: false,
}

export const MIN_SALARY_OPTIONS = [0, 3000, 4000, 5000, 6000, 8000] as const

export const isJobCategory = (value: string): value is JobCategory => Object.hasOwn(JOB_CATEGORIES, value)

export const hasActiveFilters = (f: JobFilters): boolean =>
  f.q !== '' || f.region !== '' || f.category !== '' || f.minSalary > 0 || f.publicWelfare

/** Filters as the query of GET /api/jobs (the client drops the empty ones). */
export const filtersToQuery = (f: JobFilters): Record<string, string | number | undefined> => ({
  q: f.q.trim(),
  region: f.region,
  category: f.category,
  minSalary: f.minSalary > 0 ? f.minSalary : undefined,
  publicWelfare: f.publicWelfare ? 'true' : undefined,
})

/** Read filters from a page query (deep links: /pages/jobs/index?category=textile&publicWelfare=true). */
export const filtersFromQuery = (query: Record<string, string | undefined>): Partial<JobFilters> | null => {
  const out: Partial<JobFilters> = {}
  const decode = (v: string): string => {
    try {
      return decodeURIComponent(v)
    } catch {
      return v
    }
  }
  if (query.q) out.q = decode(query.q).slice(0, 30)
  if (query.region && /^\d{6}(\d{3}){0,2}$/.test(query.region)) out.region = query.region
  if (query.category && isJobCategory(query.category)) out.category = query.category
  if (query.minSalary && /^\d+$/.test(query.minSalary)) out.minSalary = Number(query.minSalary)
  if (query.publicWelfare === 'true' || query.publicWelfare === '1') out.publicWelfare = true
  return Object.keys(out).length > 0 ? out : null
}

/**
 * switchTab cannot carry a query, so the home page leaves the filters here and the jobs page
 * takes them when it shows.
 */
let pending: Partial<JobFilters> | null = null

export const handOffJobFilters = (filters: Partial<JobFilters>): void => {
  pending = filters
}

export const takeHandedOffJobFilters = (): Partial<JobFilters> | null => {
  const value = pending
  pending = null
  return value
}
