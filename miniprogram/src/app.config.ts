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
        'pages/unenjoyed/index',
        'pages/claims/index',
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
      pages: ['pages/interests/index', 'pages/returnee/index'],
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
    color: '#8a9099',
    selectedColor: '#d4380d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/policies/index',
        text: '政策',
        iconPath: 'assets/tabbar/policies.png',
        selectedIconPath: 'assets/tabbar/policies-active.png',
      },
      {
        pagePath: 'pages/jobs/index',
        text: '岗位',
        iconPath: 'assets/tabbar/jobs.png',
        selectedIconPath: 'assets/tabbar/jobs-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
})
