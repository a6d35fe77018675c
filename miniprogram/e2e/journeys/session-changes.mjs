// Browser journeys of session changes: the admin publishes a session, a learner books it, the admin
// cancels it from the exam plan (a reason is required, a confirm dialog first), the calendar shows
// it struck through, and the learner reads why on the exam page and in the message centre, with
// the subject bookable again. Screenshots: the admin page at 1280 px, the learner's at 375 px.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts')
const VENUE = '枣庄市车管所科目一考场（调整演示）'
const REASON = '考场设备检修'

/** Completes 17 digits with their GB 11643 check character. */
function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}
// A demo learner of prisma/seed.ts who may book 科目一.
const FENG_XUE = { name: '冯雪', idNumber: idNumber('37040219950404444'), phone: '15800000007' }

/** A call to the API with the page's own token. */
function api(page, method, url, body) {
  return page.evaluate(
    async ([m, u, b]) => {
      const token = JSON.parse(localStorage.getItem('jg.token')).data
      const res = await fetch(u, { method: m, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: b ? JSON.stringify(b) : undefined })
      return { status: res.status, body: await res.json() }
    },
    [method, url, body],
  )
}

export default [
  {
    name: 'an admin cancels a session with a reason and the learner sees why',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, expect, helpers }) {
      const { visible, expectText, fill } = helpers
      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff('admin')
      const day = 86_400_000
      const startsAt = new Date(Math.ceil((Date.now() + 15 * day) / 3_600_000) * 3_600_000)
      const published = await api(page, 'POST', '/api/admin/exam-sessions', {
        subject: 1,
        licenceClass: 'C1',
        venue: VENUE,
        startsAt: startsAt.toISOString(),
        capacity: 20,
        bookingOpensAt: new Date(Date.now() - 60_000).toISOString(),
        bookingClosesAt: new Date(startsAt.getTime() - 3 * day).toISOString(),
        allocation: 'FIRST_COME',
      })
      expect(published.status === 201, `publish answered ${published.status}: ${JSON.stringify(published.body)}`)
      const sessionId = published.body.id

      // The learner books it (any booking of 科目一 a previous run left is cancelled first).
      const learner = await newPage()
      await loginDriver(learner, 'exam-learner-fengxue')
      await learner.goto(`${baseUrl}/#/pages/exam/index`)
      const ready = visible('#my-bookings', learner)
      const form = visible('#identity-form', learner)
      await Promise.race([ready.waitFor(), form.waitFor()])
      if (await form.isVisible()) {
        await fill('identity-name', FENG_XUE.name, learner)
        await fill('identity-number', FENG_XUE.idNumber, learner)
        await fill('identity-phone', FENG_XUE.phone, learner)
        await visible('#identity-submit', learner).click()
        await ready.waitFor()
      }
      const mine = await api(learner, 'GET', '/api/exam/bookings?pageSize=50')
      for (const b of mine.body.items.filter((x) => x.subject === 1 && ['PENDING', 'CONFIRMED'].includes(x.status))) await api(learner, 'DELETE', `/api/exam/bookings/${b.id}`)
      const booked = await api(learner, 'POST', '/api/exam/bookings', { sessionId })
      expect(booked.status === 201, `booking answered ${booked.status}: ${JSON.stringify(booked.body)}`)

      // The admin cancels it from the exam plan.
      await page.goto(`${baseUrl}/#/packages/admin/exams/index`)
      const card = visible(`#admin-session-${sessionId}`)
      await card.waitFor()
      await visible(`#cancel-session-${sessionId}`).click()
      await expectText('#cancel-session-dialog .jg-dialog', /1 名学员的预约将被取消/)
      await visible('#cancel-session-confirm').click()
      await expectText('#cancel-session-error', /请填写取消原因/)
      await visible('#cancel-session-reason textarea').fill(REASON)
      await visible('#cancel-session-confirm').click()
      await expectText(`#admin-session-${sessionId}-cancelled`, new RegExp(`已取消.*${REASON}`))
      await expectText('#admin-exams-notice', /已通知预约的学员/)
      expect((await visible(`#cancel-session-${sessionId}`).count()) === 0, 'a cancelled session still offers 取消场次')

      // The calendar shows it, struck through, in its month and for its venue.
      const monthsAhead = (() => {
        const shanghai = (d) => new Date(d.getTime() + 8 * 3_600_000)
        const a = shanghai(new Date())
        const b = shanghai(startsAt)
        return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth()
      })()
      for (let i = 0; i < monthsAhead; i++) await visible('#cal-next').click()
      const venueChip = page.locator('#session-calendar [id^="cal-venue-"]:visible', { hasText: VENUE }).first()
      await venueChip.click()
      await expectText(`#cal-session-${sessionId}`, /已取消/)
      const chipClass = await visible(`#cal-session-${sessionId}`).getAttribute('class')
      expect(chipClass.includes('cal-chip-cancelled'), `calendar chip class: ${chipClass}`)
      await visible('#session-calendar').scrollIntoViewIfNeeded()
      await page.screenshot({ path: path.join(artifacts, 'session-changes-admin-1280.png'), fullPage: true })

      // The learner reads why, and may book 科目一 again at once.
      await learner.goto(`${baseUrl}/#/pages/exam/index`)
      await learner.reload()
      await expectText(`#booking-${booked.body.id}-office`, new RegExp(`考场取消：${REASON}。本次不计入预约次数，请重新预约`), learner)
      await expectText(`#booking-${booked.body.id}-status`, /考场取消/, learner)
      await expectText('#subject-1', /选择场次/, learner)
      await learner.screenshot({ path: path.join(artifacts, 'session-changes-learner-375.png'), fullPage: true })
      const sessions = await api(learner, 'GET', '/api/exam/sessions?subject=1&pageSize=100')
      expect(!sessions.body.items.some((s) => s.id === sessionId), 'the cancelled session is still in the learners’ list')
      await learner.goto(`${baseUrl}/#/pages/messages/index`)
      await expectText('#messages-list [id^="message-"]', new RegExp(`考场取消：${REASON}`), learner)
      await learner.context().close()
    },
  },
  {
    name: 'an agent adds an FAQ answer and a driver typing a question is offered it',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, helpers }) {
      const { visible, expectText, fill } = helpers
      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff('agent1')
      await visible('#agent-faq-link').click()
      await page.waitForURL(/packages\/agent\/faq\/index/)
      const marker = `补办学习驾驶证明${Date.now() % 100_000}`
      await visible('#faq-new').click()
      await visible('#chip-exam').click()
      await fill('faq-question', `${marker}怎么办理？`)
      await visible('#faq-answer textarea').fill('学习驾驶证明遗失的，可持身份证到任一车管所窗口补办，当场打印。')
      await fill('faq-keywords', `${marker},遗失`)
      await visible('#faq-dialog-save').click()
      await expectText('[id^="faq-"].jg-card', new RegExp(`${marker}怎么办理`))
      await page.screenshot({ path: path.join(artifacts, 'session-changes-faq-1280.png'), fullPage: true })

      const driver = await newPage()
      await loginDriver(driver)
      await driver.goto(`${baseUrl}/#/pages/consult/index`)
      await visible('#category-exam', driver).click()
      await visible('#consult-content textarea', driver).fill(`请问${marker}要带什么？`)
      await expectText('#faq-suggestions', new RegExp(marker), driver)
      await driver.context().close()
    },
  },
]
