// Browser journeys of notifications: the seeded demo message is pushed to the (fake) WeChat and
// waits in the message centre, where tapping it marks it read; the admin sees it in the delivery view.
import { createHash } from 'node:crypto'

/** The fake WeChat's openid for a fake-login name (same rule as server/src/wechat/fake/ids.ts). */
function fakeOpenId(name) {
  return `o${createHash('sha256').update(name, 'utf8').digest('base64url').slice(0, 27)}`
}

async function waitFor(check, ms, what) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`timed out waiting for ${what}`)
}

export default [
  {
    name: 'a pushed message shows in the fake WeChat and in the message centre, and can be marked read',
    async run({ page, baseUrl, fakeWechatUrl, loginDriver, expect }) {
      const openid = fakeOpenId('demo')
      await waitFor(
        async () => {
          const res = await fetch(`${fakeWechatUrl}/__inspect/messages?path=/cgi-bin/message/subscribe/send`)
          const { items } = await res.json()
          return items.some((m) => m.errcode === 0 && m.body.touser === openid)
        },
        15_000,
        'the demo message in the fake WeChat',
      )
      await loginDriver('demo')
      await page.goto(`${baseUrl}/#/pages/messages/index`)
      const entry = page.locator('#messages-list .message', { hasText: '预约成功' }).first()
      await entry.waitFor()
      expect((await entry.innerText()).includes('科目一考试预约成功'), `unexpected message: ${await entry.innerText()}`)
      const unread = page.locator('#messages-unread')
      if (await unread.isVisible()) {
        await page.locator('#messages-read-all').click()
        await unread.waitFor({ state: 'detached' })
      }
      expect((await entry.getAttribute('class')).includes('message-read'), 'the message is not shown as read')
      await page.reload()
      await page.locator('#messages-list .message').first().waitFor()
      expect(!(await page.locator('#messages-unread').isVisible()), 'unread count came back after reload')
    },
  },
  {
    name: 'the admin sees deliveries by channel and template in the delivery view',
    async run({ page, loginStaff, expect, helpers: { visible } }) {
      await loginStaff('admin')
      await visible('#admin-delivery').click()
      await page.waitForURL(/packages\/admin\/delivery\/index/)
      await visible('#delivery-chart').waitFor()
      const sent = Number(await visible('#delivery-total-sent').innerText())
      expect(sent >= 1, `sent total is ${sent}`)
      const row = visible('#delivery-row-SUBSCRIBE-exam_booking')
      await row.waitFor()
      expect((await row.innerText()).includes('小程序订阅消息 · 考试预约'), `row says: ${await row.innerText()}`)
      expect((await row.locator('.delivery-bar').count()) >= 1, 'no bar drawn')
    },
  },
]
