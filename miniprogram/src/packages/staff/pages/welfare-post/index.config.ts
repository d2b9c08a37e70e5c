export default definePageConfig({ navigationBarTitleText: '公益性岗位安置', enablePullDownRefresh: true })
