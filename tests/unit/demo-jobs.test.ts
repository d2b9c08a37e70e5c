import { generateDemoJobs } from '../../functions/seed/demo-jobs'
import haian from '../../infra/data/regions-320621.json'
import { JOB_CATEGORIES, type Job, jobIdParamsSchema, jobSchema } from '../../shared/jobs/job'

const DAY_MS = 86_400_000
const now = new Date('2026-03-15T02:00:00.000Z')
const regions = haian.regions
const jobs = generateDemoJobs({ regions, now })

const regionByCode = new Map(regions.map((r) => [r.code, r]))
const towns = regions.filter((r) => r.level === 'town')
const townCodeOf = (job: Job) => job.region.slice(0, 9)
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

describe('generateDemoJobs', () => {
  it('makes 200 jobs by default, each a valid Job', () => {
    expect(jobs).toHaveLength(200)
    for (const job of jobs) expect(jobSchema.parse(job)).toEqual(job)
  })

  it('honours count', () => {
    const few = generateDemoJobs({ regions, now, count: 30 })
    expect(few.map((j) => j.id)).toEqual(
      Array.from({ length: 30 }, (_, i) => `hj${String(i + 1).padStart(5, '0')}`),
    )
    expect(generateDemoJobs({ regions, now, count: 0 })).toEqual([])
  })

  it('is deterministic: same inputs, same jobs; another seed, other jobs', () => {
    const random = jest.spyOn(Math, 'random')
    const clock = jest.spyOn(Date, 'now')
    try {
      expect(generateDemoJobs({ regions, now })).toEqual(jobs)
      expect(generateDemoJobs({ regions, now, seed: 7 })).toEqual(generateDemoJobs({ regions, now, seed: 7 }))
      expect(generateDemoJobs({ regions, now, seed: 7 })).not.toEqual(jobs)
      expect(random).not.toHaveBeenCalled()
      expect(clock).not.toHaveBeenCalled()
    } finally {
      random.mockRestore()
      clock.mockRestore()
    }
  })

  it('gives unique ids hj00001… that the job id route accepts', () => {
    const ids = jobs.map((j) => j.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) {
      expect(id).toMatch(/^hj\d{5}$/)
      expect(jobIdParamsSchema.safeParse({ id }).success).toBe(true)
    }
  })

  it('has 10–20% public-welfare posts, all paid below the ordinary median', () => {
    const welfare = jobs.filter((j) => j.publicWelfare)
    const ordinary = jobs.filter((j) => !j.publicWelfare)
    expect(welfare.length / jobs.length).toBeGreaterThanOrEqual(0.1)
    expect(welfare.length / jobs.length).toBeLessThanOrEqual(0.2)
    const ordinaryMedian = median(ordinary.map((j) => (j.salaryMin + j.salaryMax) / 2))
    for (const job of welfare) {
      expect(job.salaryMax).toBeLessThan(ordinaryMedian)
      expect(job.salaryMin).toBeGreaterThanOrEqual(2000)
      expect(['cleaning', 'community', 'domestic']).toContain(job.category)
      expect(job.description).toContain('就业困难人员')
      expect(job.description).toContain('零就业家庭')
      expect(job.requirements).toContain('法定劳动年龄内')
    }
  })

  it('places every job in a real town or community and covers every town, the county seat most', () => {
    for (const job of jobs) {
      const region = regionByCode.get(job.region)
      expect(region).toBeDefined()
      expect(['town', 'community']).toContain(region?.level)
      const town = regionByCode.get(townCodeOf(job))
      expect(town?.level).toBe('town')
      if (region?.level === 'town') expect(job.regionName).toBe(region.name)
      else expect(job.regionName).toBe(`${town?.name}·${region?.name}`)
      expect(job.address.startsWith(town?.name ?? '?')).toBe(true)
      if (region?.level === 'community') expect(job.publicWelfare).toBe(true)
    }
    const perTown = new Map(towns.map((t) => [t.code, jobs.filter((j) => townCodeOf(j) === t.code).length]))
    for (const town of towns) expect(perTown.get(town.code)).toBeGreaterThan(0)
    const seat = perTown.get('320621100') ?? 0
    for (const [code, n] of perTown) if (code !== '320621100') expect(seat).toBeGreaterThan(n)
  })

  it('covers every job category', () => {
    const seen = new Set(jobs.map((j) => j.category))
    for (const category of Object.keys(JOB_CATEGORIES)) expect(seen).toContain(category)
  })

  it('gives sensible pay, headcount, text and contacts', () => {
    for (const job of jobs) {
      expect(job.salaryMin).toBeLessThanOrEqual(job.salaryMax)
      expect(job.salaryMin).toBeGreaterThan(0)
      expect(job.salaryMax).toBeLessThanOrEqual(15_000)
      expect(job.headcount).toBeGreaterThanOrEqual(1)
      expect(job.headcount).toBeLessThanOrEqual(30)
      expect(['不限', '初中', '高中', '中专', '大专', '本科']).toContain(job.education)
      expect(['不限', '1年以上', '3年以上']).toContain(job.experience)
      expect(job.requirements.length).toBeGreaterThanOrEqual(2)
      expect(job.requirements.length).toBeLessThanOrEqual(5)
      expect(job.benefits.length).toBeGreaterThanOrEqual(2)
      expect(job.benefits.length).toBeLessThanOrEqual(5)
      expect(new Set(job.benefits).size).toBe(job.benefits.length)
      const sentences = job.description.split('。').filter(Boolean).length
      expect(sentences).toBeGreaterThanOrEqual(2)
      expect(sentences).toBeLessThanOrEqual(4)
      expect(job.contactName).toMatch(/^.(女士|先生)$/)
      expect(job.contactPhone).toMatch(/^0513-8\d{7}$/)
    }
  })

  it('keeps one contact per employer', () => {
    const contacts = new Map<string, string>()
    for (const job of jobs) {
      const contact = `${job.contactName} ${job.contactPhone}`
      expect(contacts.get(job.employer) ?? contact).toBe(contact)
      contacts.set(job.employer, contact)
    }
    expect(contacts.size).toBeGreaterThanOrEqual(50)
  })

  it('publishes at distinct ISO instants within the 60 days before now, ids in publication order', () => {
    const times = jobs.map((j) => Date.parse(j.publishedAt))
    for (const job of jobs) {
      expect(new Date(job.publishedAt).toISOString()).toBe(job.publishedAt)
      expect(new Date(job.validUntil).toISOString()).toBe(job.validUntil)
    }
    expect(new Set(times).size).toBe(times.length)
    for (const t of times) {
      expect(t).toBeLessThan(now.getTime())
      expect(t).toBeGreaterThan(now.getTime() - 60 * DAY_MS)
    }
    expect([...times].sort((a, b) => a - b)).toEqual(times)
  })

  it('keeps every job open for 30–90 days, about 10 of them already past validity', () => {
    for (const job of jobs) {
      expect(job.status).toBe('published')
      const days = (Date.parse(job.validUntil) - Date.parse(job.publishedAt)) / DAY_MS
      expect(days).toBeGreaterThanOrEqual(30)
      expect(days).toBeLessThanOrEqual(90)
    }
    const expired = jobs.filter((j) => Date.parse(j.validUntil) < now.getTime())
    expect(expired.length).toBeGreaterThanOrEqual(6)
    expect(expired.length).toBeLessThanOrEqual(15)
    for (const seed of [1, 2, 3]) {
      const other = generateDemoJobs({ regions, now, seed })
      const n = other.filter((j) => Date.parse(j.validUntil) < now.getTime()).length
      expect(n).toBeGreaterThanOrEqual(6)
      expect(n).toBeLessThanOrEqual(15)
    }
  })

  it('does not depend on the time of day of now', () => {
    const late = new Date('2026-03-15T15:59:59.999Z')
    const lateJobs = generateDemoJobs({ regions, now: late })
    for (const job of lateJobs) {
      expect(jobSchema.safeParse(job).success).toBe(true)
      expect(Date.parse(job.publishedAt)).toBeLessThan(late.getTime())
      expect(Date.parse(job.publishedAt)).toBeGreaterThan(late.getTime() - 60 * DAY_MS)
    }
  })
})
