export default definePageConfig({ navigationBarTitleText: '应享未享', enablePullDownRefresh: true })
