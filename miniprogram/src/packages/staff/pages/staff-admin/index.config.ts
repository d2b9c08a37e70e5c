export default definePageConfig({ navigationBarTitleText: '人员权限', enablePullDownRefresh: true })
