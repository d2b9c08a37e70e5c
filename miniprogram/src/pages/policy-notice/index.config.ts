export default definePageConfig({ navigationBarTitleText: '政策通知' })
