export default definePageConfig({
  navigationBarTitleText: '海安就业服务',
  enablePullDownRefresh: true,
})
