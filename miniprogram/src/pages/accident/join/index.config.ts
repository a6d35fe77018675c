// Page configuration of joining the other party's accident.
export default definePageConfig({ navigationBarTitleText: '加入对方事故' })
