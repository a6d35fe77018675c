// Page configuration of an accident case.
export default definePageConfig({ navigationBarTitleText: '事故处理' })
