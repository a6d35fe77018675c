// Page configuration of the officer workbench.
export default definePageConfig({ navigationBarTitleText: '民警工作台' })
