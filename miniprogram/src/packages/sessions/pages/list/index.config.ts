export default definePageConfig({ navigationBarTitleText: '预约服务', enablePullDownRefresh: true })
