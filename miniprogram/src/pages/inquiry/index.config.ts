// Page configuration of the inquiry page.
export default definePageConfig({ navigationBarTitleText: '业务查询' })
