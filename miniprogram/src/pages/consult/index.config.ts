// Page configuration of the consult placeholder page.
export default definePageConfig({ navigationBarTitleText: '在线咨询' })
