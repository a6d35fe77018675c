// Page configuration of the inquiry placeholder page.
export default definePageConfig({ navigationBarTitleText: '业务查询' })
