export default definePageConfig({ navigationBarTitleText: '扣分统计', enablePullDownRefresh: true })
