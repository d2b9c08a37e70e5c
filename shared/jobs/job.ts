import { regionCodeSchema } from '../regions/region-code'
import { cursorParam, queryBool, queryInt, z } from '../validation'

/** Job categories as residents search them; labels are what the app shows. */
export const JOB_CATEGORIES = {
  manufacturing: '生产制造',
  textile: '纺织服装',
  construction: '建筑装修',
  logistics: '物流运输',
  retail: '商贸销售',
  catering: '餐饮住宿',
  domestic: '家政养老',
  agriculture: '农业种养',
  tech: '技术研发',
  office: '行政文员',
  cleaning: '保洁保安',
  healthcare: '医疗护理',
  education: '教育培训',
  community: '社区服务',
} as const

export type JobCategory = keyof typeof JOB_CATEGORIES
export const jobCategorySchema = z.enum(Object.keys(JOB_CATEGORIES) as [JobCategory, ...JobCategory[]], {
  // Left out is a choice not made; anything else is a category that isn't there.
  error: (iss) => (iss.input === undefined ? '请选择岗位类别' : '岗位类别不存在'),
})

/** A vacancy's life (see shared/employers/employer.ts); the job board shows `published` ones only. */
export const JOB_STATUSES = [
  'draft',
  'pending',
  'published',
  'paused',
  'filled',
  'expired',
  'rejected',
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** What a resident sees of a vacancy. Salaries are yuan per month. */
export const jobSchema = z.object({
  id: z.string(),
  title: z.string().min(2).max(40),
  employer: z.string().min(2).max(60),
  employerIndustry: z.string().max(30),
  region: regionCodeSchema,
  regionName: z.string(),
  address: z.string().max(100),
  category: jobCategorySchema,
  publicWelfare: z.boolean(),
  salaryMin: z.number().int().min(0),
  salaryMax: z.number().int().min(0),
  headcount: z.number().int().min(1),
  education: z.string(),
  experience: z.string(),
  description: z.string().max(2000),
  requirements: z.array(z.string().max(100)).max(10),
  benefits: z.array(z.string().max(20)).max(10),
  contactName: z.string().max(20),
  contactPhone: z.string().max(20),
  /** Working hours as the unit wrote them ("朝八晚五，周末双休"), when it did. */
  hours: z.string().max(40).optional(),
  status: z.enum(JOB_STATUSES),
  publishedAt: z.string(),
  validUntil: z.string(),
})
export type Job = z.infer<typeof jobSchema>

/** The fields a list shows; the detail page gets the whole job. */
export type JobSummary = Pick<
  Job,
  | 'id'
  | 'title'
  | 'employer'
  | 'region'
  | 'regionName'
  | 'category'
  | 'salaryMin'
  | 'salaryMax'
  | 'publicWelfare'
  | 'headcount'
  | 'education'
  | 'publishedAt'
  | 'benefits'
>

export const JOB_PAGE_SIZE_MAX = 50
export const JOB_PAGE_SIZE_DEFAULT = 20

export const jobListQuerySchema = z
  .object({
    q: z.string().trim().max(30, '关键词最多 30 个字').optional(),
    region: regionCodeSchema.optional(),
    category: jobCategorySchema.optional(),
    publicWelfare: queryBool('只看公益性岗位').optional(),
    minSalary: queryInt({ min: 0, max: 1_000_000, label: '最低月薪' }).optional(),
    cursor: cursorParam.optional(),
    limit: queryInt({ min: 1, max: JOB_PAGE_SIZE_MAX, label: '每页条数' }).optional(),
  })
  .strict()
export type JobListQuery = z.infer<typeof jobListQuerySchema>

export const jobIdParamsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '岗位编号格式不正确'),
})

export interface Paged<T> {
  items: T[]
  nextCursor: string | null
}

/** "4000-6000 元/月" — the way local job boards write pay. */
export const formatSalary = (min: number, max: number): string => {
  if (min === 0 && max === 0) return '面议'
  if (min === max) return `${min} 元/月`
  return `${min}-${max} 元/月`
}
