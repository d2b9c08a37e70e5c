export default definePageConfig({ navigationBarTitleText: '政策落实情况', enablePullDownRefresh: true })
