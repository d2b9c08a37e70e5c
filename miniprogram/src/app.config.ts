import { TAB_COLOR, TAB_SELECTED_COLOR, TABS, tabIconPath } from './utils/tabs'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/policies/index',
    'pages/jobs/index',
    'pages/services/index',
    'pages/mine/index',
    'pages/job-detail/index',
    'pages/profile/index',
    'pages/apply/index',
    'pages/my-applications/index',
    'pages/application/index',
    'pages/notices/index',
    'pages/inbox/index',
    'pages/policy/index',
    'pages/policy-notice/index',
  ],
  // Staff pages live in a subpackage so residents never download them and the main package stays small.
  subPackages: [
    {
      root: 'packages/staff',
      pages: [
        'pages/reviews/index',
        'pages/review/index',
        'pages/workbench/index',
        'pages/person/index',
        'pages/followup/index',
        'pages/short-131/index',
        'pages/cards/index',
        'pages/deductions/index',
        'pages/reports/index',
        'pages/unenjoyed/index',
        'pages/claims/index',
        'pages/bind-requests/index',
        'pages/policy-admin/index',
        'pages/policy-edit/index',
        'pages/policy-reach/index',
        'pages/employers/index',
        'pages/seekers/index',
        'pages/welfare-posts/index',
        'pages/welfare-post/index',
        'pages/returnee-campaign/index',
        'pages/sessions/index',
        'pages/session-edit/index',
        'pages/session-roll/index',
        'pages/placement-cases/index',
        'pages/people/index',
        'pages/register-person/index',
        'pages/county-settings/index',
        'pages/agreement/index',
        'pages/staff-request/index',
        'pages/staff-admin/index',
      ],
    },
    {
      // Employers' pages: only units download them.
      root: 'packages/employer',
      pages: ['pages/unit/index', 'pages/vacancies/index', 'pages/vacancy-edit/index', 'pages/vacancy/index'],
    },
    {
      // A job seeker's own pages: 我的应聘 and 返乡登记.
      root: 'packages/seeker',
      pages: ['pages/interests/index', 'pages/returnee/index', 'pages/agreement/index'],
    },
    {
      // Booking guidance sessions: the list, a session, 我的预约.
      root: 'packages/sessions',
      pages: ['pages/list/index', 'pages/session/index', 'pages/my-bookings/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '海安就业服务',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    // WeChat draws our own tab bar (src/custom-tab-bar), which follows 大字模式; its native one
    // has a fixed font size. H5 keeps Taro's tab bar, which the large-text class reaches.
    custom: process.env.TARO_ENV === 'weapp',
    color: TAB_COLOR,
    selectedColor: TAB_SELECTED_COLOR,
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TABS.map((t) => ({
      pagePath: t.pagePath,
      text: t.text,
      iconPath: tabIconPath(t.icon, false),
      selectedIconPath: tabIconPath(t.icon, true),
    })),
  },
})
