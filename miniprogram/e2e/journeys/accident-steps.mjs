// Browser journey of the accident report as steps (安全 → 问答 → 拍照 → 双方 → 责任 → 核对 → 签字): one
// screen each, a way back on every step and every stop screen, the same step again after a reload,
// no 单车事故 among a two-car case's scenarios (each with its drawing), photo thumbnails with 删除,
// and the submitted case showing its photos and both signatures with visible ink (pixels, not text)
// and the review deadline. Phone-size screenshots of each step in e2e/artifacts/accident-step-*.png.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { drawAndConfirm, join, openStep, photo, PARTY_A, PARTY_B } from './accidents.mjs'
import { pixels } from '../pixels.mjs'

const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts')
const PHONE = { width: 390, height: 844 }
const shot = (on, name) => on.screenshot({ path: path.join(artifacts, `accident-step-${name}.png`) })
let seed = 100

const stepOf = (on, visible) => visible('#step-bar', on).getAttribute('data-step')

async function upload(on, slot, { visible }) {
  const sent = on.waitForResponse((r) => r.request().method() === 'POST' && /\/photos$/.test(r.url()))
  const [chooser] = await Promise.all([on.waitForEvent('filechooser'), visible(`#slot-${slot} .jg-tile-shoot`, on).click()])
  await chooser.setFiles({ name: `${slot}.png`, mimeType: 'image/png', buffer: photo(++seed) })
  if ((await sent).status() !== 201) throw new Error(`the ${slot} upload was refused`)
  await visible(`#slot-${slot}-photo img`, on).waitFor()
}

async function fillDetails(on, party, { visible, fill }) {
  const { plate, ...others } = party
  await visible('#details-plate-province', on).click()
  await visible(`#details-plate-province-${plate[0]}`, on).click()
  await fill('details-plate', plate.slice(1), on)
  for (const [key, value] of Object.entries(others)) await fill(`details-${key}`, value, on)
  await visible('#details-save', on).click()
}

export default [
  {
    name: 'the report goes step by step, comes back to the same step after a reload, and the signed case shows photos and inked signatures',
    async run(args) {
      try {
        await journey(args)
      } catch (err) {
        if (process.env.E2E_STACK) process.stderr.write(`${err.stack}\n`)
        throw err
      }
    },
  },
]

