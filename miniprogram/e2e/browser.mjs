// Browser journeys against a running server that serves the h5 build (fake WeChat, demo data seeded).
// Usage: E2E_BASE_URL=http://127.0.0.1:3000 [CHROME_PATH=/usr/bin/chromium] node e2e/browser.mjs
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const artifacts = path.join(pkgDir, 'e2e', 'artifacts')
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'
const base = (process.env.E2E_BASE_URL || '').replace(/\/+$/, '')
const STAFF_PASSWORD = 'demo-pass-2026'

let passed = 0
let failed = 0

function summary() {
  process.stdout.write(`browser: ${passed} passed, ${failed} failed\n`)
  process.exit(failed === 0 ? 0 : 1)
}

function abort(message) {
  process.stdout.write(`${message}\n`)
  failed += 1
  summary()
}

if (!fs.existsSync(chromePath)) {
  abort(`No Chromium at ${chromePath}. Install it with: apt-get install -y chromium (or set CHROME_PATH).`)
}
if (!base) abort('Set E2E_BASE_URL to the address of a running server, e.g. E2E_BASE_URL=http://127.0.0.1:3000')
try {
  const res = await fetch(`${base}/`)
  if (!res.ok) abort(`${base}/ answered ${res.status}; is the server serving the h5 build?`)
} catch (err) {
  abort(`Cannot reach ${base}/ (${err instanceof Error ? err.message : err}); start the server first.`)
}

/** A valid-looking 18-digit ID number whose check digit is deliberately wrong. */
function badIdNumber() {
  const body = `37040219${80 + Math.floor(Math.random() * 20)}0101${String(100 + Math.floor(Math.random() * 900))}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0)
  const right = '10X98765432'[sum % 11]
  return body + (right === '0' ? '1' : '0')
}

fs.mkdirSync(artifacts, { recursive: true })
const browser = await chromium.launch({
  executablePath: chromePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
})
const pageErrors = []

/** A fresh browser context (own storage, phone-sized) whose page errors are collected. */
async function newPage(viewport = { width: 375, height: 740 }) {
  const context = await browser.newContext({ viewport })
  // Generous: CI machines are small and the journeys wait on real servers.
  context.setDefaultTimeout(20_000)
  const p = await context.newPage()
  p.on('pageerror', (err) => pageErrors.push(err.message))
  // Refused API calls (401, 400 …) are logged by the browser as failed loads; anything else is a fault.
  p.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      pageErrors.push(msg.text().replace(/data:[^'"\s]{40,}/g, (url) => `${url.slice(0, 40)}…`))
    }
  })
  return p
}

let page = await newPage()

/** The visible element for a selector (H5 keeps hidden instances of pages in the stack). */
const visible = (selector, on = page) => on.locator(`${selector} >> visible=true`).first()

async function textOf(selector, on = page) {
  const el = visible(selector, on)
  await el.waitFor()
  return (await el.innerText()).trim()
}

async function expectText(selector, pattern, on = page) {
  await on.waitForFunction(
    ([sel, source]) =>
      [...document.querySelectorAll(sel)].some((el) => el.offsetParent !== null && new RegExp(source).test(el.textContent || '')),
    [selector, pattern.source],
  )
}

async function fill(id, value, on = page) {
  const input = visible(`#${id} input`, on)
  await input.waitFor()
  await input.fill(value)
}

function assert(cond, message) {
  if (!cond) throw new Error(message)
}

let step = 0
async function journey(name, fn) {
  step += 1
  const shot = path.join(artifacts, `${String(step).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`)
  const started = Date.now()
  try {
    await fn()
    passed += 1
    process.stdout.write(`ok   ${name} (${Date.now() - started} ms)\n`)
  } catch (err) {
    failed += 1
    process.stdout.write(`FAIL ${name}: ${err instanceof Error ? err.message.split('\n')[0] : err} [at ${page.url()}]\n`)
  }
  await page.waitForTimeout(300).catch(() => undefined)
  await page.screenshot({ path: shot }).catch(() => undefined)
}

const driverName = `e2e-${Math.random().toString(36).slice(2, 8)}`

await journey('driver logs in through the simulated WeChat login', async () => {
  await page.goto(`${base}/`)
  await visible('#home-title').waitFor()
  assert(page.url().includes('/pages/index/index'), `opened ${page.url()}`)
  await expectText('#login-state', /还没有登录/)
  await visible('#home-login').click()
  await page.waitForURL(/pages\/login\/index/)
  assert((await textOf('#fake-login-note')).includes('模拟微信登录'), 'the simulated login is not explained')
  await fill('fake-name', driverName)
  await visible('#fake-login').click()
  await page.waitForURL(/pages\/index\/index/)
  await expectText('#login-state', /已登录/)
  for (const [id, label] of [['entry-accident', '事故快处'], ['entry-exam', '考试预约'], ['entry-inquiry', '业务查询'], ['entry-consult', '在线咨询']]) {
    assert((await textOf(`#${id}`)).includes(label), `#${id} does not say ${label}`)
  }
})

