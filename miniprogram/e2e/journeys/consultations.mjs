// Browser journey of consultations: a driver asks, the agent claims and replies, the driver sees the
// reply, the agent closes the question and the driver rates it.

/** Types into a Taro Textarea on the given page. */
async function fillText(on, id, value) {
  const area = on.locator(`#${id} textarea`).first()
  await area.waitFor()
  await area.fill(value)
}

export default [
  {
    name: 'a driver asks, an agent claims and replies, the driver sees the reply and rates it',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, expect, helpers }) {
      const { visible, expectText } = helpers
      const question = `驾驶证快到期了，换证需要带什么材料？（${Date.now().toString(36)}）`

      await loginDriver(`consult-driver-${Date.now().toString(36)}`)
      await page.goto(`${baseUrl}/#/pages/consult/index`)
      await visible('#category-licence').click()
      await fillText(page, 'consult-content', question)
      await expectText('#faq-suggestions', /驾驶证到期怎么换证/)
      await visible('#consult-send').click()
      await expectText('#consult-notice', /已提交/)
      const mine = page.locator('[id^="consultation-"]:visible', { hasText: question }).first()
      await mine.waitFor()

      const desk = await newPage()
      await loginStaff(desk, 'agent1')
      await desk.goto(`${baseUrl}/#/packages/agent/index/index`)
      const item = desk.locator('[id^="queue-item-"]:visible', { hasText: question }).first()
      await item.waitFor()
      await item.click()
      await visible('#agent-claim', desk).click()
      await expectText('#agent-detail', /受理/, desk)
      const answer = '请携带身份证和县级以上医院的体检证明，到期前90天内到车管所办理。'
      await fillText(desk, 'agent-reply-content', answer)
      await visible('#agent-send', desk).click()
      await expectText('#agent-detail', /体检证明/, desk)

      await mine.click()
      await page.waitForURL(/pages\/consult\/detail\/index/)
      await expectText('.consult-bubble-agent', /体检证明/)
      await expectText('#detail-status', /已回复/)

      await visible('#agent-close', desk).click()
      await expectText('#agent-detail', /已结束/, desk)
      await desk.context().close()

      await page.reload()
      await visible('#star-5').click()
      await visible('#rating-submit').click()
      await expectText('#rated', /5 星/)
      expect((await page.locator('#rated').innerText()).includes('感谢'), 'the rating was not confirmed')
    },
  },
]
