import { JOB_CATEGORIES, type Job, type JobCategory } from '../../shared/jobs/job'

/**
 * Demo vacancies for Hai'an (海安市): fictional employers placed in the real towns of the
 * regions extract, with local pay levels. Deterministic — the same regions, `now`, count and
 * seed always give the same jobs — so demos, screenshots and tests stay reproducible.
 */

export interface DemoRegion {
  code: string
  name: string
  level: string
}

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000
/** Times of day are drawn in Beijing time (UTC+8), when people actually post vacancies. */
const CST_OFFSET_MS = 8 * 3_600_000
const DEFAULT_COUNT = 200
const DEFAULT_SEED = 320_621
const MAX_COUNT = 99_999
const WELFARE_SHARE = 0.15
const EXPIRED_SHARE = 0.05
const PUBLISH_WINDOW_DAYS = 60
const VALIDITY_DAYS = { min: 30, max: 90 } as const
const COUNTY_SEAT = '海安镇'

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32) and a string hash (FNV-1a) for per-employer stable details.

type Rng = ReturnType<typeof makeRng>

const makeRng = (seed: number) => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  /** Integer in [lo, hi], both inclusive. */
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)]
    if (item === undefined) throw new Error('demo-jobs: pick from an empty list')
    return item
  }
  const chance = (p: number): boolean => next() < p
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      const a = out[i] as T
      out[i] = out[j] as T
      out[j] = a
    }
    return out
  }
  const sample = <T>(items: readonly T[], k: number): T[] => shuffle(items).slice(0, k)
  /** Like `sample`, but keeps the items in their original order. */
  const subsequence = <T>(items: readonly T[], k: number): T[] => {
    const keep = new Set(
      sample(
        Array.from(items, (_, i) => i),
        k,
      ),
    )
    return items.filter((_, i) => keep.has(i))
  }
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0)
    let r = next() * total
    for (const item of items) {
      r -= weight(item)
      if (r < 0) return item
    }
    return pick(items)
  }
  return { next, int, pick, chance, shuffle, sample, subsequence, weighted }
}

