import { API_ROUTES, type ApiRoute } from '../shared/api/routes'
import type { RouteTable } from './runtime/http'
import type { ScheduledJob } from './runtime/scheduled'

/**
 * Every deployable function, in one place.
 *
 * The local host serves from this list; serverless.yml and infra/cloudbase/cloudbaserc.json
 * must agree with it (tests/unit/deploy-config.test.ts checks, `npm run gen:deploy` rewrites).
 * Each entry module exports `handler` (API gateway / scheduler event) and `main` (CloudBase).
 */
export interface FunctionSpec {
  /** Deployable name, kebab-case; also the CloudBase function name the app calls. */
  name: string
  /** Entry module, from the repository root. */
  entry: string
  routes: ApiRoute[]
  /** Scheduled functions: a 5-field cron in Asia/Shanghai time. */
  schedule?: { cron: string; description: string }
  timeoutSeconds: number
  memoryMb: number
  /** Load the entry module (the local host and tests serve it in-process). */
  load: () => Promise<EntryModule>
}

export interface EntryModule {
  handler: (event: never, context?: never) => Promise<unknown>
  main: (event: never, context?: never) => Promise<unknown>
  routes?: RouteTable
  job?: ScheduledJob
}

const routesOf = (fn: string): ApiRoute[] => Object.values(API_ROUTES).filter((r) => r.fn === fn)

const http = (name: string, load: FunctionSpec['load']): FunctionSpec => ({
  name,
  entry: `functions/${name}/index.ts`,
  routes: routesOf(name),
  timeoutSeconds: 10,
  memoryMb: 256,
  load,
})

export const SCHEDULE_TIMEZONE = 'Asia/Shanghai'

export const FUNCTIONS: FunctionSpec[] = [
  http('health', () => import('./health/index')),
  http('auth', () => import('./auth/index')),
  http('jobs', () => import('./jobs/index')),
  http('regions', () => import('./regions/index')),
  http('people', () => import('./people/index')),
  http('applications', () => import('./applications/index')),
  http('inbox', () => import('./inbox/index')),
  http('cards', () => import('./cards/index')),
  http('files', () => import('./files/index')),
  http('followups', () => import('./followups/index')),
  http('placement', () => import('./placement/index')),
  http('policies', () => import('./policies/index')),
  http('employers', () => import('./employers/index')),
  http('seekers', () => import('./seekers/index')),
  http('sessions', () => import('./sessions/index')),
  http('reports', () => import('./reports/index')),
  {
    name: 'audit-seal',
    entry: 'functions/audit-seal/index.ts',
    routes: [],
    schedule: { cron: '*/10 * * * *', description: '每 10 分钟为审计日志加链式校验（防篡改）' },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./audit-seal/index'),
  },
  {
    name: 'housekeeping',
    entry: 'functions/housekeeping/index.ts',
    routes: [],
    schedule: {
      cron: '40 3 * * *',
      description: '每天 03:40 清理孤立文件、过期限流计数与验证码，按保存期限清理审计日志',
    },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./housekeeping/index'),
  },
  {
    name: 'jobs-expire',
    entry: 'functions/jobs-expire/index.ts',
    routes: [],
    schedule: { cron: '30 1 * * *', description: '每天 01:30 下架已过有效期的岗位' },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./jobs-expire/index'),
  },
  {
    name: 'public-notice-close',
    entry: 'functions/public-notice-close/index.ts',
    routes: [],
    // Notices end at the close of their fifth working day (Asia/Shanghai); move them on just after.
    schedule: { cron: '10 0 * * *', description: '每天 00:10 结束期满的公示，转入街道/镇复核' },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./public-notice-close/index'),
  },
  {
    name: 'followup-monthly',
    entry: 'functions/followup-monthly/index.ts',
    routes: [],
    schedule: {
      cron: '0,10,20,30,40,50 9 1-10 * *',
      description: '每月第一个工作日 09:00 起生成本月跟踪任务并发送待办摘要（每 10 分钟续跑直至完成）',
    },
    timeoutSeconds: 60,
    memoryMb: 512,
    load: () => import('./followup-monthly/index'),
  },
  {
    name: 'followup-close',
    entry: 'functions/followup-close/index.ts',
    routes: [],
    schedule: { cron: '30 0 1 * *', description: '每月 1 日 00:30 关闭上月跟踪任务，未跟踪的记为逾期并扣分' },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./followup-close/index'),
  },
  {
    name: 'zero-employment-watch',
    entry: 'functions/zero-employment-watch/index.ts',
    routes: [],
    // Hourly, so a 24-hour deadline is escalated within the hour it is missed.
    schedule: {
      cron: '5 * * * *',
      description: '每小时检查零就业家庭与 72 小时承诺个案，逾期逐级升级；月末报告未清零家庭',
    },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./zero-employment-watch/index'),
  },
  {
    name: 'job-push',
    entry: 'functions/job-push/index.ts',
    routes: [],
    schedule: {
      cron: '0,10,20,30,40,50 10 * * *',
      description:
        '每天 10:00 起向求职者推送新匹配的岗位（每人每天、每周有上限，不重复；每 10 分钟续跑直至完成）',
    },
    timeoutSeconds: 60,
    memoryMb: 512,
    load: () => import('./job-push/index'),
  },
  {
    name: 'session-reminder',
    entry: 'functions/session-reminder/index.ts',
    routes: [],
    schedule: {
      cron: '*/15 * * * *',
      description:
        '每 15 分钟：活动前一天 18:00 起、开始前 2 小时各提醒一次预约人；活动结束 2 小时后标记未到场',
    },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./session-reminder/index'),
  },
  {
    name: 'policy-match',
    entry: 'functions/policy-match/index.ts',
    routes: [],
    schedule: {
      cron: '0,15,30,45 8-21 * * *',
      description:
        '白天每 15 分钟：新发布或修改的政策、政策通知推送给符合条件的居民，重新评估信息有变化的居民；季度结束后列出应享未享的扣分候选',
    },
    timeoutSeconds: 60,
    memoryMb: 512,
    load: () => import('./policy-match/index'),
  },
  {
    name: 'card-inspection-reminder',
    entry: 'functions/card-inspection-reminder/index.ts',
    routes: [],
    schedule: {
      cron: '0 9 1-10 1 *',
      description: '每年 1 月第一个工作日 09:00 提醒协理员开展就业援助卡年检',
    },
    timeoutSeconds: 60,
    memoryMb: 256,
    load: () => import('./card-inspection-reminder/index'),
  },
  {
    name: 'report-quarterly',
    entry: 'functions/report-quarterly/index.ts',
    routes: [],
    // The job itself checks the day: only the first working day after a quarter does anything.
    schedule: {
      cron: '0 7 1-10 1,4,7,10 *',
      description: '季度结束后第一个工作日 07:00 锁定上季度一览表、明细表并通知街道/镇和县级',
    },
    timeoutSeconds: 60,
    memoryMb: 1024,
    load: () => import('./report-quarterly/index'),
  },
]

export const scheduledFunctions = (): FunctionSpec[] => FUNCTIONS.filter((f) => f.schedule)
