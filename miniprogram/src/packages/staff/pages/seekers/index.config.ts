export default definePageConfig({ navigationBarTitleText: '应聘与岗位推送', enablePullDownRefresh: true })
