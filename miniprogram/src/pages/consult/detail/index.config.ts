// Page configuration of one consultation's conversation.
export default definePageConfig({ navigationBarTitleText: '咨询详情' })
