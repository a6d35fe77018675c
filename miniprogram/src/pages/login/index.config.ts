// Page configuration of the driver login page.
export default definePageConfig({ navigationBarTitleText: '登录' })
