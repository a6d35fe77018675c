// Browser journeys of quick accident processing, step by step: report, second party joins by code, photos
// (each slot with its sample drawing), details (the plate's province from the picker), liability, signatures, the
// officer of the right unit decides (and sees it in the day's count), both download the document; the
// disputed path; a returned case resubmitted.
import { deflateSync } from 'node:zlib'

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  let c = 0xffffffff
  for (const b of body) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8)
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length)
  return out
}
/** A real 640×480 greyscale PNG, different for each seed. */
export function photo(seed) {
  const w = 640
  const h = 480
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  const raw = Buffer.alloc((w + 1) * h)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw[y * (w + 1) + 1 + x] = (x * 3 + y + seed * 17) & 0xff
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

const ID_A = '370402198503121011'
const ID_B = '37048119920708202X'

/** Completes 17 digits with their GB 11643 check character. */
function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}
export const PARTY_A = { plate: '鲁D12345', driverName: '张伟', licenceNumber: idNumber(ID_A.slice(0, 17)), phone: '13800000001', insurer: '中国人保' }
export const PARTY_B = { plate: '鲁DD54321', driverName: '李娜', licenceNumber: idNumber(ID_B.slice(0, 17)), phone: '13900000002', insurer: '平安保险' }

let seed = 0

/** Reports a two-vehicle accident in 滕州 as the driver on `on`; returns the invite code. */
async function report(on, baseUrl, { visible, fill, textOf }) {
  await on.goto(`${baseUrl}/#/pages/accident/index`)
  await visible('#accident-report', on).click()
  await visible('#accident-safe', on).click()
  // Every question is asked so that 没有 (#answer-no) is the safe answer.
  for (let i = 1; i <= 8; i++) {
    await visible('#accident-question', on).filter({ hasText: `第 ${i} / 8 题` }).waitFor()
    await visible('#answer-no', on).click()
  }
  await fill('accident-address', '滕州市善国北路与荆河路交叉口', on)
  await visible('#unit-tengzhou', on).click()
  await visible('#accident-submit', on).click()
  await on.waitForURL(/pages\/accident\/detail\/index/)
  const code = await textOf('#invite-code', on)
  if (!/^\d{6}$/.test(code)) throw new Error(`no invite code shown: "${code}"`)
  return code
}

export async function join(on, baseUrl, code, { visible, fill }) {
  await on.goto(`${baseUrl}/#/pages/accident/join/index`)
  await fill('join-code', code, on)
  await visible('#join-submit', on).click()
  await on.waitForURL(/pages\/accident\/detail\/index/)
}

/** The slot shows its sample drawing, and the browser has decoded it. */
async function sampleShown(on, slot, { visible }) {
  const img = visible(`#slot-${slot}-sample img`, on)
  await img.waitFor()
  await on.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle())
}

/** Takes a slot's photo (a retake when the tile has one: the new photo is sent, then the old one removed). */
async function upload(on, slot, { visible }) {
  const retake = (await on.locator(`#slot-${slot}-photo >> visible=true`).count()) > 0
  const sent = on.waitForResponse((r) => r.request().method() === 'POST' && /\/photos$/.test(r.url()))
  const removed = retake ? on.waitForResponse((r) => r.request().method() === 'DELETE' && /\/photos\/\d+$/.test(r.url())) : null
  const [chooser] = await Promise.all([on.waitForEvent('filechooser'), visible(`#slot-${slot} .jg-tile-shoot`, on).click()])
  await chooser.setFiles({ name: `${slot}.png`, mimeType: 'image/png', buffer: photo(++seed) })
  if ((await sent).status() !== 201) throw new Error(`the ${slot} upload was refused`)
  if (removed && (await removed).status() !== 200) throw new Error(`the replaced ${slot} photo was not removed`)
  await on.waitForFunction((s) => {
    const el = [...document.querySelectorAll(`#slot-${s}`)].find((x) => x.offsetParent !== null)
    return !!el && el.textContent.includes('已上传')
  }, slot)
}

