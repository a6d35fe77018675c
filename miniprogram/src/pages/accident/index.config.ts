// Page configuration of the accident placeholder page.
export default definePageConfig({ navigationBarTitleText: '事故快处' })
