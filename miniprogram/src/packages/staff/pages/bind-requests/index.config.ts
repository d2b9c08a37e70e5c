export default definePageConfig({ navigationBarTitleText: '实名核实', enablePullDownRefresh: true })
