import { JOB_CATEGORIES, type JobCategory } from './job'

/**
 * Matching a job seeker with a vacancy (人岗匹配): a score from 0 to 100 and, for every point,
 * the reason in the words the seeker reads ("意向岗位相符；在您所在镇；月薪高于期望").
 *
 * What counts, and how much: what the work is (the wished occupation in the title, else its
 * trade; a skill the post asks for), where it is (the seeker's community, town, wished places,
 * else the county), and the pay against the seeker's expectation. The weights are plain so a
 * coordinator can explain any recommendation to the person in front of them.
 */

/** Words residents use for work, by trade: a wish "电焊" or "开叉车" names a category. */
const TRADE_WORDS: Record<JobCategory, string[]> = {
  manufacturing: [
    '普工',
    '操作工',
    '电焊',
    '焊工',
    '车工',
    '钳工',
    '装配',
    '质检',
    '机修',
    '电工',
    '数控',
    '包装',
    '叉车',
    '流水线',
  ],
  textile: ['纺织', '挡车', '缝纫', '服装', '制衣', '裁剪', '织布', '家纺', '验布', '整烫'],
  construction: ['建筑', '木工', '瓦工', '泥瓦', '钢筋', '架子', '油漆', '装修', '水电', '混凝土', '工地'],
  logistics: ['司机', '驾驶', '物流', '快递', '仓库', '仓管', '配送', '搬运', '分拣', '货运', '外卖'],
  retail: ['销售', '营业员', '导购', '收银', '店员', '客服', '电商', '推销'],
  catering: ['厨师', '帮厨', '服务员', '餐饮', '配菜', '面点', '洗碗', '酒店', '前台'],
  domestic: ['家政', '保姆', '月嫂', '育婴', '养老', '护工', '钟点工'],
  agriculture: ['农业', '种植', '养殖', '大棚', '农机', '果园', '水产'],
  tech: ['技术', '研发', '工程师', '程序', '软件', '设计', '技术员'],
  office: ['文员', '行政', '会计', '出纳', '人事', '办公室', '资料员', '统计'],
  cleaning: ['保洁', '保安', '清洁', '门卫', '物业', '绿化'],
  healthcare: ['护士', '护理', '医生', '药店', '康复', '医护'],
  education: ['教师', '老师', '培训', '幼师', '辅导'],
  community: ['社区', '网格', '公益', '协管', '服务站'],
}

const tradesOfWord = new Map<string, JobCategory[]>()

/** The trades one wish names, remembered: the same few hundred words recur across a registry. */
const tradesOf = (w: string): JobCategory[] => {
  const known = tradesOfWord.get(w)
  if (known) return known
  const found: JobCategory[] = []
  for (const [cat, list] of Object.entries(TRADE_WORDS) as [JobCategory, string[]][]) {
    const label = JOB_CATEGORIES[cat]
    if (label.includes(w) || w.includes(label) || list.some((t) => w.includes(t) || t.includes(w)))
      found.push(cat)
  }
  if (tradesOfWord.size < 10_000) tradesOfWord.set(w, found)
  return found
}

/** The trades free-text wishes name (a wish can be its own trade's label: "物流运输"). */
export const categoriesOf = (words: readonly string[]): JobCategory[] => {
  const found = new Set<JobCategory>()
  for (const raw of words) {
    const w = raw.trim()
    if (w) for (const cat of tradesOf(w)) found.add(cat)
  }
  return [...found]
}

/** What matching knows about a seeker. */
export interface SeekerProfile {
  /** The community (12 digits) the seeker lives in. */
  community: string
  occupations: readonly string[]
  /** Wished places as the seeker wrote them ("海安镇", "城东"). */
  places: readonly string[]
  expectedPay: number | null
  skills: readonly string[]
  /** May be shown public-welfare posts (the priority rules allow it: see welfare posts). */
  welfareEligible: boolean
}

/** What matching knows about a vacancy. */
export interface VacancyProfile {
  category: JobCategory
  title: string
  /** Requirements and description: where a skill the post asks for is written. */
  text: string
  /** The town or community (9 or 12 digits) where the work is. */
  region: string
  /** Names of the town and community of `region`, for the seeker's written places. */
  placeNames: string
  salaryMin: number
  salaryMax: number
  publicWelfare: boolean
}

export interface Match {
  score: number
  reasons: string[]
}

/** Below this a vacancy is not worth a seeker's attention (a push, a recommendation). */
export const MATCH_THRESHOLD = 40

/** Prepared once per seeker: the trade list and the words, so scoring many posts stays cheap. */
export interface PreparedSeeker extends SeekerProfile {
  wishedCategories: Set<JobCategory>
  skillCategories: Set<JobCategory>
  town: string
  county: string
}

export const prepareSeeker = (s: SeekerProfile): PreparedSeeker => ({
  ...s,
  occupations: s.occupations.map((o) => o.trim()).filter((o) => o.length >= 2),
  skills: s.skills.map((o) => o.trim()).filter((o) => o.length >= 2),
  places: s.places.map((o) => o.trim()).filter(Boolean),
  wishedCategories: new Set(categoriesOf(s.occupations)),
  skillCategories: new Set(categoriesOf(s.skills)),
  town: s.community.slice(0, 9),
  county: s.community.slice(0, 6),
})

/** A written place names the vacancy's town or community ("海安镇·城东社区" is in "海安镇"). */
const wishedPlace = (places: readonly string[], placeNames: string): boolean => {
  if (!places.length) return false
  const town = placeNames.split(/[·\s]/)[0] ?? ''
  return places.some((p) => placeNames.includes(p) || (town.length >= 2 && p.includes(town)))
}

