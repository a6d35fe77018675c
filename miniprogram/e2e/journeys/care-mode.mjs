// 关怀模式 (large text) and the way back from stop screens, as a person sees them: the switch in
// 我的 makes text and controls larger on 首页, a booking page and 我的 (computed sizes, about 1.25×),
// stays on after a reload and is switched off again; a stop screen (not logged in, nothing found)
// offers 返回 or a next step and 返回 leads somewhere. Screenshots of 首页 and 我的 with the mode
// on and off at 390 × 844, side by side in care-mode.png.

const shot = (name) => new URL(`../artifacts/${name}.png`, import.meta.url).pathname

/** Computed font size and height (px) of the first visible element for each selector. */
async function sizes(page, selectors) {
  return page.evaluate((sels) => {
    const out = {}
    for (const sel of sels) {
      const el = [...document.querySelectorAll(sel)].find((e) => e.offsetParent !== null)
      if (!el) throw new Error(`no visible ${sel}`)
      out[sel] = { font: parseFloat(getComputedStyle(el).fontSize), height: el.getBoundingClientRect().height }
    }
    return out
  }, selectors)
}

const SCREENS = {
  home: { path: '/#/pages/index/index', ready: '#home-title', measure: ['#home-title', '.home-entry-title', '.jg-hint'], box: '#entry-exam' },
  sessions: { path: '/#/pages/exam/sessions/index?subject=1&licenceClass=C1', ready: '#subject-chip-1', measure: ['#subject-chip-1'], box: '#subject-chip-1' },
  me: { path: '/#/pages/me/index', ready: '#me-care', measure: ['#me-name', '.jg-subtitle', '.jg-hint'], box: '#me-care-toggle' },
}

async function measureAll(page, baseUrl, visible) {
  const out = {}
  for (const [name, s] of Object.entries(SCREENS)) {
    await page.goto(`${baseUrl}${s.path}`)
    await visible(s.ready).waitFor()
    // The switch applies to the page root; wait for the class to settle after a navigation.
    await page.waitForTimeout(300)
    out[name] = await sizes(page, [...s.measure, s.box])
  }
  return out
}

function checkGrown(before, after, expect, factor) {
  for (const [screen, els] of Object.entries(before)) {
    for (const [sel, b] of Object.entries(els)) {
      const a = after[screen][sel]
      const ratio = a.font / b.font
      expect(Math.abs(ratio - factor) < 0.06, `${screen} ${sel}: font ${b.font}px → ${a.font}px (×${ratio.toFixed(2)}, wanted ×${factor})`)
    }
    const box = SCREENS[screen].box
    const grown = after[screen][box].height / before[screen][box].height
    expect(factor === 1 ? Math.abs(grown - 1) < 0.06 : grown > 1.15, `${screen} ${box}: height ${before[screen][box].height}px → ${after[screen][box].height}px`)
  }
}

export default [
  {
    name: '关怀模式 in 我的 makes 首页, the sessions page and 我的 larger, survives a reload, and switches off',
    async run({ page, baseUrl, loginDriver, expect, helpers, newPage }) {
      const { visible, expectText } = helpers
      await page.setViewportSize({ width: 390, height: 844 })
      await loginDriver()
      const before = await measureAll(page, baseUrl, visible)
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await visible('#home-title').waitFor()
      await page.screenshot({ path: shot('care-off-home') })
      await page.goto(`${baseUrl}/#/pages/me/index`)
      await visible('#me-care').waitFor()
      await page.screenshot({ path: shot('care-off-me') })

      await expectText('#me-care-state', /未开启/)
      await visible('#me-care-toggle').click()
      await expectText('#me-care-state', /已开启/)
      // The page open now follows at once.
      const meNow = await sizes(page, ['#me-name'])
      expect(meNow['#me-name'].font > before.me['#me-name'].font * 1.2, `我的 did not grow at once: ${meNow['#me-name'].font}px`)

      // Kept on the device: after a reload, on every page.
      await page.reload()
      await expectText('#me-care-state', /已开启/)
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.waitForTimeout(300)
      await page.screenshot({ path: shot('care-on-me') })
      const after = await measureAll(page, baseUrl, visible)
      checkGrown(before, after, expect, 1.25)
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await visible('#home-title').waitFor()
      await page.waitForTimeout(300)
      await page.screenshot({ path: shot('care-on-home') })
      // Nothing runs off the side of a 390 px phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow <= 0, `首页 is ${overflow}px wider than the screen in 关怀模式`)

      // Off again: the sizes come back.
      await page.goto(`${baseUrl}/#/pages/me/index`)
      await visible('#me-care-toggle').click()
      await expectText('#me-care-state', /未开启/)
      const off = await measureAll(page, baseUrl, visible)
      checkGrown(before, off, expect, 1)

      // The four pictures side by side, for docs/screenshots/care-mode.png.
      const sheet = await newPage({ width: 1640, height: 930 })
      const fs = await import('node:fs')
      const img = (n) => `data:image/png;base64,${fs.readFileSync(shot(n)).toString('base64')}`
      await sheet.setContent(`<body style="margin:0;background:#dfe3ea;font:16px sans-serif">
        <div style="display:flex;gap:16px;padding:12px">
        ${[['care-off-home', '首页 · 标准'], ['care-on-home', '首页 · 关怀模式'], ['care-off-me', '我的 · 标准'], ['care-on-me', '我的 · 关怀模式']]
          .map(([n, label]) => `<figure style="margin:0"><img src="${img(n)}" width="390" height="844" style="display:block;border:1px solid #999"><figcaption style="text-align:center;padding-top:4px">${label}</figcaption></figure>`)
          .join('')}
        </div></body>`)
      await sheet.screenshot({ path: shot('care-mode') })
      await sheet.context().close()
    },
  },
  {
    name: 'stop screens offer 返回 or a next step: 业务查询 without a login, a question that is not there, no sessions',
    async run({ page, baseUrl, loginDriver, expect, helpers }) {
      const { visible, textOf } = helpers
      await page.setViewportSize({ width: 390, height: 844 })
      // Not logged in: 业务查询 says so, offers 登录, and 返回 leads to 首页 (opened by its address).
      await page.goto(`${baseUrl}/#/pages/inquiry/index`)
      await visible('#inquiry-error').waitFor()
      await visible('#inquiry-login').waitFor()
      await visible('#inquiry-back').click()
      await page.waitForURL(/pages\/index\/index/)

      await loginDriver()
      // A question that is not there: the error, 重试 and 返回; 返回 goes back to the page before.
      await page.goto(`${baseUrl}/#/pages/consult/index`)
      await visible('#consult-send').waitFor()
      await page.goto(`${baseUrl}/#/pages/consult/detail/index?id=999999`)
      await visible('#detail-error').waitFor()
      expect((await textOf('#detail-retry')).includes('重试'), 'no 重试 on the missing question')
      await visible('#detail-back').click()
      await page.waitForURL(/pages\/(consult|index)\/index/)

      // The exam page for a driver without an identity: the form is the next step, and the
      // sessions page of a subject with nothing to book offers 返回考试预约.
      await page.goto(`${baseUrl}/#/pages/exam/sessions/index?subject=4&licenceClass=A2`)
      const empty = visible('#sessions-empty')
      const list = visible('[id^="session-"]')
      await Promise.race([empty.waitFor(), list.waitFor()])
      if (await empty.isVisible()) {
        expect((await textOf('#sessions-back')).includes('返回'), 'no way back from an empty sessions page')
        await visible('#sessions-back').click()
        await page.waitForURL(/pages\/(exam|index)\/index/)
      }
    },
  },
]
