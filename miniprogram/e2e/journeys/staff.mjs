// Browser journey of staff accounts: the admin makes an officer account (the one-time password is
// shown once), the officer logs in with it and must set a password of their own before the
// workbench opens, then the admin deactivates the account and the officer's open page is sent back
// to the login on its next request (the live queue's reconnect).

export default [
  {
    name: 'a new officer must change the one-time password, and a deactivated one is logged out',
    async run({ page, newPage, loginStaff, expect, helpers: { visible, textOf, fill } }) {
      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff('admin')
      await visible('#admin-staff').click()
      await page.waitForURL(/packages\/admin\/staff\/index/)
      const username = `e2e.officer.${Date.now().toString(36)}`
      await fill('staff-new-username', username)
      await fill('staff-new-name', '新来的民警')
      await visible('#staff-role-officer').click()
      await visible('#staff-unit-tengzhou').click()
      await visible('#staff-create-submit').click()
      const temporary = (await textOf('#staff-temporary-password')).trim()
      expect(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/.test(temporary), `one-time password shown as "${temporary}"`)
      await visible(`#staff-${username.replace(/\./g, '\\.')}`).waitFor()

      // The officer, in a browser of their own: the login goes to 修改密码 first.
      const officer = await newPage()
      await officer.setViewportSize({ width: 1280, height: 800 })
      await officer.goto(`${page.url().split('#')[0]}#/pages/staff-login/index`)
      await fill('staff-username', username, officer)
      await fill('staff-password', temporary, officer)
      await visible('#staff-login', officer).click()
      await officer.waitForURL(/pages\/staff-password\/index/)
      await visible('#password-forced', officer).waitFor()
      await fill('password-current', temporary, officer)
      await fill('password-new', 'short', officer)
      expect((await textOf('#password-problem', officer)).includes('至少需要10个字符'), 'the length rule is not shown as one types')
      const mine = 'my own long password'
      await fill('password-new', mine, officer)
      await fill('password-again', mine, officer)
      await visible('#password-save', officer).click()
      await officer.waitForURL(/packages\/officer\/index\/index/)
      await visible('#staff-name', officer).waitFor()

      // The admin deactivates the account; the officer's open page goes back to the login on its next request.
      await page.reload()
      await visible(`#staff-deactivate-${username.replace(/\./g, '\\.')}`).click()
      await visible('.taro-modal__foot .taro-modal__btn:last-child, .taro-modal__btn--primary').click().catch(async () => {
        await page.getByText('确定', { exact: true }).click()
      })
      await visible(`#staff-activate-${username.replace(/\./g, '\\.')}`).waitFor()
      // No reload: the live queue's stream is closed by the server, its reconnect answers 401.
      await officer.waitForURL(/pages\/staff-login\/index/, { timeout: 15_000 })
      const stored = await officer.evaluate(() => localStorage.getItem('jg.token'))
      expect(!stored || !JSON.parse(stored).data, 'the token is still stored after the logout')
      await officer.context().close()
    },
  },
]
