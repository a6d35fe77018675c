// Page configuration of the admins' audit log.
export default definePageConfig({ navigationBarTitleText: '操作记录' })
