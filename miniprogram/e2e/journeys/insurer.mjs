// The insurers' side: a case is confirmed with party A insured by 中国人保财险 (set up through the
// API); the insurer's staff (insurer.picc) find the claim in 理赔工作台 at 1280 px, open it (photos,
// liability, parties), move it 受理 → 定损 → 办结 with notes; the driver reads 理赔已办结 in the
// message centre. The claim detail's screenshot is docs/screenshots/insurer-claim.png.
import zlib from 'node:zlib'

const DOCS_SHOT = new URL('../../../docs/screenshots/insurer-claim.png', import.meta.url).pathname
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname

// ---- a PNG of w × h (evidence photos need 320 × 240, signatures 100 × 50) ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function png(w, h, seed) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const raw = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1)
    for (let x = 0; x < w; x++) {
      // A sky, a grey road and a darker car body, tinted by the seed: a picture, not a flat block.
      const road = y > h * 0.55
      const car = y > h * 0.35 && y < h * 0.75 && x > w * 0.25 && x < w * 0.7
      const [r, g, b] = car ? [60 + seed * 40, 70, 90] : road ? [120, 120, 125] : [150, 190, 230]
      raw[row + 1 + x * 3] = r % 256
      raw[row + 2 + x * 3] = g
      raw[row + 3 + x * 3] = b
    }
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

