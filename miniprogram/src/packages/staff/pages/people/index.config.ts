export default definePageConfig({ navigationBarTitleText: '居民查找与入户登记' })
