// Page configuration of the consultation page.
export default definePageConfig({ navigationBarTitleText: '在线咨询' })
