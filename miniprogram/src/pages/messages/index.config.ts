// Page configuration of the message centre.
export default definePageConfig({ navigationBarTitleText: '消息' })
