export default definePageConfig({ navigationBarTitleText: '就业援助协议' })
