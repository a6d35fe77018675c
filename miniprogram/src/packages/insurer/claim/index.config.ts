// Page configuration of the insurer console's claim detail.
export default definePageConfig({ navigationBarTitleText: '理赔详情' })
