// Page configuration of the exam session list.
export default definePageConfig({ navigationBarTitleText: '选择考试场次' })
