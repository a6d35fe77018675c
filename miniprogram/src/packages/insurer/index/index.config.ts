// Page configuration of the insurer console's claims list.
export default definePageConfig({ navigationBarTitleText: '理赔工作台' })
