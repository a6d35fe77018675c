// Browser journeys that bring a driver back to open work: 首页's card for a case in progress
// opens that case; a login asked for mid-task comes back to the page; the exam sessions are
// grouped by day and the one already booked says 已预约. Phone size.

/** Calls the API as the driver logged in on this page (the app keeps the token in localStorage). */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = JSON.parse(localStorage.getItem('jg.token') || '{}').data
      const res = await fetch(path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body ? JSON.stringify(body) : undefined })
      return { status: res.status, body: await res.json().catch(() => null) }
    },
    { method, path, body },
  )
}

const SAFE = { injuries: false, vehiclesDrivable: true, licencesValid: true, insured: true, impaired: false }

/** Completes 17 digits with their GB 11643 check character. */
function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}
// A demo learner of prisma/seed.ts (C1, 科目一 not passed), not used by the other journeys.
const SUN_LEI = { name: '孙磊', idNumber: idNumber('37040520030402505'), phone: '13500000005' }
const shot = (name) => new URL(`../artifacts/${name}.png`, import.meta.url).pathname

export default [
  {
    name: '首页 shows the case in progress and its card opens the case',
    async run({ page, baseUrl, loginDriver, expect, helpers }) {
      const { visible, expectText } = helpers
      await page.setViewportSize({ width: 375, height: 740 })
      await loginDriver()
      const created = await api(page, 'POST', '/api/accidents', {
        occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        location: { address: '枣庄市市中区光明大道与青檀路路口' },
        unit: 'shizhong',
        vehicleCount: 2,
        eligibility: SAFE,
      })
      expect(created.status === 201, `reporting answered ${created.status} ${JSON.stringify(created.body)}`)
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await page.reload()
      await expectText('#work-case', new RegExp(created.body.statusText))
      await expectText('#work-case', new RegExp(created.body.caseNumber))
      await page.screenshot({ path: shot('driver-home-card') })
      await visible('#work-case').click()
      await page.waitForURL(new RegExp(`pages/accident/detail/index\\?id=${created.body.id}`))
    },
  },
  {
    name: 'a login asked for on the exam page comes back to the exam page',
    async run({ page, baseUrl, helpers }) {
      const { visible, fill } = helpers
      await page.setViewportSize({ width: 375, height: 740 })
      await page.goto(`${baseUrl}/#/pages/exam/index`)
      await visible('#exam-login').click()
      await page.waitForURL(/pages\/login\/index\?redirect=/)
      await fill('fake-name', `e2e-back-${Math.random().toString(36).slice(2, 8)}`)
      await visible('#fake-login').click()
      await page.waitForURL(/pages\/exam\/index/)
      // Logged in now: the exam page asks for the identity instead of a login.
      await visible('#exam-unbound').waitFor()
    },
  },
  {
    name: 'the exam sessions come grouped by day, and the session booked says 已预约',
    async run({ page, baseUrl, loginDriver, expect, helpers }) {
      const { visible, fill } = helpers
      await page.setViewportSize({ width: 375, height: 740 })
      await loginDriver('e2e-home-sunlei')
      await page.goto(`${baseUrl}/#/pages/exam/index`)
      const ready = visible('#my-bookings')
      const form = visible('#identity-form')
      await Promise.race([ready.waitFor(), form.waitFor()])
      if (await form.isVisible()) {
        await fill('identity-name', SUN_LEI.name)
        await fill('identity-number', SUN_LEI.idNumber)
        await fill('identity-phone', SUN_LEI.phone)
        await visible('#identity-submit').click()
        await ready.waitFor()
      }
      const sessions = await api(page, 'GET', '/api/exam/sessions?subject=1&licenceClass=C1')
      const open = sessions.body.items.find((s) => s.bookingOpen && s.allocation === 'FIRST_COME' && (s.remaining ?? 0) > 0)
      expect(open, 'no open first-come 科目一 session in the demo data')
      const mine = await api(page, 'GET', '/api/exam/bookings')
      if (!mine.body.items.some((b) => b.sessionId === open.id && ['CONFIRMED', 'PENDING'].includes(b.status))) {
        const booked = await api(page, 'POST', '/api/exam/bookings', { sessionId: open.id })
        expect(booked.status === 201, `booking answered ${booked.status} ${JSON.stringify(booked.body)}`)
      }
      // Once booked, 科目一 offers no 选择场次: opened by its address, the page reads the class itself.
      await page.goto(`${baseUrl}/#/pages/exam/sessions/index?subject=1`)
      const card = visible(`#session-${open.id}`)
      await card.waitFor()
      expect((await card.innerText()).includes('已预约'), 'the booked session does not say 已预约')
      expect((await page.locator(`#book-${open.id}:visible`).count()) === 0, 'the booked session still offers 预约')
      // The card sits under its day's heading.
      const heading = await page.locator('[id^="day-"]:visible', { has: page.locator(`#session-${open.id}`) }).locator('.exam-day').innerText()
      expect(/^\d{1,2}月\d{1,2}日（周[一二三四五六日]）$/.test(heading), `day heading "${heading}"`)
      // Only the learner's class is listed.
      const cards = await page.locator('[id^="day-"]:visible [id^="session-"]:not([id$="-seats"])').allInnerTexts()
      expect(cards.length > 0 && cards.every((t) => /· C1 ·/.test(t)), `sessions of other classes listed: ${cards.join(' | ')}`)
      await page.screenshot({ path: shot('driver-exam-sessions'), fullPage: true })
      // 我的 and 首页 as the learner sees them.
      await page.goto(`${baseUrl}/#/pages/me/index`)
      await visible('#me-about').waitFor()
      // The h5 page transition slides the new page in: let it settle before the picture.
      await page.waitForTimeout(800)
      await page.screenshot({ path: shot('driver-me'), fullPage: true })
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await page.reload()
      await visible('#work-booking').waitFor()
      await page.screenshot({ path: shot('driver-home'), fullPage: true })
    },
  },
]
