// Page configuration of the "me" page.
export default definePageConfig({ navigationBarTitleText: '我的' })
