export default definePageConfig({ navigationBarTitleText: '我的援助协议', enablePullDownRefresh: true })
