export default definePageConfig({ navigationBarTitleText: '身份申报确认', enablePullDownRefresh: true })
