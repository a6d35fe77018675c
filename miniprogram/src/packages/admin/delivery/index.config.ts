// Page configuration of the admins' message delivery view.
export default definePageConfig({ navigationBarTitleText: '消息送达' })
