// Page configuration of the admin record import page.
export default definePageConfig({ navigationBarTitleText: '数据导入' })
