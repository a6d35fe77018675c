// Page configuration of the admin workbench.
export default definePageConfig({ navigationBarTitleText: '管理后台' })
