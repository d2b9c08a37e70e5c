/** Titles as the pages' configs name them (the H5 back bar shows them). */
export const PAGE_TITLES: Record<string, string> = {
  'pages/job-detail/index': '岗位详情',
  'packages/staff/pages/bind-requests/index': '实名核实',
  'packages/staff/pages/staff-request/index': '工作人员权限申请',
  'packages/staff/pages/staff-admin/index': '人员权限',
  'pages/profile/index': '实名信息',
  'pages/apply/index': '在线申请',
  'pages/my-applications/index': '我的申请',
  'pages/application/index': '申请详情',
  'pages/notices/index': '公示公告',
  'pages/inbox/index': '消息',
  'pages/policy/index': '政策详情',
  'pages/policy-notice/index': '政策通知',
  'packages/staff/pages/reviews/index': '审核工作台',
  'packages/staff/pages/review/index': '审核',
  'packages/staff/pages/workbench/index': '跟踪服务工作台',
  'packages/staff/pages/person/index': '人员信息',
  'packages/staff/pages/followup/index': '登记跟踪',
  'packages/staff/pages/short-131/index': '131 缺口名单',
  'packages/staff/pages/cards/index': '援助卡年检',
  'packages/staff/pages/deductions/index': '扣分统计',
  'packages/staff/pages/reports/index': '报表',
  'packages/staff/pages/unenjoyed/index': '应享未享',
  'packages/staff/pages/claims/index': '身份申报确认',
  'packages/staff/pages/policy-admin/index': '政策管理',
  'packages/staff/pages/policy-edit/index': '编辑政策',
  'packages/staff/pages/policy-reach/index': '政策落实情况',
  'packages/staff/pages/employers/index': '用人单位与岗位审核',
  'packages/employer/pages/unit/index': '单位信息',
  'packages/employer/pages/vacancies/index': '岗位管理',
  'packages/employer/pages/vacancy-edit/index': '发布岗位',
  'packages/employer/pages/vacancy/index': '岗位详情',
  'packages/seeker/pages/interests/index': '我的应聘',
  'packages/seeker/pages/returnee/index': '返乡登记',
  'packages/staff/pages/seekers/index': '应聘与岗位推送',
  'packages/staff/pages/welfare-posts/index': '公益性岗位',
  'packages/staff/pages/welfare-post/index': '公益性岗位安置',
  'packages/staff/pages/returnee-campaign/index': '春节返乡统计',
  'packages/sessions/pages/list/index': '预约服务',
  'packages/sessions/pages/session/index': '活动详情',
  'packages/sessions/pages/my-bookings/index': '我的预约',
  'packages/staff/pages/sessions/index': '活动与预约',
  'packages/staff/pages/session-edit/index': '发布活动',
  'packages/staff/pages/session-roll/index': '签到与名单',
  'packages/staff/pages/placement-cases/index': '安置个案',
  'packages/staff/pages/people/index': '居民查找与入户登记',
  'packages/staff/pages/register-person/index': '入户登记',
  'packages/staff/pages/county-settings/index': '县级参数',
  'packages/staff/pages/agreement/index': '就业援助协议',
  'packages/seeker/pages/agreement/index': '我的援助协议',
}

/** Where 返回 goes when the page was opened directly (no page below it): the nearest tab. */
export const backFallbackOf = (path: string): string => {
  if (path.startsWith('packages/')) return '/pages/mine/index'
  if (path.startsWith('pages/policy')) return '/pages/policies/index'
  if (path.startsWith('pages/job-detail')) return '/pages/jobs/index'
  if (path.startsWith('pages/profile') || path.startsWith('pages/inbox')) return '/pages/mine/index'
  return '/pages/services/index'
}
