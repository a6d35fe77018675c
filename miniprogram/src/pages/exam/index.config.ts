// Page configuration of the exam placeholder page.
export default definePageConfig({ navigationBarTitleText: '考试预约' })