/** Opens a step of the case page by its dot in the step bar (once the case allows it). */
export async function openStep(on, step, { visible }) {
  if ((await visible('#step-bar', on).getAttribute('data-step')) === step) return
  await visible(`#step-${step}.jg-step-open`, on).click()
  await visible(`#step-bar[data-step="${step}"]`, on).waitFor()
}

/** Fills in a party's details on the 双方 step; the plate's province comes from the picker, the rest is typed in lower case. */
async function details(on, party, { visible, fill, expectText }) {
  await openStep(on, 'parties', { visible })
  const { plate, ...others } = party
  await visible('#details-plate-province', on).click()
  await visible(`#details-plate-province-${plate[0]}`, on).click()
  await fill('details-plate', plate.slice(1).toLowerCase(), on)
  await expectText('#details-plate-hint', new RegExp(`^${plate}`), on)
  for (const [key, value] of Object.entries(others)) await fill(`details-${key}`, value, on)
  await visible('#details-save', on).click()
  // Saved: on to 责任 when the other party is in the case, else the 双方 step says so.
  await visible('#step-bar[data-step="liability"], #case-details:has-text("已保存")', on).waitFor()
}

/** Draws a signature with the mouse on the full-screen pad (the browser build accepts a mouse as well as touch) and confirms. */
export async function drawAndConfirm(on, { visible }) {
  const canvas = visible('#signature-pad canvas', on)
  const confirm = visible('#signature-pad-confirm', on)
  for (let attempt = 0; attempt < 3; attempt++) {
    const box = await canvas.boundingBox()
    if (!box) throw new Error('the signature pad is not on screen')
    // Across the pad, as a hand would: a wave from one side to the other.
    const mid = box.y + box.height / 2
    await on.mouse.move(box.x + 20, mid)
    await on.mouse.down()
    for (let i = 1; i <= 30; i++) await on.mouse.move(box.x + 20 + (i * (box.width - 40)) / 30, mid + Math.round((box.height / 4) * Math.sin(i / 2)))
    await on.mouse.up()
    if (!/disabled/.test((await confirm.getAttribute('class')) ?? '')) break
  }
  await confirm.click()
}

/** Opens 签字 (a reload fetches the other party's progress first), agrees or disputes, signs. */
async function sign(on, agree, { visible, expectText }) {
  await on.reload()
  await openStep(on, 'sign', { visible })
  await visible(agree ? '#answer-agree' : '#answer-dispute', on).click()
  await drawAndConfirm(on, { visible })
  await expectText('#case-answered, #case-status', /已同意|提出争议|待民警审核/, on)
}

