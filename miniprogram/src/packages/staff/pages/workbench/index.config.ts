export default definePageConfig({
  navigationBarTitleText: '跟踪服务工作台',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
