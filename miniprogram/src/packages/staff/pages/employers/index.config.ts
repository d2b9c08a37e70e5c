export default definePageConfig({ navigationBarTitleText: '用人单位与岗位', enablePullDownRefresh: true })
