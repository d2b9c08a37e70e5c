export default definePageConfig({
  navigationBarTitleText: '我的申请',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
