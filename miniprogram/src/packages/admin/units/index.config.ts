export default definePageConfig({ navigationBarTitleText: '大队设置' })
