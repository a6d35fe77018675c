// Page configuration of the FAQ and canned-reply keeping page.
export default definePageConfig({ navigationBarTitleText: '常见问题与快捷回复' })
