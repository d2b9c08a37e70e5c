export default definePageConfig({
  navigationBarTitleText: '援助卡年检',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
