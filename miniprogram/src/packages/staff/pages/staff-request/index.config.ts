export default definePageConfig({ navigationBarTitleText: '工作人员权限申请' })