const hashString = (text: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

// ---------------------------------------------------------------------------------------------
// Job templates: titles, local pay bands (yuan/month, 2025–2026), and the text a job ad uses.

interface Template {
  category: JobCategory
  titles: readonly string[]
  pay: readonly [number, number]
  headcount: readonly [number, number]
  education: readonly string[]
  experience: readonly string[]
  age: readonly [number, number]
  duties: readonly string[]
  requirements: readonly string[]
  perks?: readonly string[]
  /** How often employers offering it post it, relative to 1 (textiles are Hai'an's big employer). */
  weight?: number
}

const TEMPLATES = {
  worker: {
    category: 'manufacturing',
    titles: ['普工', '操作工', '装配工', '包装工'],
    pay: [4500, 6500],
    headcount: [5, 30],
    education: ['不限', '初中'],
    experience: ['不限'],
    age: [18, 50],
    duties: [
      '主要负责生产线上的上下料、装配和包装等工作，岗前有师傅带教，零基础可学。',
      '实行长白班或两班倒，月休4天，加班按规定另计加班费。',
      '车间干净整洁，配有空调和通风设备。',
      '计时加计件，熟练后收入稳定增长。',
    ],
    requirements: [
      '身体健康，能适应倒班',
      '吃苦耐劳，服从车间安排',
      '视力良好，无色盲色弱',
      '夫妻工可优先安排宿舍',
    ],
    perks: ['包吃住', '班车接送', '全勤奖'],
  },
  electronics: {
    category: 'manufacturing',
    titles: ['SMT操作员', '电子装配工', '插件工'],
    pay: [4500, 6500],
    headcount: [5, 20],
    education: ['初中', '高中', '中专'],
    experience: ['不限'],
    age: [18, 40],
    duties: [
      '负责贴片机上料、炉后目检及电子元器件的插件、焊接工作。',
      '无尘车间作业，需穿戴防静电服，工作环境干净。',
      '实行两班倒，白夜班每月轮换，夜班另有补贴。',
    ],
    requirements: ['视力良好，无色盲色弱', '手脚灵活，工作细心', '能适应两班倒', '有电子厂工作经验者优先'],
    perks: ['夜班补贴', '免费工作餐', '提供宿舍'],
  },
  welder: {
    category: 'manufacturing',
    titles: ['电焊工', '氩弧焊工', '二保焊工'],
    pay: [6000, 9000],
    headcount: [2, 8],
    education: ['不限', '初中', '中专'],
    experience: ['1年以上', '3年以上'],
    age: [20, 55],
    duties: [
      '负责钢结构件、设备机架等产品的焊接作业，能看懂简单图纸。',
      '按工艺要求完成焊接并做好自检，焊缝成型美观。',
      '计件为主，技术熟练者收入上不封顶。',
    ],
    requirements: [
      '持有效焊工证（熔化焊接与热切割作业）',
      '能独立完成平焊、立焊',
      '会看机械图纸',
      '能适应加班',
    ],
    perks: ['高温补贴', '全勤奖', '技能津贴'],
  },
  cnc: {
    category: 'manufacturing',
    titles: ['数控车床操作工', 'CNC加工中心操作工', '数控折弯工', '数控车工'],
    pay: [6000, 9000],
    headcount: [2, 10],
    education: ['初中', '高中', '中专'],
    experience: ['不限', '1年以上'],
    age: [18, 45],
    duties: [
      '负责数控设备的上下料、对刀及首件检验，按图纸要求完成零件加工。',
      '会使用卡尺、千分尺等常用量具，能发现并报告加工异常。',
      '有经验者可独立编程调机，待遇从优；学徒有师傅带。',
    ],
    requirements: ['会看机械图纸', '熟悉FANUC或三菱系统者优先', '能适应两班倒', '工作细心，有质量意识'],
    perks: ['技能津贴', '夜班补贴', '包吃住'],
  },
  inspector: {
    category: 'manufacturing',
    titles: ['质检员', '品检员', '巡检员'],
    pay: [4500, 6000],
    headcount: [1, 5],
    education: ['高中', '中专', '大专'],
    experience: ['不限', '1年以上'],
    age: [20, 45],
    duties: [
      '负责原材料、半成品及成品的检验，如实填写检验记录。',
      '发现质量异常及时反馈，并跟踪整改结果。',
      '熟练后可参与质量体系文件的整理和客户验厂接待。',
    ],
    requirements: ['会使用常用量具', '工作认真负责，坚持原则', '会基本电脑操作', '有同行业质检经验者优先'],
  },
  maintenance: {
    category: 'manufacturing',
    titles: ['设备维修电工', '机修工', '设备维护员'],
    pay: [6000, 8500],
    headcount: [1, 3],
    education: ['中专', '大专'],
    experience: ['1年以上', '3年以上'],
    age: [22, 50],
    duties: [
      '负责车间设备的日常点检、保养和故障维修，保障生产正常运行。',
      '能看懂电气原理图，熟悉变频器、PLC等常见电气元件。',
      '实行值班制，设备突发故障时需及时到场处理。',
    ],
    requirements: ['持低压电工作业证', '有工厂设备维修经验', '能适应值班', '责任心强'],
    perks: ['技能津贴', '值班补贴'],
  },
  precast: {
    category: 'manufacturing',
    titles: ['预制构件生产工', '水泥制品工', '混凝土构件养护工'],
    pay: [5000, 7000],
    headcount: [3, 10],
    education: ['不限', '初中'],
    experience: ['不限', '1年以上'],
    age: [20, 55],
    duties: [
      '负责混凝土预制构件的钢筋绑扎、浇筑、养护和脱模工作。',
      '按生产计划组织作业，做好模具清理和现场整理。',
      '户外和车间作业相结合，夏季发放高温补贴。',
    ],
    requirements: ['身体健康，能吃苦耐劳', '服从班组安排', '有建材厂工作经验者优先', '能适应户外作业'],
    perks: ['高温补贴', '包吃住'],
  },
  spinner: {
    category: 'textile',
    weight: 3,
    titles: ['挡车工', '细纱挡车工', '络筒挡车工', '织布挡车工', '并条挡车工'],
    pay: [5000, 8000],
    headcount: [5, 20],
    education: ['不限', '初中'],
    experience: ['不限', '1年以上'],
    age: [18, 50],
    duties: [
      '负责看管纺纱或织布设备，及时接头、换纱，保证机台正常运转。',
      '计件工资，新手有带教期并发放保底工资。',
      '实行三班两运转，车间恒温恒湿，环境舒适。',
      '熟练后可多看机台，收入更高。',
    ],
    requirements: ['视力良好，手脚灵活', '能适应倒班', '夫妻工可安排宿舍', '有纺织厂工作经验者优先'],
    perks: ['包吃住', '全勤奖', '夜班补贴'],
  },
  sewing: {
    category: 'textile',
    weight: 3,
    titles: ['缝纫工', '平车工', '服装车位工', '整烫工'],
    pay: [5000, 8000],
    headcount: [5, 20],
    education: ['不限', '初中'],
    experience: ['不限', '1年以上'],
    age: [18, 55],
    duties: [
      '负责服装或家纺产品的缝制、整烫工作，按工艺单完成生产。',
      '计件工资，多劳多得，做工熟练者收入上不封顶。',
      '长白班，早八晚五加适当加班，月休4天。',
      '新手可进厂学习，学徒期有保底工资。',
    ],
    requirements: ['会使用平缝机者优先', '工作细心，做工规范', '服从车间安排', '能长期稳定工作'],
    perks: ['计件奖励', '免费工作餐', '提供宿舍'],
  },
  silk: {
    category: 'textile',
    weight: 2.5,
    titles: ['缫丝工', '丝绸整理工', '捻丝工', '选茧工'],
    pay: [4800, 7000],
    headcount: [3, 15],
    education: ['不限', '初中'],
    experience: ['不限'],
    age: [18, 55],
    duties: [
      '负责缫丝机台的看管、接头和添绪，保证生丝质量。',
      '负责蚕茧分选或真丝面料的检验、整理和打包，操作简单易上手。',
      '公司常年生产，订单稳定，岗位长期。',
    ],
    requirements: ['视力良好，手脚灵活', '能适应车间温湿度环境', '吃苦耐劳', '有缫丝或丝绸厂经验者优先'],
    perks: ['包吃住', '全勤奖'],
  },
  dyeing: {
    category: 'textile',
    weight: 1.5,
    titles: ['染色工', '定型机操作工', '印染车间操作工'],
    pay: [5500, 7500],
    headcount: [2, 8],
    education: ['初中', '高中'],
    experience: ['不限', '1年以上'],
    age: [20, 50],
    duties: [
      '负责染色机、定型机的操作，按工艺单配料并控制温度和时间。',
      '做好交接班记录和设备的日常清洁保养。',
      '实行两班倒，车间有通风降温设施。',
    ],
    requirements: ['无色盲色弱', '能适应倒班', '有印染行业经验者优先', '工作认真，有安全意识'],
    perks: ['夜班补贴', '高温补贴'],
  },
  patternMaker: {
    category: 'textile',
    weight: 0.5,
    titles: ['服装打版师', '纺织工艺员', '样衣工'],
    pay: [6000, 10000],
    headcount: [1, 2],
    education: ['中专', '大专', '本科'],
    experience: ['1年以上', '3年以上'],
    age: [22, 45],
    duties: [
      '负责新款样衣的打版、推版和工艺单制作，跟进大货生产。',
      '处理生产中的工艺技术问题，配合车间提高产品质量。',
      '熟练使用服装CAD软件者优先。',
    ],
    requirements: ['服装或纺织相关专业', '熟练使用服装CAD', '有品牌或外贸订单经验者优先', '沟通能力强'],
  },
  merchandiser: {
    category: 'textile',
    weight: 0.7,
    titles: ['服装跟单员', '外贸跟单员', '面料跟单员'],
    pay: [5000, 8000],
    headcount: [1, 2],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [22, 40],
    duties: [
      '负责对接客户订单，跟踪面辅料采购、生产进度和出货。',
      '协调车间与客户之间的工艺、质量问题，做好订单资料整理。',
      '外贸订单为主，需要与海外客户邮件沟通。',
    ],
    requirements: ['熟练使用办公软件', '英语读写熟练者优先', '沟通协调能力强', '有纺织服装跟单经验者优先'],
  },
  builder: {
    category: 'construction',
    weight: 3,
    titles: ['钢筋工', '木工（模板）', '泥瓦工', '架子工'],
    pay: [6500, 9500],
    headcount: [3, 15],
    education: ['不限'],
    experience: ['1年以上', '3年以上'],
    age: [20, 58],
    duties: [
      '负责住宅或厂房项目的现场施工，按图纸和班组长安排完成作业。',
      '项目均在海安本地，工资按月发放，不拖欠。',
      '点工或包工均可，技术好者收入更高。',
    ],
    requirements: [
      '身体健康，无恐高症',
      '有同工种施工经验',
      '遵守工地安全规定，正确佩戴安全帽',
      '特种作业岗位需持证上岗',
    ],
    perks: ['工资月结', '包吃住', '提供工具'],
  },
  decorator: {
    category: 'construction',
    weight: 2,
    titles: ['装修水电工', '油漆工', '瓷砖铺贴工', '装修木工'],
    pay: [6000, 9000],
    headcount: [2, 6],
    education: ['不限', '初中'],
    experience: ['1年以上', '3年以上'],
    age: [20, 55],
    duties: [
      '负责家装或工装项目的水电布线、墙面处理或瓷砖铺贴等施工。',
      '工地在海安城区及周边乡镇，公司统一派单。',
      '按工程量结算，活源稳定。',
    ],
    requirements: ['有家装施工经验', '做工细致，注重成品保护', '水电工需持电工证', '能独立完成施工'],
    perks: ['工资月结', '交通补贴'],
  },
  siteStaff: {
    category: 'construction',
    titles: ['施工员', '资料员', '安全员', '造价员'],
    pay: [5000, 8000],
    headcount: [1, 3],
    education: ['中专', '大专', '本科'],
    experience: ['不限', '1年以上', '3年以上'],
    age: [22, 50],
    duties: [
      '负责工程现场的施工管理、进度和质量控制，协调各班组作业。',
      '负责工程资料的收集、整理和归档，配合质监、安监部门检查。',
      '持有相应岗位证书者待遇可上浮。',
    ],
    requirements: [
      '建筑工程相关专业',
      '持施工员、安全员等岗位证书者优先',
      '熟练使用办公软件和CAD',
      '能适应工地环境',
    ],
    perks: ['项目奖金', '交通补贴'],
  },
  driver: {
    category: 'logistics',
    titles: ['货车司机（A2）', '厢式货车司机', '送货司机（C1）', '驾驶员（B2）'],
    pay: [5500, 8000],
    headcount: [1, 6],
    education: ['不限', '初中', '高中'],
    experience: ['1年以上', '3年以上'],
    age: [25, 55],
    duties: [
      '负责公司货物的运输配送，线路以南通及周边城市为主。',
      '负责出车前后的车辆检查和日常保养，确保安全行车。',
      '底薪加趟次补贴，多跑多得。',
    ],
    requirements: [
      '持相应准驾车型驾驶证',
      '重型货车需持道路货物运输从业资格证',
      '驾驶技术娴熟，无重大事故记录',
      '熟悉海安及周边道路者优先',
    ],
    perks: ['出车补贴', '全勤奖'],
  },
  warehouse: {
    category: 'logistics',
    titles: ['仓管员', '仓库管理员', '物料员'],
    pay: [4000, 5500],
    headcount: [1, 3],
    education: ['高中', '中专', '大专'],
    experience: ['不限', '1年以上'],
    age: [20, 45],
    duties: [
      '负责货物的出入库登记、盘点和库位管理，确保账物相符。',
      '使用ERP或WMS系统录入单据，按要求整理报表。',
      '配合采购和生产部门做好物料的收发工作。',
    ],
    requirements: [
      '会电脑基本操作，熟悉Excel',
      '工作细心，责任心强',
      '有仓库管理经验者优先',
      '持叉车证者优先',
    ],
  },
  sorter: {
    category: 'logistics',
    weight: 1.5,
    titles: ['分拣员', '装卸工', '物流理货员'],
    pay: [4500, 6500],
    headcount: [5, 20],
    education: ['不限'],
    experience: ['不限'],
    age: [18, 50],
    duties: [
      '负责包裹或商贸货物的分拣、扫描和装卸车工作。',
      '计件加计时，旺季收入更高。',
      '分白班和夜班，可根据个人情况选择。',
    ],
    requirements: ['身体健康，能搬运重物', '能适应夜班', '服从安排', '有物流园区工作经验者优先'],
    perks: ['夜班补贴', '免费工作餐'],
  },
  forklift: {
    category: 'logistics',
    titles: ['叉车工', '叉车司机'],
    pay: [5000, 6800],
    headcount: [1, 4],
    education: ['不限', '初中'],
    experience: ['1年以上'],
    age: [20, 50],
    duties: ['负责仓库或车间货物的叉运、装卸和堆放。', '做好叉车的日常检查和保养，严格遵守安全操作规程。'],
    requirements: ['持有效叉车操作证（N1）', '有叉车驾驶经验', '安全意识强', '能适应加班'],
  },
  dispatcher: {
    category: 'logistics',
    titles: ['物流调度员', '物流客服', '运输计划员'],
    pay: [5000, 7000],
    headcount: [1, 2],
    education: ['高中', '大专'],
    experience: ['不限', '1年以上'],
    age: [22, 45],
    duties: [
      '负责车辆和运单的调度安排，跟踪在途车辆并处理异常。',
      '对接客户下单、回单和对账工作。',
      '熟悉长三角物流线路者优先。',
    ],
    requirements: ['会电脑操作，熟悉Excel', '沟通协调能力强', '有物流行业经验者优先', '能适应轮休'],
  },
  shopAssistant: {
    category: 'retail',
    weight: 2.5,
    titles: ['营业员', '收银员', '导购员', '理货员'],
    pay: [3200, 4500],
    headcount: [2, 8],
    education: ['不限', '初中', '高中'],
    experience: ['不限'],
    age: [18, 50],
    duties: [
      '负责商品陈列、补货、顾客接待或收银结算，保持卖场整洁。',
      '实行早晚班轮班，月休4天。',
      '门店客流稳定，节假日有销售奖励。',
    ],
    requirements: ['持健康证或入职后办理', '服务意识好，待人热情', '会简单电脑操作者优先', '能适应早晚班'],
    perks: ['员工餐', '员工购物折扣'],
  },
  salesRep: {
    category: 'retail',
    weight: 1.5,
    titles: ['销售代表', '业务员', '区域销售'],
    pay: [4000, 10000],
    headcount: [1, 5],
    education: ['高中', '大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [22, 45],
    duties: [
      '负责区域客户的开发与维护，完成公司下达的销售任务。',
      '底薪加提成，业绩优秀者收入不设上限。',
      '公司提供产品培训和客户资源。',
    ],
    requirements: ['沟通表达能力强', '有驾照者优先', '有相关行业销售经验者优先', '能适应短期出差'],
    perks: ['销售提成', '交通补贴', '通讯补贴'],
  },
  ecommerce: {
    category: 'retail',
    titles: ['电商运营', '电商客服', '电商运营助理'],
    pay: [4000, 8000],
    headcount: [1, 3],
    education: ['高中', '大专'],
    experience: ['不限', '1年以上'],
    age: [20, 40],
    duties: [
      '负责淘宝、抖音等平台店铺的日常运营或客户咨询，跟进订单和售后。',
      '公司有稳定的货源和供应链，新人有带教。',
      '有直播或短视频运营经验者待遇从优。',
    ],
    requirements: [
      '熟悉电商平台规则',
      '打字速度快，会基本办公软件',
      '沟通能力好，有耐心',
      '有直播或短视频经验者优先',
    ],
  },
  storeManager: {
    category: 'retail',
    weight: 0.6,
    titles: ['门店店长', '超市课长', '店长助理'],
    pay: [5000, 7000],
    headcount: [1, 2],
    education: ['高中', '大专'],
    experience: ['1年以上', '3年以上'],
    age: [25, 45],
    duties: [
      '负责门店的日常运营管理、人员排班和销售目标达成。',
      '负责商品订货、库存控制和损耗管理。',
      '表现优秀者可晋升区域主管。',
    ],
    requirements: ['有零售门店管理经验', '熟悉门店运营流程', '沟通与带团队能力强', '会使用办公软件'],
    perks: ['绩效奖金'],
  },
  cook: {
    category: 'catering',
    titles: ['厨师', '热菜厨师', '面点师', '食堂厨师'],
    pay: [5000, 8000],
    headcount: [1, 3],
    education: ['不限', '初中', '中专'],
    experience: ['1年以上', '3年以上'],
    age: [22, 55],
    duties: [
      '负责菜品或面点的制作，保证出品质量和口味稳定。',
      '负责厨房食材的验收、保管和成本控制。',
      '会做本地特色菜者优先。',
    ],
    requirements: ['持健康证', '有相应岗位工作经验', '注重食品安全和卫生', '持厨师等级证者优先'],
    perks: ['包吃住', '员工餐'],
  },
  kitchenHand: {
    category: 'catering',
    titles: ['厨工', '帮厨', '洗碗工', '切配工'],
    pay: [3500, 4500],
    headcount: [1, 4],
    education: ['不限'],
    experience: ['不限'],
    age: [18, 58],
    duties: [
      '负责洗切配菜、餐具清洗消毒和厨房卫生打扫，协助厨师出菜。',
      '工作时间以饭点为主，中间可休息。',
      '工作简单，有人带教。',
    ],
    requirements: ['持健康证或入职后办理', '身体健康，手脚勤快', '服从安排', '能吃苦耐劳'],
    perks: ['包吃住', '员工餐'],
  },
  waiter: {
    category: 'catering',
    titles: ['服务员', '传菜员', '包厢服务员'],
    pay: [3500, 4800],
    headcount: [2, 8],
    education: ['不限', '初中', '高中'],
    experience: ['不限'],
    age: [18, 45],
    duties: [
      '负责客人的接待、点单、上菜和餐后收台工作。',
      '婚宴、寿宴等宴席较多，周末较忙，平日可轮休。',
      '有工作经验者可提前转正。',
    ],
    requirements: ['形象端正，待人热情', '持健康证或入职后办理', '能适应节假日上班', '普通话标准'],
    perks: ['包吃住', '员工餐', '全勤奖'],
  },
  reception: {
    category: 'catering',
    titles: ['前台接待', '酒店前台'],
    pay: [3500, 4500],
    headcount: [1, 3],
    education: ['高中', '中专', '大专'],
    experience: ['不限'],
    age: [18, 40],
    duties: [
      '负责客人入住、退房登记和咨询接待工作。',
      '负责前台收银和日报表的核对。',
      '实行三班倒，提供员工宿舍。',
    ],
    requirements: ['形象气质佳', '会电脑基本操作', '服务意识强', '能适应倒班'],
    perks: ['提供宿舍', '员工餐'],
  },
  roomAttendant: {
    category: 'catering',
    titles: ['客房服务员', '楼层服务员'],
    pay: [3500, 4500],
    headcount: [2, 6],
    education: ['不限', '初中'],
    experience: ['不限'],
    age: [20, 50],
    duties: [
      '负责客房的清洁整理和布草更换，保持房间干净整洁。',
      '按标准补充客用品，及时报告房间设施问题。',
      '计件加底薪，做得多拿得多。',
    ],
    requirements: ['身体健康，手脚勤快', '做事认真细致', '服从安排', '有酒店工作经验者优先'],
    perks: ['提供宿舍', '员工餐'],
  },
  elderCarer: {
    category: 'domestic',
    weight: 1.5,
    titles: ['养老护理员', '护理员', '生活照料员'],
    pay: [3800, 5500],
    headcount: [2, 8],
    education: ['不限', '初中'],
    experience: ['不限', '1年以上'],
    age: [20, 58],
    duties: [
      '负责入住老人的日常起居照料，包括助餐、助浴、翻身和清洁等。',
      '协助做好老人的健康观察和康复活动，发现异常及时报告。',
      '实行轮班制，夜班另有补贴，岗前免费培训。',
    ],
    requirements: ['有爱心、耐心和责任心', '身体健康，持健康证', '持养老护理员证者优先', '能适应轮班'],
    perks: ['夜班补贴', '包吃住', '岗前培训'],
  },
  housekeeper: {
    category: 'domestic',
    titles: ['家政服务员', '保洁家政员', '钟点工'],
    pay: [4000, 6000],
    headcount: [2, 6],
    education: ['不限'],
    experience: ['不限', '1年以上'],
    age: [25, 58],
    duties: [
      '负责雇主家庭的日常保洁、做饭、衣物洗护等家务工作。',
      '公司统一派单，服务区域以海安城区为主。',
      '可选择住家或钟点服务，时间灵活。',
    ],
    requirements: ['身体健康，持健康证', '为人诚实，手脚勤快', '会做家常菜者优先', '无不良记录'],
    perks: ['岗前培训', '意外保险'],
  },
  maternity: {
    category: 'domestic',
    titles: ['月嫂', '育婴员', '母婴护理员'],
    pay: [6000, 10000],
    headcount: [1, 4],
    education: ['初中', '高中'],
    experience: ['不限', '1年以上'],
    age: [25, 55],
    duties: [
      '负责新生儿及婴幼儿的日常护理，月嫂岗位兼顾产妇月子餐和产后护理。',
      '公司提供免费的技能培训和证书考试辅导。',
      '按单计酬，星级越高收入越高。',
    ],
    requirements: ['持母婴护理或育婴员证书者优先', '身体健康，持健康证', '有爱心，讲卫生', '能住家服务'],
    perks: ['免费技能培训', '意外保险'],
  },
  vegetableGrower: {
    category: 'agriculture',
    titles: ['大棚蔬菜种植工', '蔬菜采摘工', '种植工'],
    pay: [3500, 5000],
    headcount: [2, 10],
    education: ['不限'],
    experience: ['不限'],
    age: [20, 60],
    duties: [
      '负责大棚蔬菜的育苗、移栽、施肥、除草和采摘等田间管理工作。',
      '基地就在本镇，离家近，适合周边村民。',
      '农忙时按天计酬，平时按月发放工资。',
    ],
    requirements: ['身体健康，能吃苦', '有农活经验', '服从基地安排', '周边村民优先'],
    perks: ['包午餐', '工资月结'],
  },
  nurseryWorker: {
    category: 'agriculture',
    titles: ['苗木养护工', '花卉种植工', '园林绿化工'],
    pay: [3500, 5000],
    headcount: [2, 8],
    education: ['不限'],
    experience: ['不限'],
    age: [20, 60],
    duties: [
      '负责苗木花卉的浇水、修剪、施肥和病虫害防治。',
      '配合完成苗木起挖、装车和绿化工程栽植。',
      '基地就在本镇，按月发放工资，农忙加班另计。',
    ],
    requirements: ['身体健康，能吃苦', '有苗木种植经验者优先', '服从安排', '周边村民优先'],
    perks: ['包午餐', '工资月结'],
  },
  fieldHand: {
    category: 'agriculture',
    titles: ['田间管理工', '粮食烘干工', '种植工'],
    pay: [3800, 5200],
    headcount: [2, 6],
    education: ['不限'],
    experience: ['不限'],
    age: [20, 60],
    duties: [
      '负责稻麦田的灌溉、施肥、除草等田间管理工作。',
      '夏收秋收期间负责粮食的晾晒、烘干和入库。',
      '农忙时节加班较多，按天另计补贴。',
    ],
    requirements: ['身体健康，能下田作业', '有农活经验', '服从安排', '本地村民优先'],
    perks: ['包午餐', '工资月结'],
  },
  aquaculture: {
    category: 'agriculture',
    titles: ['水产养殖工', '鱼塘管理员', '养殖技术员'],
    pay: [4500, 7000],
    headcount: [1, 5],
    education: ['不限', '初中', '中专'],
    experience: ['不限', '1年以上'],
    age: [20, 58],
    duties: [
      '负责池塘的日常投喂、水质巡查和增氧设备管理。',
      '协助技术员做好病害防治和捕捞上市工作。',
      '基地提供住宿，适合夫妻一同应聘。',
    ],
    requirements: [
      '身体健康，能适应户外和夜间巡塘',
      '有水产养殖经验者优先',
      '会骑电动车',
      '技术员岗位需水产相关专业',
    ],
    perks: ['提供住宿', '年终奖'],
  },
  sericulture: {
    category: 'agriculture',
    titles: ['养蚕工', '蚕桑技术员', '桑园管理工'],
    pay: [4000, 5500],
    headcount: [2, 8],
    education: ['不限', '初中'],
    experience: ['不限'],
    age: [20, 60],
    duties: [
      '负责蚕室消毒、小蚕共育和大蚕饲养管理。',
      '春蚕、秋蚕季节较忙，其余时间从事桑园管理。',
      '合作社提供技术培训，新手可学。',
    ],
    requirements: ['身体健康，做事细心', '有养蚕经验者优先', '能适应季节性加班', '本地村民优先'],
    perks: ['包午餐', '年终分红'],
  },
  farmMachinery: {
    category: 'agriculture',
    titles: ['农机手', '农机驾驶员', '植保无人机飞手'],
    pay: [5000, 7000],
    headcount: [1, 3],
    education: ['初中', '高中', '中专'],
    experience: ['不限', '1年以上'],
    age: [20, 55],
    duties: [
      '负责拖拉机、收割机、插秧机或植保无人机的操作和日常保养。',
      '农忙时节作业量大，按亩计酬，收入可观。',
      '闲时负责农机具的检修和入库保管。',
    ],
    requirements: [
      '持相应农机驾驶证或无人机操作证',
      '熟悉农作物种植管理',
      '身体健康，能下田作业',
      '有农机作业经验者优先',
    ],
    perks: ['作业补贴', '包午餐'],
  },
  agronomist: {
    category: 'agriculture',
    weight: 0.6,
    titles: ['农技员', '种植技术员'],
    pay: [5000, 7000],
    headcount: [1, 2],
    education: ['中专', '大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [22, 50],
    duties: [
      '负责种植基地的技术指导、病虫害测报和田间记录。',
      '制定施肥、用药方案，指导工人规范作业。',
      '配合做好农产品质量追溯和绿色认证工作。',
    ],
    requirements: ['农学、植保等相关专业', '熟悉本地作物种植技术', '能下田作业', '会基本电脑操作'],
    perks: ['交通补贴'],
  },
  engineer: {
    category: 'tech',
    titles: ['机械设计工程师', '电气工程师', '工艺工程师', '研发工程师'],
    pay: [7000, 12000],
    headcount: [1, 3],
    education: ['大专', '本科'],
    experience: ['1年以上', '3年以上'],
    age: [23, 45],
    duties: [
      '负责本专业方向的产品开发、图纸绘制和技术文件编制。',
      '优化生产工艺，解决现场技术问题，推动降本增效。',
      '参与客户技术交流和项目评审，表现优秀者可晋升技术主管。',
      '符合条件者可申请本地人才安居补贴。',
    ],
    requirements: [
      '机械、电气、材料等相关专业',
      '熟练使用SolidWorks、AutoCAD等软件',
      '有同行业工作经验',
      '具备一定的英文阅读能力',
    ],
    perks: ['人才公寓', '项目奖金', '定期体检'],
  },
  technician: {
    category: 'tech',
    titles: ['技术员', '工艺技术员', '电子技术员', 'PLC调试技术员', '设备技术员'],
    pay: [6000, 9000],
    headcount: [1, 3],
    education: ['中专', '大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [20, 40],
    duties: [
      '负责产线设备的调试、参数设定和工艺文件执行。',
      '协助工程师进行新产品试产和质量问题分析。',
      '应届毕业生可培养，公司提供系统的岗位培训。',
    ],
    requirements: ['机电、电子或自动化相关专业', '会使用办公软件和CAD', '动手能力强', '能适应出差或加班'],
    perks: ['技能津贴', '岗前培训'],
  },
  labAnalyst: {
    category: 'tech',
    weight: 0.7,
    titles: ['化验员', '实验员', '检测工程师'],
    pay: [5000, 8000],
    headcount: [1, 2],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [22, 40],
    duties: [
      '负责原材料及产品的理化性能检测，出具检测报告。',
      '维护实验室仪器设备，做好样品管理和数据记录。',
      '配合研发部门完成新材料的试验验证。',
    ],
    requirements: ['化学、材料或相关专业', '会使用常见分析仪器', '工作严谨细致', '有实验室经验者优先'],
  },
  software: {
    category: 'tech',
    titles: ['软件实施工程师', '网络运维工程师', '软件开发工程师'],
    pay: [6000, 11000],
    headcount: [1, 3],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上', '3年以上'],
    age: [22, 40],
    duties: [
      '负责软件项目的部署实施、系统运维或功能开发，保障系统稳定运行。',
      '客户以本地企事业单位为主，偶尔需要短期出差。',
      '公司提供技术培训，发展方向可选开发、实施或运维。',
    ],
    requirements: ['计算机相关专业', '熟悉Linux、数据库等基础知识', '沟通能力强', '有相关项目经验者优先'],
    perks: ['周末双休', '项目奖金'],
  },
  clerk: {
    category: 'office',
    titles: ['文员', '行政文员', '前台文员', '统计员'],
    pay: [3500, 4500],
    headcount: [1, 2],
    education: ['高中', '中专', '大专'],
    experience: ['不限', '1年以上'],
    age: [20, 40],
    duties: [
      '负责文件收发、资料整理、会议记录等日常行政事务。',
      '负责来访接待、电话接听和办公用品管理。',
      '工作时间朝八晚五，环境稳定。',
    ],
    requirements: [
      '熟练使用Word、Excel等办公软件',
      '形象端正，沟通能力好',
      '工作细心，有条理',
      '有相关工作经验者优先',
    ],
  },
  hr: {
    category: 'office',
    weight: 0.6,
    titles: ['人事专员', '招聘专员', '人事行政专员'],
    pay: [4000, 5500],
    headcount: [1, 2],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [22, 40],
    duties: [
      '负责员工招聘、入离职手续办理和考勤统计。',
      '负责社保公积金的增减员办理和劳动合同管理。',
      '协助组织员工培训和企业文化活动。',
    ],
    requirements: ['人力资源或相关专业', '熟悉劳动法律法规', '熟练使用办公软件', '有制造业人事经验者优先'],
  },
  accountant: {
    category: 'office',
    titles: ['会计', '出纳', '成本会计', '财务助理'],
    pay: [4500, 7000],
    headcount: [1, 2],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上', '3年以上'],
    age: [22, 45],
    duties: [
      '负责日常账务处理、凭证录入和纳税申报。',
      '负责现金、银行收付及票据管理，编制资金日报。',
      '协助编制财务报表，配合完成年度审计。',
    ],
    requirements: [
      '会计、财务相关专业',
      '持初级会计职称者优先',
      '熟练使用金蝶或用友财务软件',
      '工作细致，保密意识强',
    ],
  },
  planner: {
    category: 'office',
    weight: 0.6,
    titles: ['PMC计划员', '生产计划员', '生产统计员'],
    pay: [5000, 7000],
    headcount: [1, 2],
    education: ['中专', '大专'],
    experience: ['1年以上'],
    age: [22, 45],
    duties: [
      '负责生产计划编排、物料需求计算和交期跟踪。',
      '统计车间日产量和工时数据，编制生产报表。',
      '配合采购跟进物料到货，协调生产与销售的衔接。',
    ],
    requirements: ['熟练使用Excel', '有制造业计划或统计经验', '沟通协调能力强', '熟悉ERP系统者优先'],
  },
  cleaner: {
    category: 'cleaning',
    titles: ['保洁员', '保洁工', '物业保洁'],
    pay: [2800, 3800],
    headcount: [1, 6],
    education: ['不限'],
    experience: ['不限'],
    age: [25, 60],
    duties: [
      '负责办公楼、小区或厂区公共区域的日常清扫和垃圾清运。',
      '每天工作8小时，月休4天，工作强度不大。',
      '就近安排工作点，适合周边居民。',
    ],
    requirements: ['身体健康', '吃苦耐劳，服从安排', '做事认真，讲卫生', '周边居民优先'],
    perks: ['工作服', '节日福利'],
  },
  security: {
    category: 'cleaning',
    titles: ['保安员', '门卫', '监控值班员'],
    pay: [3200, 4500],
    headcount: [1, 5],
    education: ['不限', '初中', '高中'],
    experience: ['不限'],
    age: [20, 58],
    duties: [
      '负责门岗值守、来访车辆和人员登记，以及夜间巡逻。',
      '负责监控室值班，发现异常及时报告和处置。',
      '实行两班倒，提供值班宿舍。',
    ],
    requirements: ['身体健康，无违法犯罪记录', '持保安员证者优先', '退役军人优先', '能适应夜班'],
    perks: ['工作服', '夜班补贴'],
  },
  nurse: {
    category: 'healthcare',
    weight: 1.5,
    titles: ['护士', '注册护士', '康复护士'],
    pay: [5000, 8000],
    headcount: [2, 6],
    education: ['中专', '大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [20, 40],
    duties: [
      '负责病区患者的日常护理、治疗执行和护理文书书写。',
      '配合医生做好病情观察和健康宣教。',
      '实行排班制，夜班另有补贴。',
    ],
    requirements: [
      '持护士执业证书或已通过护士资格考试',
      '护理相关专业',
      '有二级以上医院工作经验者优先',
      '能适应夜班',
    ],
    perks: ['夜班补贴', '职称晋升', '定期体检'],
  },
  doctor: {
    category: 'healthcare',
    titles: ['全科医生', '内科医生', '口腔医生'],
    pay: [8000, 13000],
    headcount: [1, 2],
    education: ['大专', '本科'],
    experience: ['1年以上', '3年以上'],
    age: [24, 50],
    duties: [
      '负责门诊或病区的诊疗工作，按规范书写病历。',
      '参与院内会诊和慢病随访管理。',
      '医院支持参加规培和进修，职称晋升通道通畅。',
    ],
    requirements: [
      '持相应执业医师资格证书',
      '临床医学或口腔医学专业',
      '有二级以上医院工作经验者优先',
      '有良好的医德医风',
    ],
    perks: ['职称晋升', '定期体检', '进修培训'],
  },
  therapist: {
    category: 'healthcare',
    titles: ['康复治疗师', '针灸推拿师'],
    pay: [6000, 9000],
    headcount: [1, 3],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [22, 45],
    duties: [
      '负责患者的康复评估，制定康复计划并实施治疗。',
      '指导患者及家属进行居家康复训练。',
      '科室设备齐全，定期组织业务学习。',
    ],
    requirements: [
      '康复治疗或针灸推拿相关专业',
      '持康复治疗士（师）资格证者优先',
      '有耐心，沟通能力好',
      '有康复科工作经验者优先',
    ],
    perks: ['职称晋升', '进修培训'],
  },
  pharmacist: {
    category: 'healthcare',
    titles: ['执业药师', '驻店药师', '药学技术员'],
    pay: [6000, 9000],
    headcount: [1, 2],
    education: ['中专', '大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [22, 50],
    duties: [
      '负责处方审核、用药咨询和药品质量管理。',
      '指导顾客合理用药，配合门店完成医保规范管理。',
      '门店分布在海安城区及各镇，可就近安排。',
    ],
    requirements: ['持执业药师证者优先', '药学相关专业', '熟悉医保定点药店管理规定', '服务意识强'],
  },
  ward: {
    category: 'healthcare',
    titles: ['护工', '医院陪护员', '病区护工'],
    pay: [4000, 5500],
    headcount: [2, 6],
    education: ['不限', '初中'],
    experience: ['不限'],
    age: [25, 58],
    duties: [
      '负责住院患者的生活照料，协助翻身、进食和如厕等。',
      '协助护士做好病房清洁和标本送检。',
      '岗前统一培训，持证上岗。',
    ],
    requirements: ['身体健康，有耐心', '能适应轮班', '有陪护经验者优先', '持健康证'],
    perks: ['岗前培训', '员工餐'],
  },
  kindergartenTeacher: {
    category: 'education',
    weight: 2,
    titles: ['幼儿教师', '幼儿园配班老师'],
    pay: [5000, 8000],
    headcount: [1, 4],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [20, 40],
    duties: [
      '负责班级幼儿的保教工作，按计划组织游戏和教学活动。',
      '做好家园沟通，定期向家长反馈幼儿在园情况。',
      '园所提供系统的教研培训，新教师有带教老师指导。',
    ],
    requirements: ['持幼儿园教师资格证', '普通话二级乙等以上', '学前教育专业优先', '热爱幼教事业，有耐心'],
    perks: ['寒暑假', '免费午餐'],
  },
  childcare: {
    category: 'education',
    titles: ['保育员', '托育老师'],
    pay: [3800, 5000],
    headcount: [1, 3],
    education: ['中专', '大专'],
    experience: ['不限'],
    age: [20, 45],
    duties: [
      '负责幼儿的生活照料，包括进餐、午睡、盥洗等环节。',
      '配合班级教师开展日常活动，做好教室卫生消毒。',
      '园所环境好，作息规律。',
    ],
    requirements: [
      '持保育员证或育婴员证者优先',
      '身体健康，持健康证',
      '喜爱孩子，有耐心',
      '学前教育专业优先',
    ],
    perks: ['寒暑假', '免费午餐'],
  },
  artsTeacher: {
    category: 'education',
    weight: 2,
    titles: ['美术老师', '书法老师', '少儿编程老师', '舞蹈老师'],
    pay: [5000, 8000],
    headcount: [1, 3],
    education: ['大专', '本科'],
    experience: ['不限', '1年以上'],
    age: [20, 40],
    duties: [
      '负责少儿素质类课程的授课和课堂管理。',
      '参与课程研发和招生咨询，做好家长沟通。',
      '周末和寒暑假为授课高峰，工作日可调休。',
    ],
    requirements: ['相关专业毕业', '持教师资格证者优先', '普通话标准，喜爱孩子', '能适应周末上课'],
    perks: ['课时奖励', '带薪年假'],
  },
  trainer: {
    category: 'education',
    weight: 1.5,
    titles: ['职业技能培训讲师', '电工培训讲师', '焊工培训讲师'],
    pay: [6000, 9000],
    headcount: [1, 2],
    education: ['中专', '大专', '本科'],
    experience: ['1年以上', '3年以上'],
    age: [25, 55],
    duties: [
      '负责职业技能培训课程的授课和实操指导。',
      '配合完成学员的技能考核评价和培训档案整理。',
      '学员以企业职工和求职人员为主，课程安排规律。',
    ],
    requirements: ['持相应职业技能等级证书', '有企业一线工作经验', '表达能力强', '持职业培训师证者优先'],
    perks: ['课时奖励'],
  },
  driveCoach: {
    category: 'education',
    weight: 1.5,
    titles: ['驾校教练员', '科目二教练员', '科目三教练员'],
    pay: [6000, 9000],
    headcount: [1, 4],
    education: ['高中', '中专', '大专'],
    experience: ['3年以上'],
    age: [25, 55],
    duties: [
      '负责学员科目二、科目三的教学训练，提高考试通过率。',
      '做好教练车的日常检查和保养。',
      '底薪加带教提成，学员多收入高。',
    ],
    requirements: ['持C1及以上驾驶证3年以上', '无重大交通事故记录', '有耐心，服务意识好', '持教练员证者优先'],
    perks: ['带教提成'],
  },
  propertyConcierge: {
    category: 'community',
    titles: ['物业管家', '物业客服', '小区管家'],
    pay: [3800, 5000],
    headcount: [1, 3],
    education: ['高中', '中专', '大专'],
    experience: ['不限', '1年以上'],
    age: [20, 45],
    duties: [
      '负责小区业主的日常服务、报事报修受理和回访。',
      '负责物业费催缴、装修登记和社区活动组织。',
      '工作地点在海安城区住宅小区，就近安排。',
    ],
    requirements: ['会电脑基本操作', '沟通能力好，有服务意识', '有物业服务经验者优先', '能适应轮休'],
    perks: ['员工餐'],
  },
  propertyRepair: {
    category: 'community',
    titles: ['物业维修工', '水电维修工'],
    pay: [4500, 6000],
    headcount: [1, 2],
    education: ['初中', '高中', '中专'],
    experience: ['1年以上'],
    age: [22, 55],
    duties: [
      '负责小区公共设施、水电管网和业主报修的维修处理。',
      '做好水泵房、配电房等设备的巡检记录。',
      '实行轮班和应急值班，另有值班补贴。',
    ],
    requirements: ['持低压电工作业证', '有物业或工厂维修经验', '动手能力强', '能适应值班'],
    perks: ['值班补贴', '工作服'],
  },
} as const satisfies Record<string, Template>

type TemplateKey = keyof typeof TEMPLATES

// ---------------------------------------------------------------------------------------------
// Employers: fictional names, each in a real town of Hai'an. Addresses are given without the
// town name, which is put in front when a job is made.

type BenefitStyle =
  | 'factory'
  | 'service'
  | 'office'
  | 'medical'
  | 'school'
  | 'farm'
  | 'logistics'
  | 'construction'

interface Employer {
  name: string
  industry: string
  town: string
  street: string
  style: BenefitStyle
  templates: readonly TemplateKey[]
}

const EMPLOYERS: readonly Employer[] = [
  // 海安镇 — the county seat, most employers
  {
    name: '海安瑞锦纺织有限公司',
    industry: '纺织',
    town: '海安镇',
    street: '城南工业园南海大道西路66号',
    style: 'factory',
    templates: ['spinner', 'dyeing', 'inspector', 'maintenance', 'hr'],
  },
  {
    name: '海安丝路茧丝绸有限公司',
    industry: '茧丝绸',
    town: '海安镇',
    street: '城南工业园丝绸路18号',
    style: 'factory',
    templates: ['silk', 'spinner', 'dyeing', 'inspector'],
  },
  {
    name: '江苏恒达机械制造有限公司',
    industry: '机械制造',
    town: '海安镇',
    street: '开发大道中路168号',
    style: 'factory',
    templates: ['welder', 'cnc', 'engineer', 'worker', 'planner'],
  },
  {
    name: '海安润禾电子科技有限公司',
    industry: '电子元器件',
    town: '海安镇',
    street: '黄海大道西路59号',
    style: 'factory',
    templates: ['electronics', 'technician', 'inspector', 'engineer'],
  },
  {
    name: '江苏晟泰新材料科技有限公司',
    industry: '新材料',
    town: '海安镇',
    street: '高新区科创路9号',
    style: 'factory',
    templates: ['engineer', 'labAnalyst', 'worker', 'maintenance', 'accountant'],
  },
  {
    name: '海安康泰护理院',
    industry: '医疗护理',
    town: '海安镇',
    street: '宁海南路126号',
    style: 'medical',
    templates: ['nurse', 'ward', 'elderCarer', 'cook'],
  },
  {
    name: '海安仁济康复医院有限公司',
    industry: '医疗卫生',
    town: '海安镇',
    street: '长江西路201号',
    style: 'medical',
    templates: ['nurse', 'doctor', 'therapist', 'clerk', 'security'],
  },
  {
    name: '海安康寿堂医药连锁有限公司',
    industry: '医药零售',
    town: '海安镇',
    street: '中坝南路52号',
    style: 'service',
    templates: ['pharmacist', 'shopAssistant', 'storeManager'],
  },
  {
    name: '海安惠邻生活超市有限公司',
    industry: '零售',
    town: '海安镇',
    street: '长江中路88号',
    style: 'service',
    templates: ['shopAssistant', 'storeManager', 'warehouse', 'kitchenHand'],
  },
  {
    name: '海安悦澜酒店管理有限公司',
    industry: '住宿餐饮',
    town: '海安镇',
    street: '中坝北路36号',
    style: 'service',
    templates: ['cook', 'waiter', 'reception', 'roomAttendant', 'kitchenHand'],
  },
  {
    name: '海安乡味园餐饮管理有限公司',
    industry: '餐饮',
    town: '海安镇',
    street: '人民路东段18号',
    style: 'service',
    templates: ['cook', 'waiter', 'kitchenHand'],
  },
  {
    name: '海安安居物业服务有限公司',
    industry: '物业管理',
    town: '海安镇',
    street: '宁海北路210号',
    style: 'service',
    templates: ['propertyConcierge', 'propertyRepair', 'cleaner', 'security'],
  },
  {
    name: '海安启航职业培训学校',
    industry: '职业培训',
    town: '海安镇',
    street: '长江中路306号',
    style: 'office',
    templates: ['trainer', 'clerk'],
  },
  {
    name: '海安市小橡树幼儿园',
    industry: '学前教育',
    town: '海安镇',
    street: '育才路15号',
    style: 'school',
    templates: ['kindergartenTeacher', 'childcare', 'cook'],
  },
  {
    name: '海安博雅艺术培训中心',
    industry: '教育培训',
    town: '海安镇',
    street: '宁海南路8号商业楼三层',
    style: 'school',
    templates: ['artsTeacher', 'clerk'],
  },
  {
    name: '海安明德会计服务有限公司',
    industry: '财税服务',
    town: '海安镇',
    street: '长江西路77号',
    style: 'office',
    templates: ['accountant', 'clerk'],
  },
  {
    name: '海安嘉和家政服务有限公司',
    industry: '家政服务',
    town: '海安镇',
    street: '通扬路45号',
    style: 'service',
    templates: ['housekeeper', 'maternity', 'elderCarer'],
  },
  {
    name: '江苏鼎衡建设工程有限公司',
    industry: '建筑施工',
    town: '海安镇',
    street: '黄海大道东路120号',
    style: 'construction',
    templates: ['builder', 'siteStaff', 'driver'],
  },
  {
    name: '海安美居装饰工程有限公司',
    industry: '装饰装修',
    town: '海安镇',
    street: '长江东路263号',
    style: 'construction',
    templates: ['decorator', 'salesRep', 'clerk'],
  },
  {
    name: '海安捷联信息技术有限公司',
    industry: '软件和信息服务',
    town: '海安镇',
    street: '高新区科创路21号',
    style: 'office',
    templates: ['software', 'salesRep', 'hr'],
  },
  {
    name: '海安顺邦汽车销售服务有限公司',
    industry: '汽车销售',
    town: '海安镇',
    street: '迎宾路99号',
    style: 'service',
    templates: ['salesRep', 'accountant', 'clerk'],
  },
  // 城东镇
  {
    name: '海安宏远纺织科技有限公司',
    industry: '纺织',
    town: '城东镇',
    street: '东海大道88号',
    style: 'factory',
    templates: ['spinner', 'dyeing', 'inspector', 'maintenance'],
  },
  {
    name: '海安鼎丰家纺科技有限公司',
    industry: '家纺',
    town: '城东镇',
    street: '工业园纬五路9号',
    style: 'factory',
    templates: ['sewing', 'worker', 'merchandiser'],
  },
  {
    name: '江苏海越精密机械有限公司',
    industry: '机械制造',
    town: '城东镇',
    street: '工业园纬二路18号',
    style: 'factory',
    templates: ['cnc', 'welder', 'worker', 'engineer', 'planner'],
  },
  {
    name: '海安东枢物流园管理有限公司',
    industry: '商贸物流',
    town: '城东镇',
    street: '物流园区通达路6号',
    style: 'logistics',
    templates: ['driver', 'warehouse', 'sorter', 'forklift', 'dispatcher'],
  },
  {
    name: '海安鑫汇建材有限公司',
    industry: '建筑材料',
    town: '城东镇',
    street: '工业园经三路32号',
    style: 'factory',
    templates: ['precast', 'driver', 'inspector', 'worker'],
  },
  {
    name: '江苏铭芯电子科技有限公司',
    industry: '电子元器件',
    town: '城东镇',
    street: '东海大道196号',
    style: 'factory',
    templates: ['electronics', 'technician', 'inspector', 'warehouse'],
  },
  {
    name: '海安颐养苑养老服务有限公司',
    industry: '养老服务',
    town: '城东镇',
    street: '迎宾路东段58号',
    style: 'medical',
    templates: ['elderCarer', 'cook', 'cleaner', 'nurse'],
  },
  {
    name: '海安宜居物业管理有限公司',
    industry: '物业管理',
    town: '城东镇',
    street: '泰宁路16号',
    style: 'service',
    templates: ['propertyConcierge', 'propertyRepair', 'security', 'cleaner'],
  },
  {
    name: '海安东城生鲜超市有限公司',
    industry: '零售',
    town: '城东镇',
    street: '东海大道12号',
    style: 'service',
    templates: ['shopAssistant', 'kitchenHand', 'warehouse'],
  },
  // 曲塘镇
  {
    name: '海安市曲塘镇绿禾农业专业合作社',
    industry: '蔬菜种植',
    town: '曲塘镇',
    street: '兴曲村十二组',
    style: 'farm',
    templates: ['vegetableGrower', 'agronomist'],
  },
  {
    name: '江苏恒昌机电设备有限公司',
    industry: '机电设备',
    town: '曲塘镇',
    street: '工业集中区富民路12号',
    style: 'factory',
    templates: ['welder', 'cnc', 'maintenance', 'engineer'],
  },
  {
    name: '海安固邦新型建材有限公司',
    industry: '建筑材料',
    town: '曲塘镇',
    street: '工业集中区兴业路8号',
    style: 'factory',
    templates: ['precast', 'worker', 'driver', 'labAnalyst'],
  },
  {
    name: '海安华绮丝绸制品有限公司',
    industry: '茧丝绸',
    town: '曲塘镇',
    street: '曲江路66号',
    style: 'factory',
    templates: ['silk', 'sewing', 'merchandiser', 'ecommerce'],
  },
  {
    name: '海安宏捷货运有限公司',
    industry: '道路货运',
    town: '曲塘镇',
    street: '328国道北侧物流中心',
    style: 'logistics',
    templates: ['driver', 'sorter', 'warehouse'],
  },
  {
    name: '海安曲园酒家有限公司',
    industry: '餐饮',
    town: '曲塘镇',
    street: '人民路102号',
    style: 'service',
    templates: ['cook', 'waiter', 'kitchenHand'],
  },
  // 李堡镇
  {
    name: '海安堡丰茧丝有限公司',
    industry: '茧丝绸',
    town: '李堡镇',
    street: '工业园通榆路16号',
    style: 'factory',
    templates: ['silk', 'spinner', 'worker'],
  },
  {
    name: '海安市李堡镇桑园蚕桑专业合作社',
    industry: '蚕桑种养',
    town: '李堡镇',
    street: '桑周村八组',
    style: 'farm',
    templates: ['sericulture', 'vegetableGrower'],
  },
  {
    name: '江苏宏力液压机械有限公司',
    industry: '液压机械',
    town: '李堡镇',
    street: '工业园新民路28号',
    style: 'factory',
    templates: ['cnc', 'welder', 'worker', 'technician'],
  },
  {
    name: '海安李堡仁和医院有限公司',
    industry: '医疗卫生',
    town: '李堡镇',
    street: '堡中路55号',
    style: 'medical',
    templates: ['nurse', 'doctor', 'ward'],
  },
  {
    name: '海安明珠服饰有限公司',
    industry: '服装',
    town: '李堡镇',
    street: '新民路118号',
    style: 'factory',
    templates: ['sewing', 'inspector', 'patternMaker'],
  },
  // 角斜镇 — on the coast: aquaculture, port industry
  {
    name: '海安市角斜镇海丰水产养殖专业合作社',
    industry: '水产养殖',
    town: '角斜镇',
    street: '沿口村三组',
    style: 'farm',
    templates: ['aquaculture', 'fieldHand'],
  },
  {
    name: '江苏港兴重型装备有限公司',
    industry: '重型装备',
    town: '角斜镇',
    street: '沿海工业园海港路1号',
    style: 'factory',
    templates: ['welder', 'maintenance', 'engineer', 'worker', 'forklift'],
  },
  {
    name: '海安海鲜港冷链物流有限公司',
    industry: '冷链物流',
    town: '角斜镇',
    street: '沿海路38号',
    style: 'logistics',
    templates: ['driver', 'warehouse', 'sorter'],
  },
  {
    name: '海安蓝岸新能源科技有限公司',
    industry: '新能源装备',
    town: '角斜镇',
    street: '沿海工业园振兴路9号',
    style: 'factory',
    templates: ['technician', 'engineer', 'worker'],
  },
  // 大公镇
  {
    name: '海安市大公镇贲巷花木专业合作社',
    industry: '花卉苗木',
    town: '大公镇',
    street: '贲巷社区六组',
    style: 'farm',
    templates: ['nurseryWorker', 'agronomist'],
  },
  {
    name: '海安宏泰五金制品有限公司',
    industry: '五金制品',
    town: '大公镇',
    street: '工业集中区兴贲路16号',
    style: 'factory',
    templates: ['worker', 'cnc', 'inspector'],
  },
  {
    name: '海安绿野农机服务有限公司',
    industry: '农机服务',
    town: '大公镇',
    street: '大公路208号',
    style: 'farm',
    templates: ['farmMachinery', 'driver'],
  },
  {
    name: '海安凯丝纺织有限公司',
    industry: '纺织',
    town: '大公镇',
    street: '工业集中区建设路5号',
    style: 'factory',
    templates: ['spinner', 'worker', 'maintenance'],
  },
  // 雅周镇
  {
    name: '海安永信机械配件有限公司',
    industry: '机械配件',
    town: '雅周镇',
    street: '工业集中区雅周路36号',
    style: 'factory',
    templates: ['cnc', 'worker', 'inspector'],
  },
  {
    name: '海安雅绣家纺有限公司',
    industry: '家纺',
    town: '雅周镇',
    street: '文化路20号',
    style: 'factory',
    templates: ['sewing', 'worker', 'warehouse', 'ecommerce'],
  },
  {
    name: '海安市雅周镇农丰家庭农场',
    industry: '粮食种植',
    town: '雅周镇',
    street: '钱庄村五组',
    style: 'farm',
    templates: ['fieldHand', 'farmMachinery'],
  },
  {
    name: '海安顺安驾驶员培训有限公司',
    industry: '驾驶培训',
    town: '雅周镇',
    street: '王垛路88号',
    style: 'office',
    templates: ['driveCoach', 'clerk'],
  },
  // 白甸镇 — lakes and fish ponds
  {
    name: '海安市白甸镇湖韵水产养殖专业合作社',
    industry: '水产养殖',
    town: '白甸镇',
    street: '官垛村二组',
    style: 'farm',
    templates: ['aquaculture', 'fieldHand'],
  },
  {
    name: '海安荷塘生态农业有限公司',
    industry: '休闲农业',
    town: '白甸镇',
    street: '湖滨路10号',
    style: 'farm',
    templates: ['cook', 'waiter', 'vegetableGrower'],
  },
  {
    name: '海安金穗米业有限公司',
    industry: '粮食加工',
    town: '白甸镇',
    street: '白甸中路76号',
    style: 'factory',
    templates: ['worker', 'driver', 'warehouse', 'fieldHand'],
  },
  // 南莫镇
  {
    name: '海安市南莫镇沙岗蔬菜专业合作社',
    industry: '蔬菜种植',
    town: '南莫镇',
    street: '沙岗社区九组',
    style: 'farm',
    templates: ['vegetableGrower', 'agronomist'],
  },
  {
    name: '海安美绮服饰有限公司',
    industry: '服装',
    town: '南莫镇',
    street: '工业集中区南莫路102号',
    style: 'factory',
    templates: ['sewing', 'patternMaker', 'inspector'],
  },
  {
    name: '江苏博远传动设备有限公司',
    industry: '传动设备',
    town: '南莫镇',
    street: '工业集中区南莫路58号',
    style: 'factory',
    templates: ['cnc', 'welder', 'engineer', 'worker'],
  },
  {
    name: '海安昱辉电子有限公司',
    industry: '电子元器件',
    town: '南莫镇',
    street: '工业集中区建设路12号',
    style: 'factory',
    templates: ['electronics', 'technician', 'inspector'],
  },
  {
    name: '海安安泰建筑劳务有限公司',
    industry: '建筑劳务',
    town: '南莫镇',
    street: '沙岗路31号',
    style: 'construction',
    templates: ['builder', 'decorator', 'siteStaff'],
  },
  // 墩头镇 — crab and fish farming around the lakes
  {
    name: '海安市墩头镇仇湖河蟹养殖专业合作社',
    industry: '河蟹养殖',
    town: '墩头镇',
    street: '仇湖村七组',
    style: 'farm',
    templates: ['aquaculture', 'fieldHand'],
  },
  {
    name: '海安锦华纱线有限公司',
    industry: '纺纱',
    town: '墩头镇',
    street: '工业集中区吉庆路9号',
    style: 'factory',
    templates: ['spinner', 'worker', 'maintenance'],
  },
  {
    name: '海安力行车辆配件有限公司',
    industry: '车辆配件',
    town: '墩头镇',
    street: '墩头中路168号',
    style: 'factory',
    templates: ['worker', 'welder', 'inspector'],
  },
  {
    name: '海安福康颐养中心',
    industry: '养老服务',
    town: '墩头镇',
    street: '吉庆路45号',
    style: 'medical',
    templates: ['elderCarer', 'cook', 'cleaner'],
  },
  // 海安县农场
  {
    name: '海安天鹅湖生态农业有限公司',
    industry: '生态农业',
    town: '海安县农场',
    street: '天鹅村一组',
    style: 'farm',
    templates: ['fieldHand', 'aquaculture', 'agronomist'],
  },
  {
    name: '海安垦优农产品电子商务有限公司',
    industry: '农产品电商',
    town: '海安县农场',
    street: '农场路26号',
    style: 'office',
    templates: ['ecommerce', 'warehouse', 'sorter'],
  },
]

// ---------------------------------------------------------------------------------------------
// Benefits, by the kind of employer. The first entry chosen is the insurance line.

const BENEFITS: Record<BenefitStyle, { insurance: readonly string[]; extras: readonly string[] }> = {
  factory: {
    insurance: ['五险一金', '缴纳五险'],
    extras: [
      '包吃住',
      '免费工作餐',
      '提供宿舍',
      '班车接送',
      '年终奖',
      '全勤奖',
      '加班补贴',
      '节日福利',
      '带薪年假',
      '高温补贴',
    ],
  },
  service: {
    insurance: ['缴纳五险', '五险一金'],
    extras: ['员工餐', '节日福利', '带薪年假', '年终奖', '绩效奖金', '岗前培训'],
  },
  office: {
    insurance: ['五险一金'],
    extras: ['带薪年假', '节日福利', '年终奖', '定期体检', '周末双休'],
  },
  medical: {
    insurance: ['五险一金'],
    extras: ['带薪年假', '节日福利', '定期体检', '员工餐', '年终奖'],
  },
  school: {
    insurance: ['五险一金', '缴纳五险'],
    extras: ['带薪年假', '节日福利', '定期体检', '年终奖'],
  },
  farm: {
    insurance: ['缴纳意外险', '缴纳五险'],
    extras: ['包午餐', '提供住宿', '节日福利', '年终奖'],
  },
  logistics: {
    insurance: ['缴纳五险', '五险一金'],
    extras: ['包住', '免费工作餐', '年终奖', '节日福利', '全勤奖'],
  },
  construction: {
    insurance: ['缴纳工伤保险', '缴纳五险'],
    extras: ['包吃住', '工资月结', '节日福利', '年终奖'],
  },
}

// ---------------------------------------------------------------------------------------------
// Public-welfare posts (公益性岗位): offered by town governments, community and village
// committees and town elder-care homes, paid near the minimum wage.

type WelfareOffer = 'community' | 'government' | 'elderHome'

interface WelfareTemplate {
  title: string
  category: JobCategory
  offeredBy: WelfareOffer
  villageOnly?: boolean
  education: readonly string[]
  headcount: readonly [number, number]
  /** `{place}` is replaced with the town or community name. */
  duty: string
  requirements: readonly string[]
}

const WELFARE_TEMPLATES: readonly WelfareTemplate[] = [
  {
    title: '保洁员',
    category: 'cleaning',
    offeredBy: 'community',
    education: ['不限'],
    headcount: [1, 2],
    duty: '负责{place}主干道、公共广场及垃圾分类投放点的日常保洁。',
    requirements: ['能适应户外工作', '做事认真，讲卫生'],
  },
  {
    title: '社区网格员',
    category: 'community',
    offeredBy: 'community',
    education: ['初中', '高中', '中专'],
    headcount: [1, 2],
    duty: '负责{place}网格内人口信息采集、矛盾纠纷排查和政策宣传，使用手机APP上报信息。',
    requirements: ['会使用智能手机和电脑', '熟悉辖区情况者优先'],
  },
  {
    title: '养老助残服务员',
    category: 'domestic',
    offeredBy: 'community',
    education: ['不限', '初中'],
    headcount: [1, 2],
    duty: '为{place}高龄、独居老人和重度残疾人提供助餐、助洁、陪护等上门服务。',
    requirements: ['有爱心和耐心', '会骑电动车'],
  },
  {
    title: '农家书屋管理员',
    category: 'community',
    offeredBy: 'community',
    villageOnly: true,
    education: ['初中', '高中'],
    headcount: [1, 1],
    duty: '负责{place}农家书屋的日常开放、图书借阅登记和整理，协助组织读书活动。',
    requirements: ['会基本电脑操作', '热心公益'],
  },
  {
    title: '公共设施维护员',
    category: 'community',
    offeredBy: 'government',
    education: ['不限', '初中'],
    headcount: [2, 4],
    duty: '负责{place}路灯、健身器材、宣传栏等公共设施的日常巡查和简单维修。',
    requirements: ['会简单电工或维修技能者优先', '能适应户外工作'],
  },
  {
    title: '绿化养护员',
    category: 'cleaning',
    offeredBy: 'government',
    education: ['不限'],
    headcount: [2, 6],
    duty: '负责{place}道路两侧及游园的绿化浇水、修剪和除草。',
    requirements: ['能适应户外工作', '有绿化养护经验者优先'],
  },
  {
    title: '治安巡防员',
    category: 'cleaning',
    offeredBy: 'government',
    education: ['初中', '高中'],
    headcount: [2, 6],
    duty: '参与{place}日常治安巡逻，协助做好重点时段、重点部位的防范工作。',
    requirements: ['退役军人优先', '能适应夜间巡逻'],
  },
  {
    title: '交通协管员',
    category: 'community',
    offeredBy: 'government',
    education: ['初中', '高中'],
    headcount: [2, 6],
    duty: '在{place}主要路口和学校周边协助维护交通秩序，劝导电动车驾乘人员佩戴头盔。',
    requirements: ['能适应户外值勤', '普通话基本标准'],
  },
  {
    title: '养老助残服务员',
    category: 'domestic',
    offeredBy: 'elderHome',
    education: ['不限', '初中'],
    headcount: [1, 3],
    duty: '协助护理人员做好{place}敬老院入住老人的生活照料、助餐和日常清洁。',
    requirements: ['有爱心和耐心', '能适应轮班'],
  },
  {
    title: '保洁员',
    category: 'cleaning',
    offeredBy: 'elderHome',
    education: ['不限'],
    headcount: [1, 2],
    duty: '负责{place}敬老院公共区域和老人房间的清洁卫生。',
    requirements: ['做事认真，讲卫生', '能吃苦耐劳'],
  },
]

/** Benefits that say the same thing twice when listed together ("包吃住" covers "提供宿舍"). */
const OVERLAPS: Record<string, readonly string[]> = {
  包吃住: ['提供宿舍', '包住', '提供住宿', '免费工作餐', '员工餐', '包午餐', '工作餐'],
  提供宿舍: ['包住', '提供住宿'],
  包住: ['提供住宿'],
  免费工作餐: ['员工餐', '包午餐', '工作餐'],
  员工餐: ['包午餐', '工作餐'],
  年终奖: ['年终分红'],
}
const overlap = (a: string, b: string): boolean =>
  a === b || (OVERLAPS[a]?.includes(b) ?? false) || (OVERLAPS[b]?.includes(a) ?? false)

const pickBenefits = (rng: Rng, pool: readonly string[], k: number): string[] => {
  const chosen: string[] = []
  for (const item of rng.shuffle(pool)) {
    if (chosen.length >= k) break
    if (!chosen.some((c) => overlap(c, item))) chosen.push(item)
  }
  return chosen
}

const WELFARE_BENEFITS = ['岗位补贴', '节日福利', '就近上班', '工作服'] as const

// ---------------------------------------------------------------------------------------------
// Text pieces shared by ads.

const SURNAMES = [
  '王',
  '陈',
  '张',
  '李',
  '刘',
  '徐',
  '周',
  '吴',
  '丁',
  '许',
  '朱',
  '顾',
  '孙',
  '钱',
  '仲',
  '缪',
  '储',
  '崔',
  '季',
  '杨',
] as const

const DEFAULT_TOWN_STREETS = ['人民路', '建设路', '文化路'] as const
const TOWN_STREETS: Record<string, readonly string[]> = {
  海安镇: ['长江中路', '中坝南路', '宁海南路'],
  城东镇: ['东海大道', '迎宾路', '泰宁路'],
  曲塘镇: ['富民路', '人民路', '曲江路'],
  李堡镇: ['通榆路', '新民路', '堡中路'],
  角斜镇: ['沿海路', '角斜中路', '振兴路'],
  大公镇: ['贲巷路', '大公路', '建设路'],
  雅周镇: ['雅周路', '文化路', '王垛路'],
  白甸镇: ['白甸中路', '湖滨路', '傅舍路'],
  南莫镇: ['南莫路', '沙岗路', '建设路'],
  墩头镇: ['墩头中路', '吉庆路', '仇湖路'],
  海安县农场: ['农场路', '天鹅路'],
}

const intros = (employer: string, title: string, headcount: number, town: string): string[] => [
  `${employer}因业务发展需要，现招聘${title}${headcount}名。`,
  `现面向社会招聘${title}${headcount}名，工作地点在${town}。`,
  `本单位因人员补充需要，招聘${title}${headcount}名，岗位长期稳定。`,
  `${employer}常年招聘${title}，本次计划招聘${headcount}名。`,
]

const CLOSINGS = [
  '有意者请电话联系，可预约现场面试。',
  '欢迎有意者来电咨询或直接到单位面试。',
  '面试请携带身份证，录用后签订劳动合同。',
] as const

const WELFARE_CLOSINGS = [
  '岗位补贴和社会保险补贴按规定落实，签订劳动合同。',
  '报名请携带身份证、户口簿和《就业创业证》，经审核公示后上岗。',
  '公益性岗位安置期限一般不超过3年。',
] as const

// ---------------------------------------------------------------------------------------------
// Generation.

type Draft = Omit<Job, 'id' | 'status' | 'publishedAt' | 'validUntil'>

interface Town {
  code: string
  name: string
  communities: DemoRegion[]
}

/** Contact and hotline of an employer, the same in every job it posts (for a given seed). */
const employerContact = (name: string, seed: number): { contactName: string; contactPhone: string } => {
  const rng = makeRng(hashString(name) ^ seed)
  const contactName = `${rng.pick(SURNAMES)}${rng.chance(0.6) ? '女士' : '先生'}`
  const local = rng.chance(0.7)
    ? `88${rng.int(100_000, 999_999)}`
    : `8${rng.pick(['6', '7', '9'])}${rng.int(100_000, 999_999)}`
  return { contactName, contactPhone: `0513-${local}` }
}

/** A whole-number pay band inside the template's, in steps that local ads use. */
const payBand = (rng: Rng, [lo, hi]: readonly [number, number]): [number, number] => {
  const spread = hi - lo
  const step = spread >= 2000 ? 500 : 100
  const shift = () => Math.round((rng.next() * spread * 0.3) / step) * step
  const min = lo + shift()
  const max = hi - shift()
  return min <= max ? [min, max] : [lo, hi]
}

/** Headcount leaning to the low end of the range, as most posts ask for few people. */
const headcountIn = (rng: Rng, [lo, hi]: readonly [number, number]): number =>
  lo + Math.floor((hi - lo + 1) * rng.next() ** 2)

const sentences = (
  first: string,
  middle: readonly string[],
  closings: readonly string[],
  rng: Rng,
): string => {
  const body = rng.subsequence(middle, rng.int(1, Math.min(2, middle.length)))
  const closing = rng.chance(0.6) ? [rng.pick(closings)] : []
  return [first, ...body, ...closing].join('')
}

const ordinaryDraft = (
  rng: Rng,
  employer: Employer,
  key: TemplateKey,
  title: string,
  town: Town,
  seed: number,
): Draft => {
  const template: Template = TEMPLATES[key]
  const headcount = headcountIn(rng, template.headcount)
  const [salaryMin, salaryMax] = payBand(rng, template.pay)
  const [ageLo, ageHi] = template.age
  const requirements = [`年龄${ageLo}-${ageHi}周岁`, ...rng.subsequence(template.requirements, rng.int(1, 4))]
  const style = BENEFITS[employer.style]
  const extras = pickBenefits(rng, [...(template.perks ?? []), ...style.extras], rng.int(2, 4))
  // Farms and construction crews do not always insure; everyone else lists it first.
  const insured = employer.style === 'farm' || employer.style === 'construction' ? rng.chance(0.75) : true
  const benefits = [...(insured ? [rng.pick(style.insurance)] : []), ...extras]
  return {
    title,
    employer: employer.name,
    employerIndustry: employer.industry,
    region: town.code,
    regionName: town.name,
    address: `${town.name}${employer.street}`,
    category: template.category,
    publicWelfare: false,
    salaryMin,
    salaryMax,
    headcount,
    education: rng.pick(template.education),
    experience: rng.pick(template.experience),
    description: sentences(
      rng.pick(intros(employer.name, title, headcount, town.name)),
      template.duties,
      CLOSINGS,
      rng,
    ),
    requirements,
    benefits,
    ...employerContact(employer.name, seed),
  }
}

const welfareDraft = (rng: Rng, town: Town, county: string, seed: number, used: Set<string>): Draft => {
  const villages = town.communities.filter((c) => c.name.endsWith('村'))
  const usable = WELFARE_TEMPLATES.filter(
    (t) => t.offeredBy !== 'community' || (t.villageOnly ? villages.length > 0 : town.communities.length > 0),
  )
  const choose = () => {
    const template = rng.weighted(usable, (t) => (t.offeredBy === 'community' ? 1.5 : 1))
    const place =
      template.offeredBy === 'community' ? rng.pick(template.villageOnly ? villages : town.communities) : null
    return { template, place, key: `${place?.code ?? town.code}|${template.offeredBy}|${template.title}` }
  }
  let choice = choose()
  for (let attempt = 0; attempt < 20 && used.has(choice.key); attempt++) choice = choose()
  used.add(choice.key)
  const { template, place } = choice

  const isTown = town.name.endsWith('镇') || town.name.endsWith('乡')
  const streets = TOWN_STREETS[town.name] ?? DEFAULT_TOWN_STREETS
  let employer: string
  let address: string
  if (place) {
    const village = place.name.endsWith('村')
    employer = `${town.name}${place.name}${village ? '村委会' : '居委会'}`
    address = `${town.name}${place.name}${village ? '村民服务中心' : '党群服务中心'}`
  } else if (template.offeredBy === 'elderHome') {
    employer = isTown ? `${county}${town.name}敬老院` : `${town.name}敬老院`
    address = `${town.name}${rng.pick(streets)}${(hashString(employer) % 90) + 10}号`
  } else {
    employer = isTown
      ? `${county}${town.name}人民政府`
      : town.name.endsWith('街道')
        ? `${county}${town.name}办事处`
        : `${town.name}社会事务服务中心`
    address = `${town.name}${streets[0] ?? '人民路'}${(hashString(employer) % 90) + 1}号`
  }
  const placeName = place ? place.name : town.name
  const origin = place ? `${town.name}${place.name}` : isTown ? `${county}${town.name}` : town.name
  const intro = `本岗位为${origin}开发的公益性岗位，优先安置就业困难人员和零就业家庭成员。`
  const duty = template.duty.replace('{place}', template.offeredBy === 'government' ? '辖区' : placeName)
  const localFirst = place
    ? `本${place.name.endsWith('村') ? '村' : '社区'}户籍优先`
    : isTown
      ? '本镇户籍优先'
      : '本地户籍优先'
  const optional = [
    localFirst,
    '持《就业创业证》的就业困难人员优先',
    '责任心强，服从安排',
    ...template.requirements,
  ]
  const requirements = ['法定劳动年龄内', '身体健康', ...rng.sample(optional, rng.int(0, 3))]
  const salaryMin = rng.pick([2300, 2400, 2500])
  const salaryMax = Math.min(3000, salaryMin + rng.pick([200, 300, 400, 500]))
  const body = [duty, ...rng.sample(WELFARE_CLOSINGS, rng.int(0, 2))]
  return {
    title: template.title,
    employer,
    employerIndustry: place
      ? '基层群众自治组织'
      : template.offeredBy === 'elderHome'
        ? '养老服务'
        : '公共管理',
    region: place ? place.code : town.code,
    regionName: place ? `${town.name}·${place.name}` : town.name,
    address,
    category: template.category,
    publicWelfare: true,
    salaryMin,
    salaryMax,
    headcount: headcountIn(rng, template.headcount),
    education: rng.pick(template.education),
    experience: '不限',
    description: [intro, ...body].join(''),
    requirements,
    benefits: ['缴纳社会保险', ...rng.sample(WELFARE_BENEFITS, rng.int(1, 3))],
    ...employerContact(employer, seed),
  }
}

/** `n` distinct publication instants in the `PUBLISH_WINDOW_DAYS` days before `now`, oldest first. */
const publicationTimes = (rng: Rng, now: number, n: number): number[] => {
  const todayStart = Math.floor((now + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS
  const seen = new Set<number>()
  while (seen.size < n) {
    const day = rng.int(0, PUBLISH_WINDOW_DAYS - 1)
    // Office hours, Beijing time: 08:30–17:30.
    const t =
      todayStart - day * DAY_MS + rng.int(8 * 60 + 30, 17 * 60 + 30) * MINUTE_MS + rng.int(0, MINUTE_MS - 1)
    if (t >= now || t <= now - PUBLISH_WINDOW_DAYS * DAY_MS) continue
    const weekday = new Date(t + CST_OFFSET_MS).getUTCDay()
    if ((weekday === 0 || weekday === 6) && rng.chance(0.75)) continue
    seen.add(t)
  }
  return [...seen].sort((a, b) => a - b)
}

/** Whole days of validity; posts like "30/45/60/90 天" are the common choices. */
const validityDays = (rng: Rng, lo: number, hi: number): number => {
  const usual = [30, 45, 60, 90].filter((d) => d >= lo && d <= hi)
  return usual.length > 0 && rng.chance(0.6) ? rng.pick(usual) : rng.int(lo, hi)
}

export const generateDemoJobs = (opts: {
  regions: DemoRegion[]
  now: Date
  count?: number
  seed?: number
}): Job[] => {
  const count = opts.count ?? DEFAULT_COUNT
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0
  const now = opts.now.getTime()
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new RangeError(`generateDemoJobs: count must be an integer from 0 to ${MAX_COUNT}`)
  }
  if (Number.isNaN(now)) throw new RangeError('generateDemoJobs: now is not a valid date')

  const county = opts.regions.find((r) => r.level === 'county')?.name ?? '海安市'
  const towns: Town[] = opts.regions
    .filter((r) => r.level === 'town' && r.code.length === 9)
    .map((t) => ({
      code: t.code,
      name: t.name,
      communities: opts.regions.filter(
        (c) => c.level === 'community' && c.code.length === 12 && c.code.startsWith(t.code),
      ),
    }))
  if (towns.length === 0) throw new Error('generateDemoJobs: the regions contain no towns')
  const townByName = new Map(towns.map((t) => [t.name, t]))
  const employers = EMPLOYERS.filter((e) => townByName.has(e.town))
  const townOf = (e: Employer): Town => townByName.get(e.town) as Town

  const rng = makeRng(seed)
  const welfareCount = Math.round(count * WELFARE_SHARE)
  const ordinaryCount = count - welfareCount

  // Ordinary posts: first one for every category and every town, then by employer.
  const used = new Set<string>()
  const ordinary: Draft[] = []
  const post = (employer: Employer, key: TemplateKey, title: string) => {
    used.add(`${employer.name}|${title}`)
    ordinary.push(ordinaryDraft(rng, employer, key, title, townOf(employer), seed))
  }
  const offers = employers.flatMap((employer) => employer.templates.map((key) => ({ employer, key })))
  const offerWeight = (o: { key: TemplateKey }): number => (TEMPLATES[o.key] as Template).weight ?? 1
  const titleFor = (key: TemplateKey): string => rng.pick(TEMPLATES[key].titles)
  for (const category of Object.keys(JOB_CATEGORIES) as JobCategory[]) {
    const fitting = offers.filter((o) => TEMPLATES[o.key].category === category)
    if (fitting.length > 0 && ordinary.length < ordinaryCount) {
      const { employer, key } = rng.pick(fitting)
      post(employer, key, titleFor(key))
    }
  }
  for (const town of towns) {
    const local = employers.filter((e) => e.town === town.name)
    if (
      local.length > 0 &&
      ordinary.length < ordinaryCount &&
      !ordinary.some((d) => d.region === town.code)
    ) {
      const employer = rng.pick(local)
      const key = rng.pick(employer.templates)
      post(employer, key, titleFor(key))
    }
  }
  while (ordinary.length < ordinaryCount && offers.length > 0) {
    // A repeat of the same employer and title is allowed only when nothing new turns up.
    let offer = rng.weighted(offers, offerWeight)
    let title = titleFor(offer.key)
    for (let attempt = 0; attempt < 25 && used.has(`${offer.employer.name}|${title}`); attempt++) {
      offer = rng.weighted(offers, offerWeight)
      title = titleFor(offer.key)
    }
    post(offer.employer, offer.key, title)
  }

  // Public-welfare posts: towns without employers first, then the county seat weighted up.
  const welfareUsed = new Set<string>()
  const welfare: Draft[] = []
  const welfareTowns = [
    ...towns.filter((t) => !employers.some((e) => e.town === t.name)),
    ...Array.from({ length: Math.max(0, welfareCount + ordinaryCount - ordinary.length) }, () =>
      rng.weighted(towns, (t) => (t.name === COUNTY_SEAT ? 3 : 1)),
    ),
  ]
  for (const town of welfareTowns) {
    if (welfare.length >= welfareCount + ordinaryCount - ordinary.length) break
    welfare.push(welfareDraft(rng, town, county, seed, welfareUsed))
  }

  // Shuffle, then date them: ids follow publication order, hj00001 the oldest.
  const drafts = rng.shuffle([...ordinary, ...welfare])
  const published = publicationTimes(rng, now, drafts.length)
  const ageDays = (i: number) => (now - (published[i] as number)) / DAY_MS
  const expirable = drafts.map((_, i) => i).filter((i) => ageDays(i) > VALIDITY_DAYS.min + 1)
  const expired = new Set(rng.sample(expirable, Math.round(drafts.length * EXPIRED_SHARE)))

  return drafts.map((draft, i): Job => {
    const publishedAt = published[i] as number
    const age = ageDays(i)
    const days = expired.has(i)
      ? validityDays(rng, VALIDITY_DAYS.min, Math.ceil(age) - 1)
      : validityDays(rng, Math.max(VALIDITY_DAYS.min, Math.floor(age) + 1), VALIDITY_DAYS.max)
    return {
      id: `hj${String(i + 1).padStart(5, '0')}`,
      ...draft,
      status: 'published',
      publishedAt: new Date(publishedAt).toISOString(),
      validUntil: new Date(publishedAt + days * DAY_MS).toISOString(),
    }
  })
}
