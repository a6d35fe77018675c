// Page configuration of the officer's case review.
export default definePageConfig({ navigationBarTitleText: '事故审核' })
