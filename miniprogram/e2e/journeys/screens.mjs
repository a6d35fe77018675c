// Browser journeys of what staff and drivers see: the officer's case review on a PC (photos whole
// at their own aspect ratio and large, signatures with visible ink on white, the decision panel in
// view without scrolling), the browser build's navigation bar (a title everywhere, a way back on
// every sub-page), and screenshots of the main screens in e2e/artifacts/.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { pixels } from '../pixels.mjs'

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts')
const shot = (on, name) => on.screenshot({ path: path.join(artifacts, `screens-${name}.png`) })

/** Opens the demo case waiting for review (seed-accidents: 滕州, case number …900001). */
async function openDemoCase(page, baseUrl, helpers) {
  const { visible } = helpers
  await page.goto(`${baseUrl}/#/packages/officer/index/index`)
  await visible('#officer-queue .officer-case', page).waitFor()
  await page.locator('#officer-queue .officer-case >> visible=true').first().click()
  await page.waitForURL(/packages\/officer\/case\/index/)
  await visible('#officer-decision', page).waitFor()
}

export default [
  {
    name: 'the officer sees every photo whole and large, signatures with ink, the decision in view',
    async run({ page, baseUrl, loginStaff, expect, helpers }) {
      const { visible } = helpers
      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff('officer.tengzhou')
      await shot(page, 'officer-queue')
      await openDemoCase(page, baseUrl, helpers)
      // Every image loaded.
      await page.waitForFunction(() => {
        const items = [...document.querySelectorAll('.jg-photo-item')].filter((el) => el.offsetParent)
        return items.length > 0 && items.every((el) => el.querySelector('img')?.complete && el.querySelector('img').naturalWidth > 0)
      })
      const items = await page.$$eval('.jg-photo-item', (els) =>
        els
          .filter((el) => el.offsetParent)
          .map((el) => {
            const img = el.querySelector('img')
            const frame = el.querySelector('.jg-photo-frame').getBoundingClientRect()
            // The picture as drawn (object-fit: contain keeps it inside the frame).
            return { slot: el.dataset.slot, w: frame.width, h: frame.height, nw: img.naturalWidth, nh: img.naturalHeight }
          }),
      )
      expect(items.length >= 2, `only ${items.length} photos shown`)
      for (const p of items) {
        const shown = p.w / p.h
        const natural = p.nw / p.nh
        expect(Math.abs(shown / natural - 1) <= 0.02, `${p.slot}: shown ${p.w}×${p.h}, image ${p.nw}×${p.nh}`)
        if (p.slot !== 'SIGNATURE') expect(p.w >= 300, `${p.slot} only ${p.w} px wide`)
      }
      // Signatures: a screenshot of each one's frame has dark ink on a white ground.
      const signatures = page.locator('.jg-photo-signature .jg-photo-frame >> visible=true')
      const count = await signatures.count()
      expect(count >= 1, 'no signature shown')
      for (let i = 0; i < count; i++) {
        const ink = await pixels(page, signatures.nth(i))
        expect(ink.dark > 20, `signature ${i + 1}: no ink visible (${ink.dark} dark pixels of ${ink.total})`)
        // A transparent PNG's ground is the frame's: white, so dark ink shows.
        const ground = await signatures.nth(i).evaluate((el) => getComputedStyle(el).backgroundColor)
        expect(ground === 'rgb(255, 255, 255)', `signature ${i + 1}: drawn on ${ground}, not white`)
      }
      // The scenario the parties chose, drawn as they saw it: a picture that loaded.
      const drawing = await visible('#officer-scenario-drawing img', page).evaluate(async (img) => {
        await img.decode().catch(() => undefined)
        return { w: img.getBoundingClientRect().width, nw: img.naturalWidth, src: img.src.slice(0, 26) }
      })
      expect(drawing.nw > 0 && drawing.w >= 200 && drawing.src === 'data:image/svg+xml;base64,', `scenario drawing: ${JSON.stringify(drawing)}`)
      // The decision panel is in view without scrolling, and stays there after a scroll.
      for (const scrolled of [false, true]) {
        if (scrolled) await page.mouse.wheel(0, 2000)
        await page.waitForTimeout(200)
        const box = await visible('#officer-decision', page).boundingBox()
        expect(box && box.y >= 0 && box.y + Math.min(box.height, 200) <= 800 && box.x + box.width <= 1280, `decision panel out of view: ${JSON.stringify(box)}`)
      }
      await page.mouse.wheel(0, -4000)
      await shot(page, 'officer-case')
      // A tap opens the photo full size; Esc closes it.
      await page.locator('.jg-photo-item:not(.jg-photo-signature) .jg-photo-frame >> visible=true').first().click()
      await visible('#photo-zoom', page).waitFor()
      await shot(page, 'officer-zoom')
      await page.keyboard.press('Escape')
      await page.locator('#photo-zoom').waitFor({ state: 'detached' })
      // Keyboard: R chooses 退回补充; an empty reason is refused with a clear message.
      await page.keyboard.press('r')
      await visible('#decision-submit', page).click()
      await helpers.expectText('#officer-case-error', /退回的原因/, page)
    },
  },
  {
    name: 'staff on a PC: a side navigation of the role pages, a back arrow on sub-pages',
    async run({ page, baseUrl, loginStaff, expect, helpers }) {
      const { visible } = helpers
      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff('admin')
      await visible('#staff-nav', page).waitFor()
      const labels = await page.locator('#staff-nav .jg-staff-nav-item >> visible=true').allInnerTexts()
      expect(labels.includes('考试场次') && labels.includes('统计'), `side navigation: ${labels.join(' ')}`)
      await helpers.expectText('#nav-title', /管理后台/, page)
      expect((await page.locator('#nav-back >> visible=true').count()) === 0, 'a back arrow on the workbench')
      await shot(page, 'admin-home')
      // The import shows the picked file's first rows under Chinese column names before sending it.
      await page.goto(`${baseUrl}/#/packages/admin/import/index`)
      await visible('#import-kind-vehicles', page).click()
      await helpers.expectText('#import-fields', /车牌号（plate）/, page)
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible('#import-pick', page).click()])
      await chooser.setFiles({ name: 'vehicles.csv', mimeType: 'text/csv', buffer: Buffer.from('plate,vin,brand\n鲁D12345,LSVAU2180N2123456,大众\n') })
      await helpers.expectText('#import-preview', /车牌号[\s\S]*车辆识别代号[\s\S]*鲁D12345/, page)
      await helpers.expectText('#import-preview-missing', /号牌种类/, page)
      await shot(page, 'admin-import')
      await page.goto(`${baseUrl}/#/packages/admin/exams/index`)
      await visible('#new-session-subject-2', page).click()
      await shot(page, 'admin-exams')
      for (const sub of ['admin/exams', 'admin/import', 'admin/audit', 'admin/delivery']) {
        await page.goto(`${baseUrl}/#/packages/${sub}/index`)
        await visible('#nav-back', page).waitFor()
        const title = (await visible('#nav-title', page).innerText()).trim()
        expect(title.length > 0, `${sub}: no title`)
      }
      // Opened by its address, the back arrow leads to the admin workbench.
      await page.goto(`${baseUrl}/#/packages/admin/import/index`)
      await page.reload()
      await visible('#nav-back', page).click()
      await page.waitForURL(/packages\/admin\/index\/index/)
      // The workbench checks the login first; leaving before that races the h5 router (see loginStaff).
      await visible('#staff-name', page).waitFor()
      await loginStaff('agent1')
      await shot(page, 'agent-desk')
    },
  },
  {
    name: 'drivers: tab pages have a title and no back arrow, sub-pages a way back',
    async run({ page, baseUrl, loginDriver, expect, helpers }) {
      const { visible } = helpers
      await loginDriver()
      await page.goto(`${baseUrl}/#/pages/index/index`)
      await visible('#nav-title', page).waitFor()
      expect((await page.locator('#nav-back >> visible=true').count()) === 0, 'a back arrow on a tab page')
      await shot(page, 'driver-home')
      for (const sub of ['accident/report', 'exam', 'inquiry', 'consult', 'privacy']) {
        await page.goto(`${baseUrl}/#/pages/${sub}/index`)
        await visible('#nav-back', page).waitFor()
      }
      await page.goto(`${baseUrl}/#/pages/accident/report/index`)
      await page.reload()
      await visible('#nav-back', page).click()
      await page.waitForURL(/pages\/index\/index/)
    },
  },
]
