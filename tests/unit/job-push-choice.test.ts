import { toJobRecord } from '../../functions/contexts/jobs/job-mapper'
import { bestMatches, chooseFor, VacancyIndex } from '../../functions/contexts/seekers/job-push'
import { vacancyProfile } from '../../functions/contexts/seekers/seeker-profile'
import { JOB_CATEGORIES, type JobCategory } from '../../shared/jobs/job'
import { MATCH_THRESHOLD, prepareSeeker, scoreVacancy } from '../../shared/jobs/matching'
import { aJob } from '../support/job-fixtures'

/**
 * The daily push remembers the work points of a post for everyone who wrote the same wishes and
 * skills. Whatever it remembers, each seeker must get exactly the posts a plain scoring of every
 * candidate would pick: their own home, wished places and pay still count.
 */
const at = new Date('2026-12-01T02:00:00.000Z')
const categories = Object.keys(JOB_CATEGORIES) as JobCategory[]
const TITLES = ['挡车工', '叉车司机', '电焊工', '保洁员', '仓管员', '厨师', '普工']
const PLACES = ['320621100', '320621100001', '320621100002', '320621102', '320621102001', '320621103']

const index = new VacancyIndex()
const records = Array.from({ length: 400 }, (_, i) =>
  toJobRecord(
    aJob({
      id: `c${i}`,
      title: TITLES[i % TITLES.length]!,
      category: categories[i % 5]!,
      region: PLACES[i % PLACES.length]!,
      requirements: i % 3 === 0 ? ['会电焊'] : ['身体健康'],
      salaryMin: 3000 + (i % 9) * 250,
      salaryMax: 4000 + (i % 9) * 300,
      publicWelfare: i % 17 === 0,
      publishedAt: new Date(at.getTime() - i * 60_000).toISOString(),
    }),
    at,
  ),
)
for (const r of records) index.add(r)

const seekers = Array.from({ length: 60 }, (_, i) =>
  prepareSeeker({
    // Ten seekers share each set of words; their homes, places and pay differ.
    occupations: [['挡车工'], ['叉车'], ['普工', '保洁'], []][i % 4]!,
    skills: [['电焊'], [], ['叉车']][Math.floor(i / 4) % 3]!,
    community: ['320621100001', '320621102001', '320621103004'][i % 3]!,
    places: i % 5 === 0 ? ['海安镇'] : [],
    expectedPay: i % 2 ? 3800 + i * 20 : null,
    welfareEligible: i % 7 === 0,
  }),
)

/** Every candidate scored afresh, the best `room` by score then recency. */
const plainChoice = (s: (typeof seekers)[number], sent: Set<string>, room: number, enough = 3 * room + 10) =>
  index
    .candidates(s, enough)
    .map((e) => ({ id: e.job.id, score: scoreVacancy(s, vacancyProfile(e.job)), at: e.job.publishedAt }))
    .filter((c) => c.score >= MATCH_THRESHOLD && !sent.has(c.id))
    .sort((a, b) => b.score - a.score || b.at.localeCompare(a.at))
    .slice(0, room)
    .map((c) => `${c.id}:${c.score}`)

it('picks for every seeker what scoring each candidate afresh would pick, twice over', () => {
  for (const round of [1, 2]) {
    for (const [i, s] of seekers.entries()) {
      const sent = new Set(i % 3 === 0 ? ['c0', 'c7', 'c14'] : [])
      const chosen = bestMatches(index, s, sent, 3).map((b) => `${b.entry.job.id}:${b.score}`)
      expect({ round, i, chosen }).toEqual({ round, i, chosen: plainChoice(s, sent, 3) })
    }
  }
  // Not a vacuous comparison: most seekers were offered something.
  expect(seekers.filter((s) => bestMatches(index, s, new Set(), 3).length > 0).length).toBeGreaterThan(40)
})

it('picks from a ranking shared by seekers who rank alike what scoring afresh would pick, whatever each was sent', () => {
  // Neighbours who wrote the same: each of the sixty seekers three times, sent different posts.
  const neighbours = [...seekers, ...seekers, ...seekers]
  for (const [i, s] of neighbours.entries()) {
    const plain = plainChoice(s, new Set(), 12, 19).map((c) => c.split(':')[0]!)
    // Nothing sent; yesterday's best; more than the ranking holds (a scan afresh); a stray id.
    const sent = new Set([[], plain.slice(0, 3), plain.slice(0, 9), ['c1', 'c399']][i % 4]!)
    const chosen = chooseFor(index, s, sent, 3, { depth: 6, enough: 19 }).map(
      (b) => `${b.entry.job.id}:${b.score}`,
    )
    expect({ i, chosen }).toEqual({ i, chosen: plainChoice(s, sent, 3) })
  }
})

it('tells apart seekers whose one-character wishes name trades but no occupation', () => {
  const a = prepareSeeker({
    occupations: ['电'],
    skills: [],
    community: '320621100001',
    places: [],
    expectedPay: null,
    welfareEligible: false,
  })
  const b = prepareSeeker({ ...a, occupations: [] })
  expect(a.wishedCategories.size).toBeGreaterThan(0)
  expect(chooseFor(index, a, new Set(), 3, { depth: 6, enough: 19 }).map((r) => r.entry.job.id)).toEqual(
    plainChoice(a, new Set(), 3).map((c) => c.split(':')[0]),
  )
  expect(chooseFor(index, b, new Set(), 3, { depth: 6, enough: 19 }).map((r) => r.entry.job.id)).toEqual(
    plainChoice(b, new Set(), 3).map((c) => c.split(':')[0]),
  )
})
