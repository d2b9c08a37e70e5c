export default definePageConfig({ navigationBarTitleText: '人员信息', enablePullDownRefresh: true })
