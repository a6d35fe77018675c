// Page configuration of the agent workbench.
export default definePageConfig({ navigationBarTitleText: '客服工作台' })