await journey('binding an invalid ID number shows the server error', async () => {
  await page.locator('.weui-tabbar__item:visible', { hasText: '我的' }).click()
  await page.waitForURL(/pages\/me\/index/)
  await expectText('#identity-status', /未绑定/)
  await fill('identity-name', '张三')
  await fill('identity-number', badIdNumber())
  // The browser's stand-in for WeChat's phone button: the server judges the ID number first.
  await fill('identity-phone', '13800000001')
  await visible('#identity-submit').click()
  const message = await textOf('#identity-error')
  assert(/身份证/.test(message), `the error does not say what is wrong with the ID number: "${message}"`)
  assert((await textOf('#identity-status')).includes('未绑定'), 'identity became bound')
})

await journey('driver logs out', async () => {
  await visible('#logout').click()
  await visible('#me-guest').waitFor()
  await page.reload()
  await visible('#me-guest').waitFor()
  await page.goto(`${base}/#/pages/index/index`)
  await expectText('#login-state', /还没有登录/)
})

await journey('officer logs in and lands on the officer workbench of 滕州', async () => {
  await visible('#home-staff-login').click()
  await page.waitForURL(/pages\/staff-login\/index/)
  await fill('staff-username', 'officer.tengzhou')
  await fill('staff-password', STAFF_PASSWORD)
  await visible('#staff-login').click()
  await page.waitForURL(/packages\/officer\/index\/index/)
  assert((await textOf('#staff-unit')).includes('滕州'), 'unit 滕州 not shown')
  assert((await textOf('#staff-name')).length > 0, 'staff name not shown')
  assert((await textOf('#staff-title')).includes('民警工作台'), 'not the officer workbench')
})

await journey('a wrong staff password shows the error', async () => {
  await page.goto(`${base}/#/pages/staff-login/index`)
  await fill('staff-username', 'officer.shizhong')
  await fill('staff-password', `wrong-${Date.now()}`)
  await visible('#staff-login').click()
  const message = await textOf('#staff-error')
  assert(/[\u4e00-\u9fa5]/.test(message), `error message not in Chinese: "${message}"`)
  assert(page.url().includes('pages/staff-login/index'), `navigated to ${page.url()}`)
})

/** Logs a driver in through the simulated WeChat login on the given page. */
async function loginDriver(on, name = `e2e-${Math.random().toString(36).slice(2, 8)}`) {
  await on.goto(`${base}/#/pages/login/index`)
  await fill('fake-name', name, on)
  await visible('#fake-login', on).click()
  await on.waitForURL(/pages\/index\/index/)
  await expectText('#login-state', /已登录/, on)
  return name
}

/** Logs a staff member in through the staff login page; lands on their workbench. */
async function loginStaff(on, username, password = STAFF_PASSWORD) {
  await on.goto(`${base}/#/pages/staff-login/index`)
  await fill('staff-username', username, on)
  await fill('staff-password', password, on)
  await visible('#staff-login', on).click()
  await on.waitForURL(/packages\/(officer|agent|admin|insurer)\//)
  // The workbench has checked the login: moving on before that races the router (h5 keeps a page
  // stack, and a page still loading can come to the front over the next one).
  await visible('#staff-name', on).waitFor()
}

// Journeys of each domain live in e2e/journeys/<domain>.mjs:
// export default [{ name, async run({ page, newPage, baseUrl, fakeWechatUrl, loginDriver, loginStaff, expect, helpers }) {} }]
const journeysDir = path.join(pkgDir, 'e2e', 'journeys')
// E2E_JOURNEYS=screens,stats runs only those files (while working on one domain).
const only = (process.env.E2E_JOURNEYS || '').split(',').filter(Boolean)
const modules = (fs.existsSync(journeysDir) ? fs.readdirSync(journeysDir).filter((f) => f.endsWith('.mjs')).sort() : []).filter(
  (f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')),
)
for (const file of modules) {
  const { default: journeys } = await import(path.join(journeysDir, file))
  for (const j of journeys) {
    page = await newPage()
    await journey(`${file.replace(/\.mjs$/, '')}: ${j.name}`, () =>
      j.run({
        page,
        newPage,
        baseUrl: base,
        fakeWechatUrl: (process.env.FAKE_WECHAT_URL || '').replace(/\/+$/, ''),
        // Either (name) on this journey's page, or (otherPage, name) for a second user.
        loginDriver: (a, b) => (typeof a === 'string' || a === undefined ? loginDriver(page, a) : loginDriver(a, b)),
        loginStaff: (a, b, c) => (typeof a === 'string' ? loginStaff(page, a, b) : loginStaff(a, b, c)),
        expect: assert,
        helpers: { visible, textOf, expectText, fill, assert },
      }),
    )
    await page.context().close()
  }
}

await journey('no uncaught errors or console errors in any page', async () => {
  assert(pageErrors.length === 0, pageErrors.join(' | '))
})

await browser.close()
summary()
