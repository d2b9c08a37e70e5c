import { API_ROUTES, routeKey } from '../../shared/api/routes'
import { regionCodeSchema } from '../../shared/regions/region-code'
import {
  labourForceSchema,
  monthSchema,
  quarterSchema,
  ROSTER_KINDS,
  type RosterKind,
  ratingDecisionSchema,
  reportSettingsSchema,
  XLSX_TYPE,
  yearSchema,
} from '../../shared/reports/report'
import { z } from '../../shared/validation'
import { annualScore, roster } from '../contexts/reports/annual-score'
import { communityRating, decideCommunityRating } from '../contexts/reports/community-rating'
import { dispatchReport } from '../contexts/reports/dispatch'
import { auditExport, quarterlyReport, scopeAudited } from '../contexts/reports/quarterly'
import { getReportSettings, setReportSettings } from '../contexts/reports/settings'
import { reportTrends } from '../contexts/reports/trends'
import { setLabourForce, unemploymentRate } from '../contexts/reports/unemployment-rate'
import {
  beijingTime,
  workbookBytes,
  writeQuarterlyWorkbook,
  writeRosterWorkbook,
} from '../contexts/reports/workbook'
import { cloudbaseMain } from '../runtime/cloudbase'
import { fileReply, httpFunction, route } from '../runtime/http'

const STAFF = ['coordinator', 'street', 'county'] as const
const format = z.enum(['json', 'xlsx'], { error: 'format 只能是 json 或 xlsx' }).default('json')
const region = regionCodeSchema.optional()

const fn = httpFunction({
  [routeKey(API_ROUTES.quarterlyReport)]: route({
    access: STAFF,
    query: z.object({ region, quarter: quarterSchema, format }).strict(),
    handle: async ({ deps, identity, query }) => {
      const scope = await scopeAudited(deps, identity!, query.region, 'quarterly')
      const report = await quarterlyReport(deps, scope, query.quarter)
      if (query.format === 'json') return report
      const bytes = await workbookBytes((out) => writeQuarterlyWorkbook(report, out))
      await auditExport(deps, identity!, 'quarterly', scope, query.quarter, report.details.length)
      return fileReply(
        bytes,
        XLSX_TYPE,
        `服务重点群体情况一览表_${report.regionName ?? scope}_${query.quarter}.xlsx`,
      )
    },
  }),
  [routeKey(API_ROUTES.unemploymentRate)]: route({
    access: STAFF,
    query: z.object({ region, month: monthSchema.optional() }).strict(),
    handle: ({ deps, identity, query }) => unemploymentRate(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.setLabourForce)]: route({
    access: STAFF,
    body: labourForceSchema,
    handle: ({ deps, identity, body }) => setLabourForce(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.communityRating)]: route({
    access: STAFF,
    query: z.object({ community: regionCodeSchema.optional(), year: yearSchema.optional() }).strict(),
    handle: ({ deps, identity, query }) => communityRating(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.decideCommunityRating)]: route({
    // Any staff reaches the use case, which refuses all but the county and audits the refusal.
    access: STAFF,
    body: ratingDecisionSchema,
    handle: ({ deps, identity, body }) => decideCommunityRating(deps, identity!, body),
  }),
  [routeKey(API_ROUTES.dispatchReport)]: route({
    access: STAFF,
    query: z.object({ region, month: monthSchema.optional(), quarter: quarterSchema.optional() }).strict(),
    handle: ({ deps, identity, query }) => dispatchReport(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.annualScore)]: route({
    access: STAFF,
    query: z.object({ region, year: yearSchema.optional() }).strict(),
    handle: ({ deps, identity, query }) => annualScore(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.roster)]: route({
    access: STAFF,
    query: z
      .object({
        region,
        kind: z.enum(Object.keys(ROSTER_KINDS) as [RosterKind, ...RosterKind[]], {
          error: 'kind 只能是 registered_unemployed（登记失业人员）或 assistance_targets（就业援助对象）',
        }),
        format,
      })
      .strict(),
    handle: async ({ deps, identity, query }) => {
      const list = await roster(deps, identity!, query)
      if (query.format === 'json') return list
      const bytes = await workbookBytes((out) =>
        writeRosterWorkbook(out, {
          title: list.title,
          unit: list.regionName ?? list.region,
          stamp: `生成时间：${beijingTime(list.computedAt)}`,
          headers: [
            '序号',
            '姓名',
            '身份证号',
            '性别',
            '所在社区',
            '联系电话',
            '列入原因',
            '人员类别',
            '就业状态',
            '认定/登记日期',
            '就业失业登记证号',
          ],
          widths: [6, 10, 21, 6, 22, 14, 24, 28, 20, 14, 18],
          rows: list.rows.map((r, i) => [
            i + 1,
            r.name,
            r.idNumberMasked,
            r.gender,
            r.community ?? '',
            r.phoneMasked,
            r.listedFor,
            r.groups,
            r.employmentStatus,
            r.since,
            r.certificateNo,
          ]),
        }),
      )
      await auditExport(
        deps,
        identity!,
        `roster.${query.kind}`,
        list.region,
        list.computedAt.slice(0, 10),
        list.rows.length,
      )
      return fileReply(bytes, XLSX_TYPE, `${list.title}_${list.regionName ?? list.region}.xlsx`)
    },
  }),
  [routeKey(API_ROUTES.reportTrends)]: route({
    access: STAFF,
    query: z.object({ region, month: monthSchema.optional() }).strict(),
    handle: ({ deps, identity, query }) => reportTrends(deps, identity!, query),
  }),
  [routeKey(API_ROUTES.getReportSettings)]: route({
    access: STAFF,
    handle: ({ deps, identity }) => getReportSettings(deps, identity!),
  }),
  [routeKey(API_ROUTES.setReportSettings)]: route({
    access: ['county'],
    body: reportSettingsSchema,
    handle: ({ deps, identity, body }) => setReportSettings(deps, identity!, body),
  }),
})

export const handler = fn.handler
export const routes = fn.routes
export const main = cloudbaseMain('reports', fn.handler)
