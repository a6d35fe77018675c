// Browser journeys of exam booking: a learner books a first-come seat and cancels it; three
// learners apply to a ranked session, the admin allocates, and the right two are confirmed.

const RANKED_VENUE = '枣庄市车管所科目二演示考场'

/** Completes 17 digits with their GB 11643 check character. */
function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}

// Demo learners of prisma/seed.ts (seedExamDemoData).
const FENG_XUE = { name: '冯雪', idNumber: idNumber('37040219950404444'), phone: '15800000007' }
const RANKED = [
  { name: '钱程', idNumber: idNumber('37040219960505111'), phone: '15800000008', wins: true },
  { name: '吴昊', idNumber: idNumber('37040219970606222'), phone: '15800000009', wins: true },
  { name: '郑爽', idNumber: idNumber('37040219980707333'), phone: '15800000010', wins: false },
]

/** Opens the exam page as a logged-in driver, binding the learner's identity when asked. */
async function openExamAsLearner(on, baseUrl, learner, { visible, fill }) {
  await on.goto(`${baseUrl}/#/pages/exam/index`)
  const ready = visible('#my-bookings', on)
  const form = visible('#identity-form', on)
  await Promise.race([ready.waitFor(), form.waitFor()])
  if (await form.isVisible()) {
    await fill('identity-name', learner.name, on)
    await fill('identity-number', learner.idNumber, on)
    // The browser's stand-in for WeChat's phone-number button: the phone on the learner record.
    await fill('identity-phone', learner.phone, on)
    await visible('#identity-submit', on).click()
    await ready.waitFor()
  }
}

/** Cancels whatever active booking a previous run may have left, so the journey starts clean. */
async function cancelLeftovers(on, { visible }) {
  for (let i = 0; i < 3; i++) {
    const button = on.locator('#my-bookings [id^="cancel-"]:visible').first()
    if (!(await button.count())) return
    await button.click()
    await visible('#cancel-confirm', on).click()
    await on.waitForTimeout(500)
  }
}

export default [
  {
    name: 'a learner books a first-come session and cancels it',
    async run({ page, baseUrl, loginDriver, expect, helpers }) {
      const { visible, expectText } = helpers
      await loginDriver('exam-learner-fengxue')
      await openExamAsLearner(page, baseUrl, FENG_XUE, helpers)
      await cancelLeftovers(page, helpers)
      await visible('#choose-1').click()
      await page.waitForURL(/pages\/exam\/sessions\/index/)
      const card = page.locator('[id^="session-"]:visible', { hasText: '先到先得' }).filter({ hasText: '剩余考位' }).first()
      await card.waitFor()
      const seatsBefore = await card.locator('[id$="-seats"]').innerText()
      await card.locator('[id^="book-"]').click()
      await expectText('#confirm-sheet', /考试前1个工作日/)
      await visible('#book-confirm').click()
      await expectText('#booked', /预约成功/)
      const seatsAfter = await card.locator('[id$="-seats"]').innerText()
      const left = (text) => Number(/剩余考位 (\d+)/.exec(text)?.[1])
      expect(left(seatsAfter) === left(seatsBefore) - 1, `seats went from "${seatsBefore}" to "${seatsAfter}"`)
      await visible('#to-my-bookings').click()
      await page.waitForURL(/pages\/exam\/index/)
      await expectText('#my-bookings', /预约成功/)
      await page.locator('#my-bookings [id^="cancel-"]:visible').first().click()
      await expectText('#my-bookings', /考位将释放/)
      await visible('#cancel-confirm').click()
      await expectText('#my-bookings', /已取消/)
      await expectText('#subject-1', /选择场次/)
    },
  },
  {
    name: 'three learners apply to a ranked session, the admin allocates, the right two are confirmed',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, expect, helpers }) {
      const { visible, expectText } = helpers
      const pages = []
      for (const learner of RANKED) {
        const p = await newPage()
        pages.push(p)
        await loginDriver(p, `exam-learner-${learner.idNumber.slice(-6)}`)
        await openExamAsLearner(p, baseUrl, learner, helpers)
        await visible('#choose-2', p).click()
        await p.waitForURL(/pages\/exam\/sessions\/index/)
        const card = p.locator('[id^="session-"]:visible', { hasText: RANKED_VENUE }).first()
        await card.waitFor()
        await card.locator('[id^="book-"]').click()
        await visible('#book-confirm', p).click()
        await expectText('#booked', /申请已提交.*排第\d+位|排第\d+位/, p)
      }
      await loginStaff('admin')
      await visible('#admin-exams').click()
      await page.waitForURL(/packages\/admin\/exams\/index/)
      const session = page.locator('[id^="admin-session-"]:visible', { hasText: RANKED_VENUE }).filter({ hasText: '待分配' }).first()
      await session.waitFor()
      expect((await session.innerText()).includes('申请 3 人 / 考位 2'), `unexpected counts: ${await session.innerText()}`)
      await session.locator('[id^="allocate-"]').click()
      await page.locator('[id^="admin-session-"]:visible', { hasText: RANKED_VENUE }).filter({ hasText: '已确认 2 / 考位 2' }).first().waitFor()
      for (const [i, learner] of RANKED.entries()) {
        const p = pages[i]
        await p.goto(`${baseUrl}/#/pages/exam/index`)
        await p.reload()
        const row = p.locator('#my-bookings [id^="booking-"]:visible', { hasText: RANKED_VENUE }).first()
        await row.waitFor()
        const text = await row.innerText()
        expect(learner.wins ? text.includes('预约成功') : text.includes('未获安排'), `${learner.name} sees "${text}"`)
        await p.context().close()
      }
    },
  },
]
