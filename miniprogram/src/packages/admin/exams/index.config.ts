// Page configuration of the admin exam plan.
export default definePageConfig({ navigationBarTitleText: '考试计划' })
