// Page configuration of the accident report flow.
export default definePageConfig({ navigationBarTitleText: '事故快处' })
