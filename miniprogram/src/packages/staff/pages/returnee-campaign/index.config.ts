export default definePageConfig({ navigationBarTitleText: '春节返乡统计', enablePullDownRefresh: true })
