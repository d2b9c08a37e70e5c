export default definePageConfig({ navigationBarTitleText: '登记跟踪' })
