export default definePageConfig({ navigationBarTitleText: '活动与预约', enablePullDownRefresh: true })
