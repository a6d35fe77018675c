// Page configuration of the admins' view of the claims handed to insurers.
export default definePageConfig({ navigationBarTitleText: '理赔转交' })
