export default definePageConfig({ navigationBarTitleText: '县级参数' })
