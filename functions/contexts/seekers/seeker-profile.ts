import type { SeekerProfile, VacancyProfile } from '../../../shared/jobs/matching'
import type { JobRecord, PersonRecord } from '../../store/collections'

/**
 * What matching reads of a person and of a vacancy. Kept here so the recommendations a seeker
 * sees and the pushes the daily job sends score the same way.
 */

/** Who gets pushes: the unemployed and returnees wanting work here, plus anyone who asked; never who said no. */
export const isActiveSeeker = (p: PersonRecord): boolean => {
  if (p.jobPush === 'off') return false
  if (p.jobPush === 'on') return true
  const reportedWork = p.reportedEmployment && p.reportedEmployment.status !== 'unemployed'
  if (p.employmentStatus === 'unemployed' && !reportedWork) return true
  const returnee =
    p.returnee?.wantsLocalWork ??
    (p.keyGroups.some((g) => g.group === 'returning_migrant') ||
      (p.keyGroupClaims ?? []).some((c) => c.group === 'returning_migrant'))
  return Boolean(returnee) && p.employmentStatus !== 'stable' && !reportedWork
}

/**
 * Who may be shown public-welfare posts, as their allocation follows: members of a
 * zero-employment household with an open case, and certified difficulty persons.
 */
export const mayHoldWelfarePost = (p: PersonRecord, inOpenZeroCase: boolean): boolean =>
  !p.publicWelfarePost && (inOpenZeroCase || p.keyGroups.some((g) => g.group === 'difficulty'))

export const seekerProfile = (p: PersonRecord, welfareEligible: boolean): SeekerProfile => ({
  community: p.community,
  occupations: [...p.jobWishes.occupations, ...(p.returnee?.lastJob ? [p.returnee.lastJob] : [])],
  places: p.jobWishes.places,
  expectedPay: p.jobWishes.expectedPay,
  skills: p.skills,
  welfareEligible,
})

export const vacancyProfile = (j: JobRecord): VacancyProfile => ({
  category: j.category,
  title: j.title,
  text: `${j.requirements.join(' ')} ${j.description}`,
  region: j.region,
  placeNames: j.regionName,
  salaryMin: j.salaryMin,
  salaryMax: j.salaryMax,
  publicWelfare: j.publicWelfare,
})