// ---- the case, through the API ----
async function api(baseUrl, method, path, token, body) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {}
  const init = { method, headers }
  if (body instanceof FormData) init.body = body
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  const res = await fetch(`${baseUrl}${path}`, init)
  const data = await res.json().catch(() => null)
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(data)}`)
  return data
}
const driverToken = async (baseUrl, name) => (await api(baseUrl, 'POST', '/api/auth/wechat', null, { code: `fake:${name}` })).token
async function upload(baseUrl, token, id, slot, bytes) {
  const form = new FormData()
  form.append('slot', slot)
  form.append('file', new Blob([bytes], { type: 'image/png' }), `${slot.toLowerCase()}.png`)
  return api(baseUrl, 'POST', `/api/accidents/${id}/photos`, token, form)
}

/** A Tengzhou case of two cars, A insured by PICC (given as its code), confirmed by officer.tengzhou. */
async function confirmedPiccCase(baseUrl, nameA, nameB) {
  const a = await driverToken(baseUrl, nameA)
  const b = await driverToken(baseUrl, nameB)
  const created = await api(baseUrl, 'POST', '/api/accidents', a, {
    occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    location: { latitude: 35.1, longitude: 117.17, address: '滕州市善国北路与荆河路交叉口' },
    vehicleCount: 2,
    eligibility: { injuries: false, vehiclesDrivable: true, licencesValid: true, insured: true, impaired: false },
  })
  await api(baseUrl, 'POST', '/api/accidents/join', b, { inviteCode: created.inviteCode })
  await api(baseUrl, 'PUT', `/api/accidents/${created.id}/parties/me`, a, {
    plate: '鲁D52E88', driverName: '王强', licenceNumber: '37040319780125303X', phone: '13700000003', insurer: 'PICC', policyNumber: 'PDZA2026370400881', collisionPart: '车头',
  })
  await api(baseUrl, 'PUT', `/api/accidents/${created.id}/parties/me`, b, {
    plate: '鲁DD6R21', driverName: '李娜', licenceNumber: '370481199207082029', phone: '13900000002', insurer: '太平洋产险', policyNumber: 'ASHZ2026881203', collisionPart: '车尾',
  })
  let seed = 0
  for (const slot of ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT']) await upload(baseUrl, a, created.id, slot, png(640, 480, ++seed))
  await upload(baseUrl, a, created.id, 'OWN_DAMAGE', png(480, 640, ++seed))
  await api(baseUrl, 'PUT', `/api/accidents/${created.id}/liability`, a, { scenario: 'REAR_END', atFault: 'A' })
  for (const t of [a, b]) {
    const sig = await upload(baseUrl, t, created.id, 'SIGNATURE', png(300, 120, ++seed))
    await api(baseUrl, 'POST', `/api/accidents/${created.id}/confirmation`, t, { agree: true, signature: sig.id })
  }
  const officer = (await api(baseUrl, 'POST', '/api/auth/staff', null, { username: 'officer.tengzhou', password: 'demo-pass-2026' })).token
  await api(baseUrl, 'POST', `/api/officer/accidents/${created.id}/decision`, officer, { decision: 'CONFIRM', note: '事实清楚，双方无异议' })
  return { id: created.id, caseNumber: created.caseNumber }
}

export default [
  {
    name: 'an insurer settles a claim of its company step by step and the driver reads it in the message centre',
    async run({ page, newPage, baseUrl, loginDriver, loginStaff, expect, helpers }) {
      const { visible, expectText, textOf } = helpers
      const tag = Math.random().toString(36).slice(2, 8)
      const driverA = `e2e-ins-a-${tag}`
      const c = await confirmedPiccCase(baseUrl, driverA, `e2e-ins-b-${tag}`)

      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff(page, 'insurer.picc')
      expect(page.url().includes('packages/insurer/index/index'), `insurer landed on ${page.url()}`)
      await expectText('#insurer-company', /中国人保财险/)
      await expectText('#insurer-company', /95518/)
      // The new claim is waiting (待受理) among the company's claims.
      await visible('#insurer-status-SENT').click()
      const row = page.locator('.jg-ins-row >> visible=true', { hasText: c.caseNumber }).first()
      await row.waitFor()
      expect((await row.innerText()).includes('王强'), 'the insured party is not named in the list')
      await page.screenshot({ path: `${ARTIFACTS}insurer-list.png` })
      // Another company's customer is not listed: 李娜 is insured by 太平洋产险.
      expect(!(await page.locator('#insurer-claims >> visible=true').innerText()).includes('鲁DD6R21'), 'another insurer’s claim is listed')

      await row.click()
      await page.waitForURL(/packages\/insurer\/claim\/index/)
      await expectText('#insurer-claim-case', new RegExp(c.caseNumber))
      await expectText('#insurer-claim-liability', /甲方 全部/)
      await expectText('#insurer-party-A', /13700000003/)
      await expectText('#insurer-party-B', /13900000002/)
      // Four evidence photos at their own aspect (the signatures are on the agreement only).
      const frames = page.locator('#insurer-claim-photos .jg-ins-photo-frame >> visible=true')
      await page.waitForFunction(() => document.querySelectorAll('#insurer-claim-photos .jg-ins-photo-img').length >= 4)
      expect((await frames.count()) === 4, `photos shown: ${await frames.count()}`)
      const boxes = await frames.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => r.width / r.height))
      expect(Math.abs(boxes[0] - 4 / 3) < 0.05 && Math.abs(boxes[3] - 3 / 4) < 0.05, `photo frames not at their aspect: ${boxes}`)

      const step = async (status, note) => {
        if (note) await visible('#insurer-note textarea').fill(note)
        await visible(`#insurer-set-${status}`).click()
        await expectText(`#insurer-step-${status}`, /✓/)
      }
      await step('RECEIVED', '已受理，查勘员将在2小时内与您联系')
      await step('ASSESSING', '')
      // The toast (已更新，已通知当事人) gone first; the photos further down go in a full-page artifact.
      await page.waitForTimeout(2500)
      await page.screenshot({ path: DOCS_SHOT })
      await page.screenshot({ path: `${ARTIFACTS}insurer-claim-full.png`, fullPage: true })
      await step('SETTLED', '赔款3200元已转入您的银行账户')
      await expectText('#insurer-claim-settled', /已办结/)
      await page.screenshot({ path: `${ARTIFACTS}insurer-claim-settled.png` })

      // The driver is told: 理赔已办结 in the message centre, with the insurer's note and hotline.
      const driver = await newPage({ width: 390, height: 844 })
      await loginDriver(driver, driverA)
      await driver.goto(`${baseUrl}/#/pages/messages/index`)
      const entry = driver.locator('#messages-list .message >> visible=true', { hasText: '理赔已办结' }).first()
      await entry.waitFor()
      const text = await entry.innerText()
      expect(text.includes('赔款3200元') && text.includes('95518'), `the message lacks the note or hotline: ${text}`)
      await expectText('#messages-list', /保险公司已受理/, driver)
      await driver.screenshot({ path: `${ARTIFACTS}insurer-driver-message.png` })
      await driver.context().close()
      void textOf
    },
  },
  {
    name: 'an admin finds the claims handed to insurers in 理赔转交, filters by company and exports every one',
    async run({ page, baseUrl, loginStaff, expect, helpers }) {
      const { visible, expectText, fill } = helpers
      const tag = Math.random().toString(36).slice(2, 8)
      const c = await confirmedPiccCase(baseUrl, `e2e-adm-a-${tag}`, `e2e-adm-b-${tag}`)

      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff(page, 'admin')
      await visible('#admin-claims').click()
      await page.waitForURL(/packages\/admin\/claims\/index/)
      await expectText('#claims-total', /共 \d+ 条理赔/)
      // Both parties' claims of the new case: one for each company named.
      const rows = page.locator('.claims-row >> visible=true', { hasText: c.caseNumber })
      await rows.first().waitFor()
      expect((await rows.count()) === 2, `rows of the case: ${await rows.count()}`)
      const both = (await rows.allInnerTexts()).join(' | ')
      expect(both.includes('王强') && both.includes('李娜') && both.includes('已转交保险公司'), `the rows: ${both}`)

      await fill('claims-insurer', '人保')
      await visible('#claims-search').click()
      await page.waitForFunction((n) => document.querySelectorAll('.claims-row').length >= 1 && ![...document.querySelectorAll('.claims-row')].some((r) => r.textContent.includes('李娜') && r.textContent.includes(n)), c.caseNumber)
      const filtered = (await page.locator('#claims-table >> visible=true').innerText())
      expect(filtered.includes('王强') && filtered.includes('人保'), `filtered by 人保: ${filtered}`)

      const download = page.waitForEvent('download')
      await visible('#claims-export').click()
      const file = await download
      expect(file.suggestedFilename() === '理赔转交.csv', `file name ${file.suggestedFilename()}`)
      const { readFile } = await import('node:fs/promises')
      const csv = await readFile(await file.path(), 'utf8')
      expect(csv.startsWith('\uFEFF保险公司,理赔编号'), `CSV header: ${csv.slice(0, 40)}`)
      expect(csv.includes(c.caseNumber) && !csv.includes('李娜'), 'the CSV does not hold just the filtered claims')
      await expectText('#claims-export-done', /已下载/)
    },
  },
  {
    name: 'an officer finds their own unit’s claims in 理赔转交 from the side navigation, and no other unit’s',
    async run({ page, baseUrl, loginStaff, expect, helpers }) {
      const { visible, expectText } = helpers
      const tag = Math.random().toString(36).slice(2, 8)
      const c = await confirmedPiccCase(baseUrl, `e2e-off-a-${tag}`, `e2e-off-b-${tag}`)

      await page.setViewportSize({ width: 1280, height: 800 })
      await loginStaff(page, 'officer.tengzhou')
      await page.locator('#staff-nav >> visible=true').getByText('理赔转交').click()
      await page.waitForURL(/packages\/admin\/claims\/index/)
      await expectText('#claims-total', /共 \d+ 条理赔/)
      const rows = page.locator('.claims-row >> visible=true', { hasText: c.caseNumber })
      await rows.first().waitFor()
      expect((await rows.count()) === 2, `rows of the case: ${await rows.count()}`)
      const all = (await page.locator('#claims-table >> visible=true').innerText())
      expect(!/市中大队/.test(all), `another unit's claim is listed: ${all}`)
      await page.screenshot({ path: `${ARTIFACTS}officer-claims.png` })
    },
  },
]
