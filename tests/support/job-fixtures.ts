import type { Job } from '../../shared/jobs/job'

let seq = 0

/** A valid open job; override what the test is about. */
export const aJob = (over: Partial<Job> = {}): Job => {
  seq++
  return {
    id: `t${String(seq).padStart(5, '0')}`,
    title: '普工',
    employer: '海安测试纺织有限公司',
    employerIndustry: '纺织',
    region: '320621100',
    regionName: '海安镇',
    address: '海安镇长江中路1号',
    category: 'manufacturing',
    publicWelfare: false,
    salaryMin: 4000,
    salaryMax: 6000,
    headcount: 3,
    education: '不限',
    experience: '不限',
    description: '负责生产线操作。',
    requirements: ['身体健康'],
    benefits: ['五险一金'],
    contactName: '王女士',
    contactPhone: '0513-88000000',
    status: 'published',
    publishedAt: new Date(Date.UTC(2026, 10, 1) + seq * 60_000).toISOString(),
    validUntil: '2027-01-31T00:00:00.000Z',
    ...over,
  }
}