/** Two drivers bring a case to the officer: report, join, photos, details, liability, both answer. */
async function toReview(page, newPage, baseUrl, loginDriver, helpers, { disputeByB = false } = {}) {
  const { visible, expectText } = helpers
  await loginDriver(page)
  const code = await report(page, baseUrl, helpers)
  const other = await newPage()
  await loginDriver(other)
  await join(other, baseUrl, code, helpers)
  await expectText('#case-status', /协商中/, page)
  for (const slot of ['OVERVIEW_FRONT', 'COLLISION_POINT', 'OTHER_PLATE']) await sampleShown(page, slot, helpers)
  for (const slot of ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT']) await upload(page, slot, helpers)
  await visible('#step-next', page).click()
  await details(page, PARTY_A, helpers)
  // The second party's page refreshes itself: the photos are there, so 双方 opens.
  await details(other, PARTY_B, helpers)
  await openStep(page, 'liability', helpers)
  await visible('#scenario-REAR_END', page).click()
  await visible('#scenario-REAR_END-me', page).click()
  await expectText('#liability-current', /追尾/, page)
  await sign(page, true, helpers)
  await sign(other, !disputeByB, helpers)
  await expectText('#case-status', /待民警审核/, other)
  return other
}

/** The officer's count of today's confirmations on the workbench. */
async function confirmedToday(on, { textOf }) {
  const text = await textOf('#officer-stats-decided', on)
  const match = /确认 (\d+)/.exec(text)
  if (!match) throw new Error(`no count of today's decisions: "${text}"`)
  return Number(match[1])
}

/** Logs the 滕州 officer in and opens the newest case of the queue; returns the day's confirmations so far. */
async function officerOpensLatest(on, loginStaff, helpers) {
  const { visible } = helpers
  await loginStaff(on, 'officer.tengzhou')
  const confirmed = await confirmedToday(on, helpers)
  await visible('#officer-queue .officer-case', on).waitFor()
  // The queue is oldest first: the case just submitted is the last one.
  await on.locator('#officer-queue .officer-case >> visible=true').last().click()
  await on.waitForURL(/packages\/officer\/case\/index/)
  await visible('#officer-decision', on).waitFor()
  return confirmed
}

export default [
  {
    name: 'two drivers agree and sign, the 滕州 officer confirms, both download the agreement',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, expect, helpers }) {
      const other = await toReview(page, newPage, baseUrl, loginDriver, helpers)
      const officer = await newPage({ width: 1280, height: 800 })
      const confirmedBefore = await officerOpensLatest(officer, loginStaff, helpers)
      await helpers.visible('#decide-confirm', officer).click()
      await helpers.visible('#decision-submit', officer).click()
      await helpers.expectText('#officer-case-status', /已确认/, officer)
      // Back on the workbench, today's count holds the confirmation.
      await officer.goto(`${baseUrl}/#/packages/officer/index/index`)
      await helpers.expectText('#officer-stats-decided', new RegExp(`确认 ${confirmedBefore + 1} `), officer)
      for (const on of [page, other]) {
        await on.reload()
        await helpers.expectText('#case-status', /已确认/, on)
        const [download] = await Promise.all([on.waitForEvent('download'), helpers.visible('#case-download', on).click()])
        const stream = await download.createReadStream()
        const chunks = []
        for await (const c of stream) chunks.push(c)
        const pdf = Buffer.concat(chunks)
        expect(pdf.subarray(0, 5).toString() === '%PDF-', 'the download is not a PDF')
        expect(download.suggestedFilename().startsWith('XY'), `unexpected file name ${download.suggestedFilename()}`)
      }
    },
  },
  {
    name: 'a disputed case: the officer must set liability and issues a 事故认定书',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, helpers }) {
      await toReview(page, newPage, baseUrl, loginDriver, helpers, { disputeByB: true })
      const officer = await newPage({ width: 1280, height: 800 })
      await officerOpensLatest(officer, loginStaff, helpers)
      await helpers.visible('#decide-confirm', officer).click()
      await helpers.visible('#decision-submit', officer).click()
      await helpers.expectText('#officer-case-error', /责任/, officer)
      await helpers.visible('#level-主要', officer).click()
      await helpers.visible('#decision-submit', officer).click()
      await helpers.expectText('#officer-case-status', /已确认/, officer)
      await page.reload()
      await helpers.expectText('#case-document', /道路交通事故认定书/, page)
    },
  },
  {
    name: 'a returned case is fixed and resubmitted',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, helpers }) {
      const other = await toReview(page, newPage, baseUrl, loginDriver, helpers)
      const officer = await newPage({ width: 1280, height: 800 })
      await officerOpensLatest(officer, loginStaff, helpers)
      await helpers.visible('#decide-return', officer).click()
      await helpers.fill('decision-note', '碰撞部位照片不清晰', officer)
      await helpers.visible('#decision-submit', officer).click()
      await helpers.expectText('#officer-case-status', /已退回/, officer)
      await page.reload()
      await helpers.expectText('#case-header', /碰撞部位照片不清晰/, page)
      await openStep(page, 'photos', helpers)
      // A retake of the party's own photo replaces it.
      await upload(page, 'COLLISION_POINT', helpers)
      await sign(page, true, helpers)
      await other.reload()
      await sign(other, true, helpers)
      await helpers.expectText('#case-status', /待民警审核/, other)
    },
  },
]
