// Page configuration of the exam booking home.
export default definePageConfig({ navigationBarTitleText: '考试预约' })