async function journey({ page, newPage, baseUrl, loginDriver, expect, helpers }) {
  {
    {
      const { visible, textOf, expectText, fill } = helpers
      await page.setViewportSize(PHONE)
      await loginDriver()
      await page.goto(`${baseUrl}/#/pages/accident/report/index`)

      // 1 安全: a way back to where the driver came from, one next step.
      await visible('#accident-safety', page).waitFor()
      expect((await stepOf(page, visible)) === 'safety', 'not on the safety step')
      await visible('#step-back', page).waitFor()
      await shot(page, '1-safety')
      await visible('#accident-safe', page).click()

      // 2 问答: the safe answer 没有 first, a way back, and the same question after a reload.
      await expectText('#accident-question', /第 1 \/ 8 题/, page)
      const labels = await page.locator('#accident-question .jg-answer-row .jg-button >> visible=true').allInnerTexts()
      expect(labels.map((l) => l.trim()).join('|') === '没有|有', `answers read ${labels.join('|')}`)
      await shot(page, '2-questions')
      await visible('#answer-no', page).click()
      await expectText('#accident-question', /第 2 \/ 8 题/, page)
      await visible('#answer-no', page).click()
      await expectText('#accident-question', /第 3 \/ 8 题/, page)
      await page.reload()
      await expectText('#accident-question', /第 3 \/ 8 题/, page)
      await visible('#step-back', page).click()
      await expectText('#accident-question', /第 2 \/ 8 题/, page)
      await visible('#answer-no', page).click()
      // A 有 stops the report: 拨打122 and 返回修改, which goes back to the question.
      await visible('#answer-yes', page).click()
      await expectText('#accident-stop-reason', /122/, page)
      await visible('#stop-call', page).waitFor()
      await shot(page, '2-stop')
      await visible('#stop-back', page).click()
      await expectText('#accident-question', /第 3 \/ 8 题/, page)
      for (let i = 3; i <= 8; i++) {
        await expectText('#accident-question', new RegExp(`第 ${i} / 8 题`), page)
        await visible('#answer-no', page).click()
      }
      await visible('#accident-place', page).waitFor()
      await fill('accident-address', '滕州市学院中路与荆河路交叉口', page)
      await visible('#unit-tengzhou', page).click()
      await page.reload()
      await visible('#accident-place', page).waitFor()
      expect((await visible('#accident-address input', page).inputValue()) === '滕州市学院中路与荆河路交叉口', 'the typed place was lost on reload')
      await shot(page, '2-place')
      await visible('#accident-submit', page).click()
      await page.waitForURL(/pages\/accident\/detail\/index\?id=\d+/)
      const caseUrl = page.url()

      // 3 拍照: tiles with sample drawings, thumbnails once taken, 删除; next only with the three required.
      await visible('#step-bar[data-step="photos"]', page).waitFor()
      const code = await textOf('#invite-code', page)
      expect(/^\d{6}$/.test(code), `no invite code: ${code}`)
      expect(/disabled/.test((await visible('#step-next', page).getAttribute('class')) ?? ''), 'next is open without the photos')
      for (const slot of ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT', 'OWN_DAMAGE']) await upload(page, slot, helpers)
      await page.waitForFunction(() => [...document.querySelectorAll('#case-photos img')].filter((i) => i.offsetParent).every((i) => i.complete && i.naturalWidth > 0))
      await shot(page, '3-photos')
      const thumb = await pixels(page, visible('#slot-OWN_DAMAGE-photo', page))
      expect(thumb.spread > 10, `the thumbnail looks blank (spread ${thumb.spread.toFixed(1)})`)
      await visible('#slot-OWN_DAMAGE-delete', page).click()
      const removed = page.waitForResponse((r) => r.request().method() === 'DELETE')
      await visible('.taro-model__confirm', page).click()
      expect((await removed).status() === 200, 'the photo was not removed')
      await visible('#slot-OWN_DAMAGE-sample', page).waitFor()
      await page.reload()
      await visible('#step-bar[data-step="photos"]', page).waitFor()
      await visible('#step-next', page).click()

      // 4 双方: prefilled where bound, the invitation while the other party is away; kept after a reload.
      await visible('#step-bar[data-step="parties"]', page).waitFor()
      await visible('#invite-code', page).waitFor()
      await page.reload()
      await visible('#step-bar[data-step="parties"]', page).waitFor()
      await visible('#step-back', page).click()
      await visible('#step-bar[data-step="photos"]', page).waitFor()
      await openStep(page, 'parties', helpers)
      await fillDetails(page, PARTY_A, helpers)
      await expectText('#case-details', /已保存/, page)
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.waitForTimeout(200)
      await shot(page, '4-parties')

      const other = await newPage(PHONE)
      await loginDriver(other)
      await join(other, baseUrl, code, helpers)
      // The second party's page opens on 双方 (the photos are there already).
      await visible('#step-bar[data-step="parties"]', other).waitFor()
      await fillDetails(other, PARTY_B, helpers)
      await visible('#step-bar[data-step="liability"]', other).waitFor()

      // The reporter's page saw the other party join; on to 责任.
      await expectText('#other-party-state', /鲁DD54321/, page)
      await visible('#details-save', page).click()
      await visible('#step-bar[data-step="liability"]', page).waitFor()

      // 5 责任: a drawing per scenario, no 单车事故 in a two-car case.
      await visible('#scenario-REAR_END', page).waitFor()
      expect((await page.locator('#scenario-SINGLE_VEHICLE').count()) === 0, '单车事故 offered in a two-car case')
      const drawings = await page.$$eval('#case-liability .jg-scenario-picture img', (imgs) =>
        imgs.filter((i) => i.offsetParent).map((i) => ({ ok: i.complete && i.naturalWidth > 0, svg: i.src.startsWith('data:image/svg+xml;base64,') })),
      )
      expect(drawings.length >= 14 && drawings.every((d) => d.ok && d.svg), `scenario drawings: ${JSON.stringify(drawings.slice(0, 3))} (${drawings.length})`)
      await visible('#scenario-REAR_END', page).click()
      await visible('#scenario-REAR_END-me', page).click()
      await expectText('#liability-current', /追尾.*我方（本车）全部责任，对方无责任/, page)
      await shot(page, '5-liability')
      await visible('#step-next', page).click()

      // 6 核对: the same step after a reload, a way back.
      await visible('#step-bar[data-step="review"]', page).waitFor()
      await page.reload()
      await visible('#step-bar[data-step="review"]', page).waitFor()
      await expectText('#review-liability', /追尾/, page)
      await shot(page, '6-review')
      await visible('#step-back', page).click()
      await visible('#step-bar[data-step="liability"]', page).waitFor()
      await openStep(page, 'review', helpers)
      await visible('#step-next', page).click()

      // 7 签字: the pad fills the screen; 返回 closes it.
      await visible('#step-bar[data-step="sign"]', page).waitFor()
      await visible('#step-back', page).waitFor()
      await shot(page, '7-sign')
      await visible('#answer-agree', page).click()
      const pad = await visible('#signature-pad canvas', page).boundingBox()
      expect(pad && pad.width >= PHONE.width - 40 && pad.height >= 400, `the pad is ${pad?.width}×${pad?.height}`)
      await shot(page, '7-sign-pad')
      await visible('#sign-cancel', page).click()
      await visible('#answer-agree', page).click()
      await drawAndConfirm(page, helpers)
      await expectText('#case-answered', /已同意并签字，等待对方/, page)

      // The other party signs; the case goes to the officers.
      await other.reload()
      await openStep(other, 'sign', helpers)
      await visible('#answer-agree', other).click()
      await drawAndConfirm(other, helpers)
      await expectText('#case-status', /待民警审核/, other)

      // Submitted: what happens next and by when, the photos and both signatures with ink on white.
      await page.goto(caseUrl)
      await page.reload()
      await expectText('#case-status', /待民警审核/, page)
      await expectText('#case-deadline', /预计 .+ 前审核完毕/, page)
      await expectText('#case-liability-result', /我方（本车）全部责任/, page)
      await page.waitForFunction(() => {
        const imgs = [...document.querySelectorAll('#case-submitted .jg-gallery img')].filter((i) => i.offsetParent)
        return imgs.length >= 5 && imgs.every((i) => i.complete && i.naturalWidth > 0)
      })
      await shot(page, '8-submitted')
      const photos = page.locator('#case-photo-gallery .jg-gallery-frame >> visible=true')
      expect((await photos.count()) === 3, `${await photos.count()} photos shown`)
      for (let i = 0; i < 3; i++) {
        const p = await pixels(page, photos.nth(i))
        expect(p.spread > 10, `photo ${i + 1} looks blank`)
      }
      const signatures = page.locator('#case-signatures .jg-gallery-frame >> visible=true')
      expect((await signatures.count()) === 2, `${await signatures.count()} signatures shown`)
      for (let i = 0; i < 2; i++) {
        const ink = await pixels(page, signatures.nth(i))
        expect(ink.dark > 20, `signature ${i + 1}: no ink visible (${ink.dark} dark pixels)`)
        const ground = await signatures.nth(i).evaluate((el) => getComputedStyle(el).backgroundColor)
        expect(ground === 'rgb(255, 255, 255)', `signature ${i + 1} on ${ground}, not white`)
      }
      await page.locator('#case-timeline').scrollIntoViewIfNeeded()
    }
  }
}
