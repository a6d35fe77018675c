// Page configuration of the public document check.
export default definePageConfig({ navigationBarTitleText: '文书真伪查验' })
