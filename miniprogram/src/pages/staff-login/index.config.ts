// Page configuration of the staff login page.
export default definePageConfig({ navigationBarTitleText: '工作人员登录' })
