// Page configuration of the statistics (admins and officers).
export default definePageConfig({ navigationBarTitleText: '统计报表' })