/**
 * What the work is worth to the seeker: the wished occupation itself, else its trade; then a
 * skill it asks for. -1 when the seeker may not be shown the post at all. It reads only the
 * seeker's words (occupations, skills, welfare eligibility), so the daily push can remember it
 * for everyone who wrote the same words.
 */
export const workPoints = (s: PreparedSeeker, v: VacancyProfile, reasons: string[] | null): number => {
  if (v.publicWelfare && !s.welfareEligible) return -1
  let score = 0
  let occupation = false
  for (const o of s.occupations) {
    if (v.title.includes(o) || o.includes(v.title)) {
      occupation = true
      break
    }
  }
  const wishedTrade = s.wishedCategories.has(v.category)
  if (occupation) {
    score += 45
    if (reasons) reasons.push('occupation')
  } else if (wishedTrade) {
    score += 30
    if (reasons) reasons.push(`trade:${v.category}`)
  }
  let skill: string | null = null
  for (const k of s.skills) {
    if (v.title.includes(k) || v.text.includes(k)) {
      skill = k
      break
    }
  }
  if (skill) {
    score += 15
    if (reasons) reasons.push(`skill:${skill}`)
  } else if (!occupation && !wishedTrade && s.skillCategories.has(v.category)) {
    score += 20
    if (reasons) reasons.push(`skill_trade:${v.category}`)
  }
  return score
}

/** The words that decide `workPoints`: seekers with the same key score every post the same way. */
export const workKey = (s: PreparedSeeker): string =>
  // The trades too: a one-character wish names trades without being an occupation word.
  `${s.occupations.join('|')}#${s.skills.join('|')}#${[...s.wishedCategories].join('|')}#${[...s.skillCategories].join('|')}#${s.welfareEligible ? 1 : 0}`

/** Where it is and what it pays, against the seeker's home, wished places and expectation. */
export const placeAndPayPoints = (s: PreparedSeeker, v: VacancyProfile, reasons: string[] | null): number => {
  let score = 0
  // Where it is: the nearer in the region tree, the more it counts.
  if (v.region.length === 12 && v.region === s.community) {
    score += 25
    if (reasons) reasons.push('community')
  } else if (v.region.startsWith(s.town)) {
    score += 20
    if (reasons) reasons.push('town')
  } else if (wishedPlace(s.places, v.placeNames)) {
    score += 15
    if (reasons) reasons.push('place')
  } else if (v.region.startsWith(s.county)) {
    score += 5
    if (reasons) reasons.push('county')
  }

  // The pay against the expectation.
  if (s.expectedPay !== null && s.expectedPay > 0) {
    if (v.salaryMin >= s.expectedPay) {
      score += 15
      if (reasons) reasons.push('pay_above')
    } else if (v.salaryMax >= s.expectedPay) {
      score += 8
      if (reasons) reasons.push('pay_reach')
    } else {
      score -= 15
    }
  }
  if (v.publicWelfare && reasons) reasons.push('welfare')
  return score
}

/** The score from its two parts, within 0..100; -1 stays -1 (not to be shown). */
export const combinePoints = (work: number, placeAndPay: number): number =>
  work < 0 ? -1 : Math.max(0, Math.min(100, work + placeAndPay))

/**
 * How far a seeker may be shown a post: -1 when not at all. Given a list, the reasons are
 * written into it as short codes (what a push message stores); `reasonText` words them.
 */
const evaluate = (s: PreparedSeeker, v: VacancyProfile, reasons: string[] | null): number => {
  const work = workPoints(s, v, reasons)
  return work < 0 ? -1 : combinePoints(work, placeAndPayPoints(s, v, reasons))
}

const REASON_TEXT: Record<string, string> = {
  occupation: '意向岗位相符',
  community: '就在您所在社区',
  town: '在您所在镇（街道）',
  place: '在您的意向地点',
  county: '在本县（市、区）内',
  pay_above: '月薪高于期望',
  pay_reach: '月薪可达期望',
  welfare: '公益性岗位，按政策优先安排',
}

/** A reason code in the words the seeker reads. */
export const reasonText = (code: string): string => {
  const [kind, arg = ''] = code.split(':', 2) as [string, string?]
  if (kind === 'trade') return `意向行业相符（${JOB_CATEGORIES[arg as JobCategory] ?? arg}）`
  if (kind === 'skill') return `用得上您的技能“${arg}”`
  if (kind === 'skill_trade') return `与您的技能同属${JOB_CATEGORIES[arg as JobCategory] ?? arg}`
  return REASON_TEXT[kind] ?? kind
}

/** A reason code as staff read it about a seeker (其, not 您): the coordinator's push list. */
export const reasonTextForStaff = (code: string): string =>
  reasonText(code)
    .replaceAll('您的', '其')
    .replaceAll('您', '其')
    .replace('月薪高于期望', '月薪高于其期望')
    .replace('月薪可达期望', '月薪可达其期望')

/** The score and the reasons as codes, null when the post may not be shown to the seeker. */
export const matchCodes = (
  s: PreparedSeeker,
  v: VacancyProfile,
): { score: number; codes: string[] } | null => {
  const codes: string[] = []
  const score = evaluate(s, v, codes)
  return score < 0 ? null : { score, codes }
}

/**
 * The score and reasons of one vacancy for one seeker; null when the seeker may not be shown
 * it at all (a public-welfare post outside the priority rules).
 */
export const matchVacancy = (s: PreparedSeeker, v: VacancyProfile): Match | null => {
  const m = matchCodes(s, v)
  return m && { score: m.score, reasons: m.codes.map(reasonText) }
}

/**
 * The score alone, -1 when the post may not be shown: the daily push ranks every candidate post
 * of every seeker this way — no reasons, no allocation — and explains only the few it sends.
 */
export const scoreVacancy = (s: PreparedSeeker, v: VacancyProfile): number => evaluate(s, v, null)
