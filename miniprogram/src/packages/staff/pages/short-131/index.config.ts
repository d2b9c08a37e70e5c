export default definePageConfig({
  navigationBarTitleText: '131 缺口名单',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
