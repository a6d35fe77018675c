// Page configuration of the home page.
export default definePageConfig({ navigationBarTitleText: '交管服务' })
