// The public document check (pages/verify): someone without an account opens the link of a
// document's QR code and reads 真实有效 with the masked facts; a mistyped code reads 未找到.
// Phone size (390 × 844); the screenshot is docs/screenshots/verify.png.

const DOCS_SHOT = new URL('../../../docs/screenshots/verify.png', import.meta.url).pathname

/** The code on the document of the demo's confirmed case, as its party 张伟 sees it in the app. */
async function demoDocumentCode(other, loginDriver) {
  await loginDriver(other, 'demo.zhangwei')
  return other.evaluate(async () => {
    const token = JSON.parse(localStorage.getItem('jg.token') || '{}').data
    const get = async (path) => (await fetch(path, { headers: { authorization: `Bearer ${token}` } })).json()
    const list = await get('/api/accidents?pageSize=100')
    const confirmed = list.items.find((c) => c.status === 'CONFIRMED')
    if (!confirmed) return null
    const view = await get(`/api/accidents/${confirmed.id}`)
    return view.document?.verificationCode ?? null
  })
}

export default [
  {
    name: 'the QR link of a confirmed demo case shows 真实有效 with masked facts, without a login; a wrong code shows 未找到',
    async run({ page, newPage, baseUrl, loginDriver, expect, helpers }) {
      const { visible, expectText, fill, textOf } = helpers
      const other = await newPage()
      const code = await demoDocumentCode(other, loginDriver)
      await other.context().close()
      expect(/^[A-Z2-9]{8,10}$/.test(code ?? ''), `no document code for the demo's confirmed case (${code})`)

      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(`${baseUrl}/#/pages/verify/index?code=${code}`)
      await expectText('#verify-verdict', /真实有效/)
      // No login was asked for: the page is still the check page.
      expect(page.url().includes('pages/verify/index'), `navigated to ${page.url()}`)
      const result = await textOf('#verify-result')
      for (const fact of ['道路交通事故自行协商协议书', '张*', '李*', '全部责任', '无责任', '大队']) {
        expect(result.includes(fact), `the result lacks ${fact}: ${result}`)
      }
      expect(/[\u4e00-\u9fa5][A-Z]·\*{3,4}[A-Z0-9]{2}/.test(result), `no masked plate in: ${result}`)
      expect(!result.includes('张伟') && !result.includes('李娜'), `a full name shows: ${result}`)
      await page.screenshot({ path: DOCS_SHOT })

      await fill('verify-code', 'ABCD-EFGH-JK')
      await visible('#verify-submit').click()
      await expectText('#verify-verdict', /未找到/)
      await fill('verify-code', 'ABC')
      await visible('#verify-submit').click()
      await expectText('#verify-error', /10位字母和数字/)
    },
  },
]
