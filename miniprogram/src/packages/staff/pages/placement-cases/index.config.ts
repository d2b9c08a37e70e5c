export default definePageConfig({ navigationBarTitleText: '安置个案', enablePullDownRefresh: true })
