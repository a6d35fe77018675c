// Headless logic smoke test of the production weapp build: runs its JS in a Node vm with a fake `wx`,
// renders every page, taps buttons and checks the wx.request / wx.login / navigation calls.
// Usage: node e2e/weapp-smoke.cjs [dist/weapp]
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')

const pkgDir = path.resolve(__dirname, '..')
const dist = path.resolve(pkgDir, process.argv[2] || 'dist/weapp')
// The weapp build talks to API_BASE (config/index.ts); pass the same value when it was overridden.
const API = process.env.API_BASE || 'http://127.0.0.1:3000'

let passed = 0
let failed = 0
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
// What the page is still doing: unanswered wx.request calls and the time of the last setData.
let pendingReplies = 0
let lastActivity = 0

/**
 * Waits until the page is quiet: rendered at least once since `since` (when given), every request
 * answered and no setData for 120 ms. At most 5 s: a loaded machine delays renders and effects.
 */
async function settle(since) {
  const until = Date.now() + 5000
  await sleep(60)
  const busy = () => pendingReplies > 0 || Date.now() - lastActivity < 120 || (since !== undefined && lastActivity < since)
  while (Date.now() < until && busy()) await sleep(20)
}

async function check(name, fn) {
  try {
    const detail = await fn()
    passed += 1
    process.stdout.write(`ok   ${name}${detail ? ` (${detail})` : ''}\n`)
  } catch (err) {
    failed += 1
    process.stdout.write(`FAIL ${name}: ${err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : String(err)}\n`)
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message)
}

function finish() {
  process.stdout.write(`weapp-smoke: ${passed} passed, ${failed} failed\n`)
  process.exit(failed === 0 ? 0 : 1)
}

// ---- fake wx -------------------------------------------------------------------------------------

const storage = new Map()
const calls = { request: [], login: [], navigateTo: [], redirectTo: [], reLaunch: [], switchTab: [], setStorageSync: [] }
/** Answers wx.request: (options) => { statusCode, data }. Tests replace it. */
let api = () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到' } } })
/** Answers wx.login: () => { code } or null for a failure. */
let wxLogin = () => ({ code: 'wx-code' })

const sys = {
  platform: 'devtools', system: 'iOS 16', model: 'iPhone', brand: 'devtools', pixelRatio: 2,
  screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 740, statusBarHeight: 44,
  language: 'zh_CN', version: '8.0.50', SDKVersion: '3.5.0', fontSizeSetting: 16,
  safeArea: { top: 44, left: 0, right: 375, bottom: 778, width: 375, height: 734 },
}

function navigation(kind) {
  return (o) => {
    calls[kind].push(o)
    setTimeout(() => o && o.success && o.success({ errMsg: `${kind}:ok` }), 0)
  }
}

const wxBase = {
  getSystemInfoSync: () => sys,
  getSystemInfo: (o) => setTimeout(() => o && o.success && o.success(sys), 0),
  getWindowInfo: () => sys,
  getDeviceInfo: () => sys,
  getAppBaseInfo: () => sys,
  getSystemSetting: () => ({}),
  getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop' } }),
  getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
  setStorageSync: (k, v) => {
    calls.setStorageSync.push([k, v])
    storage.set(k, v)
  },
  removeStorageSync: (k) => storage.delete(k),
  clearStorageSync: () => storage.clear(),
  request: (o) => {
    calls.request.push(o)
    const res = api(o)
    const task = { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    pendingReplies += 1
    setTimeout(() => {
      const result = { statusCode: res.statusCode, data: res.data, header: {}, errMsg: 'request:ok' }
      pendingReplies -= 1
      lastActivity = Date.now()
      if (o.success) o.success(result)
      if (o.complete) o.complete(result)
    }, 0)
    return task
  },
  login: (o) => {
    calls.login.push(o)
    const res = wxLogin()
    setTimeout(() => {
      if (res) o.success && o.success({ code: res.code, errMsg: 'login:ok' })
      else o.fail && o.fail({ errMsg: 'login:fail' })
      o.complete && o.complete({})
    }, 0)
  },
  navigateTo: navigation('navigateTo'),
  redirectTo: navigation('redirectTo'),
  reLaunch: navigation('reLaunch'),
  switchTab: navigation('switchTab'),
  // Taro binds the wx APIs it finds: the tab badge calls must exist to be bound.
  setTabBarBadge: (o) => setTimeout(() => o && o.success && o.success({ errMsg: 'setTabBarBadge:ok' }), 0),
  removeTabBarBadge: (o) => setTimeout(() => o && o.success && o.success({ errMsg: 'removeTabBarBadge:ok' }), 0),
  nextTick: (fn) => setTimeout(fn, 0),
  canIUse: () => true,
}

const wx = new Proxy(wxBase, {
  get: (t, k) => (k in t ? t[k] : typeof k === 'string' && /^[a-z]/.test(k) && !/^webpack/.test(k) ? () => {} : undefined),
  set: (t, k, v) => ((t[k] = v), true),
})

// ---- mini-program runtime stand-in ---------------------------------------------------------------

const reg = { app: null, pages: {}, comps: [] }
let current = ''
let stack = []
const ctx = vm.createContext({
  wx, console, setTimeout, clearTimeout, setInterval, clearInterval, Promise, Date, Math, JSON,
  App: (c) => (reg.app = c),
  Page: (c) => (reg.pages[current] = c),
  Component: (c) => reg.comps.push(c),
  Behavior: (c) => c,
  getApp: () => reg.app,
  getCurrentPages: () => stack,
  requirePlugin: () => ({}),
})
const modules = new Map()

function load(file) {
  const full = path.resolve(file.endsWith('.js') ? file : `${file}.js`)
  if (modules.has(full)) return modules.get(full).exports
  const module = { exports: {} }
  modules.set(full, module)
  const code = fs.readFileSync(full, 'utf8')
  const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, ctx, { filename: full })
  fn((dep) => load(path.resolve(path.dirname(full), dep)), module, module.exports)
  return module.exports
}

/** Applies one setData call, with keys like 'root.cn.[0].cn.[2].v'. */
function applySetData(data, patch) {
  for (const [key, value] of Object.entries(patch)) {
    const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
    let obj = data
    for (let i = 0; i < parts.length - 1; i += 1) {
      const p = parts[i]
      if (obj[p] === undefined || obj[p] === null) obj[p] = /^\d+$/.test(parts[i + 1]) ? [] : {}
      obj = obj[p]
    }
    obj[parts[parts.length - 1]] = value
  }
}

const pages = {}

async function openPage(route, query = {}) {
  current = route
  if (!reg.pages[route]) load(path.join(dist, route))
  const config = reg.pages[route]
  assert(config, `${route} did not call Page()`)
  const inst = Object.assign(Object.create(config), {
    route,
    __route__: route,
    options: query,
    data: JSON.parse(JSON.stringify(config.data || {})),
    setData(patch, cb) {
      lastActivity = Date.now()
      applySetData(this.data, patch)
      if (cb) setTimeout(cb, 0)
    },
  })
  stack = [inst]
  const opened = Date.now()
  inst.onLoad(query)
  inst.onShow()
  if (inst.onReady) inst.onReady()
  await settle(opened)
  pages[route] = inst
  return inst
}

// ---- rendered tree helpers -----------------------------------------------------------------------

function nodes(inst) {
  const out = []
  const visit = (n) => {
    if (!n || typeof n !== 'object') return
    out.push(n)
    for (const c of n.cn || []) visit(c)
  }
  visit(inst.data.root)
  return out
}

function textOf(node) {
  let s = typeof node.v === 'string' ? node.v : ''
  for (const c of node.cn || []) s += textOf(c)
  return s
}

const pageText = (inst) => (inst.data.root ? textOf(inst.data.root) : '')

function byId(inst, id) {
  const node = nodes(inst).find((n) => n.uid === id)
  assert(node, `#${id} not rendered`)
  return node
}

async function fire(inst, node, type, detail = {}) {
  const target = { id: node.sid, dataset: {} }
  inst.eh({ type, currentTarget: target, target, detail, timeStamp: Date.now() })
  await settle()
}

const tap = (inst, id) => fire(inst, byId(inst, id), 'tap')
const typeInto = (inst, id, value) => fire(inst, byId(inst, id), 'input', { value, cursor: value.length })

function lastRequest() {
  assert(calls.request.length > 0, 'no wx.request call')
  return calls.request[calls.request.length - 1]
}

function resetCalls() {
  for (const k of Object.keys(calls)) calls[k].length = 0
}

// ---- checks --------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    await check('build output exists', () => assert(false, `${dist} has no app.json; run npm run build:weapp first`))
    finish()
  }
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  const subPackages = app.subPackages || app.subpackages || []
  const allPages = [...app.pages, ...subPackages.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`))]

  await check('app.js loads and registers App()', () => {
    load(path.join(dist, 'app'))
    assert(reg.app, 'App() not called')
    reg.app.onLaunch && reg.app.onLaunch({ path: 'pages/index/index', query: {}, scene: 1001 })
    reg.app.onShow && reg.app.onShow({ path: 'pages/index/index', query: {}, scene: 1001 })
  })
  if (!reg.app) finish()

  // Logged out: every page loads and renders something.
  api = (o) =>
    o.url.endsWith('/api/me')
      ? { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }
      : { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '未找到' } } }
  for (const route of allPages) {
    await check(`page ${route} renders`, async () => {
      const inst = await openPage(route)
      const text = pageText(inst)
      assert(text.trim().length > 0, 'rendered no text')
      return text.trim().slice(0, 16)
    })
  }

  await check('home page shows its three entries and the consultation entry', async () => {
    const inst = await openPage('pages/index/index')
    byId(inst, 'home-title')
    for (const [id, label] of [['entry-accident', '事故快处'], ['entry-exam', '考试预约'], ['entry-inquiry', '业务查询'], ['entry-consult', '在线咨询']]) {
      assert(textOf(byId(inst, id)).includes(label), `#${id} lacks ${label}`)
    }
    assert(textOf(byId(inst, 'login-state')).includes('还没有登录'), 'login state not shown')
  })

  await check('home page shows a driver the case in progress, and its card opens it', async () => {
    resetCalls()
    storage.set('jg.token', 'driver-token')
    storage.set('jg.role', 'driver')
    api = (o) => {
      if (o.url.includes('/api/accidents')) return { statusCode: 200, data: { items: [{ id: 5, caseNumber: 'SG1', status: 'NEGOTIATING', statusText: '协商中', updatedAt: '2026-12-02T01:00:00.000Z' }], total: 1 } }
      if (o.url.includes('/api/me/notifications')) return { statusCode: 200, data: { items: [], total: 0, unread: 0 } }
      if (o.url.includes('/api/exam/bookings')) return { statusCode: 200, data: { items: [], total: 0 } }
      return { statusCode: 200, data: { id: 'd1', role: 'driver', nickname: '小程序用户', identity: { bound: false } } }
    }
    const inst = await openPage('pages/index/index')
    await new Promise((r) => setTimeout(r, 50))
    assert(textOf(byId(inst, 'work-case')).includes('确认责任并签名'), 'no case card')
    await tap(inst, 'work-case')
    assert(calls.navigateTo.some((c) => c.url === '/pages/accident/detail/index?id=5'), JSON.stringify(calls.navigateTo))
    storage.clear()
  })

  await check('tapping 事故快处 opens the accident page', async () => {
    resetCalls()
    const inst = await openPage('pages/index/index')
    await tap(inst, 'entry-accident')
    assert(calls.navigateTo.length === 1, `navigateTo called ${calls.navigateTo.length} times`)
    assert(calls.navigateTo[0].url === '/pages/accident/index', calls.navigateTo[0].url)
  })

  await check('login button calls wx.login and posts the code to /api/auth/wechat', async () => {
    resetCalls()
    storage.clear()
    wxLogin = () => ({ code: 'smoke-code-1' })
    api = () => ({ statusCode: 200, data: { token: 'smoke-token', user: { id: 'd1', role: 'driver' } } })
    const inst = await openPage('pages/login/index')
    await tap(inst, 'wechat-login')
    assert(calls.login.length === 1, 'wx.login not called')
    const req = lastRequest()
    assert(req.url === `${API}/api/auth/wechat`, `url ${req.url}`)
    assert(String(req.method).toUpperCase() === 'POST', `method ${req.method}`)
    const body = typeof req.data === 'string' ? JSON.parse(req.data) : req.data
    assert(body && body.code === 'smoke-code-1', `body ${JSON.stringify(req.data)}`)
    assert(storage.get('jg.token') === 'smoke-token', 'token not stored')
    assert(calls.reLaunch.some((c) => c.url === '/pages/index/index'), 'did not go home')
  })

  await check('a refused WeChat login shows the server message', async () => {
    resetCalls()
    storage.clear()
    api = () => ({ statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '登录凭证无效，请重试' } } })
    const inst = await openPage('pages/login/index')
    await tap(inst, 'wechat-login')
    assert(textOf(byId(inst, 'login-error')).includes('登录凭证无效，请重试'), 'error not shown')
    assert(!storage.has('jg.token'), 'token stored after a refusal')
  })

  await check('staff login with a wrong password shows the server message', async () => {
    resetCalls()
    api = () => ({ statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '账号或密码错误' } } })
    const inst = await openPage('pages/staff-login/index')
    await typeInto(inst, 'staff-username', 'officer.tengzhou')
    await typeInto(inst, 'staff-password', 'wrong')
    await tap(inst, 'staff-login')
    const req = lastRequest()
    assert(req.url === `${API}/api/auth/staff`, `url ${req.url}`)
    const body = typeof req.data === 'string' ? JSON.parse(req.data) : req.data
    assert(body.username === 'officer.tengzhou' && body.password === 'wrong', `body ${JSON.stringify(body)}`)
    assert(textOf(byId(inst, 'staff-error')).includes('账号或密码错误'), 'error not shown')
  })

  await check('staff login as an officer goes to the officer subpackage', async () => {
    resetCalls()
    api = () => ({
      statusCode: 200,
      data: { token: 'officer-token', user: { id: 's1', role: 'officer', username: 'officer.tengzhou', displayName: '滕州民警', unit: { code: 'tengzhou', name: '滕州' } } },
    })
    const inst = await openPage('pages/staff-login/index')
    await typeInto(inst, 'staff-username', 'officer.tengzhou')
    await typeInto(inst, 'staff-password', 'demo-pass-2026')
    await tap(inst, 'staff-login')
    assert(calls.reLaunch.some((c) => c.url === '/packages/officer/index/index'), JSON.stringify(calls.reLaunch.map((c) => c.url)))
  })

  await check('a workbench opened without a staff login sends the visitor to the staff login', async () => {
    resetCalls()
    storage.clear()
    await openPage('packages/admin/index/index')
    assert(calls.redirectTo.some((c) => c.url === '/pages/staff-login/index'), JSON.stringify(calls.redirectTo.map((c) => c.url)))
  })

  await check('officer workbench shows the name and unit', async () => {
    resetCalls()
    storage.set('jg.token', 'officer-token')
    api = (o) => {
      assert(o.header && o.header.Authorization === 'Bearer officer-token', 'no Bearer token sent')
      if (o.url.endsWith('/api/officer/stats')) {
        return { statusCode: 200, data: { day: '2026-11-27', decided: { CONFIRM: 2, RETURN: 1, TRANSFER: 0, total: 3 }, waiting: { total: 4, disputed: 1 } } }
      }
      if (o.url.includes('/api/officer/')) return { statusCode: 200, data: { items: [], total: 0 } }
      return { statusCode: 200, data: { id: 's1', role: 'officer', username: 'officer.tengzhou', displayName: '滕州民警', unit: { code: 'tengzhou', name: '滕州' } } }
    }
    const inst = await openPage('packages/officer/index/index')
    // The workbench asks who is logged in first, then loads its own data (the live event stream
    // opens beside, as the page mounts).
    const loads = calls.request.map((r) => r.url).filter((u) => u !== `${API}/api/officer/events`)
    assert(loads[0] === `${API}/api/me`, loads.join(', '))
    assert(calls.request.some((r) => r.url === `${API}/api/officer/events` && r.enableChunked), 'the live queue is not listened to')
    assert(textOf(byId(inst, 'staff-unit')).includes('滕州'), 'unit not shown')
    assert(textOf(byId(inst, 'staff-name')).includes('滕州民警'), 'name not shown')
    assert(textOf(byId(inst, 'officer-stats-decided')).includes('今天已处理 3 起'), "today's count not shown")
  })

  await check('statistics page: every chart as its table, no chart library in the mini-program', async () => {
    resetCalls()
    storage.set('jg.token', 'admin-token')
    const zero = { sent: 0, failed: 0, pending: 0, skipped: 0 }
    const stats = {
      from: '2026-11-30', to: '2026-12-01', unit: null,
      accidents: {
        byDay: [{ date: '2026-11-30', submitted: 2, resubmitted: 0, confirmed: 1, returned: 1, transferred: 0, handedOver: 0 }],
        totals: { submitted: 2, resubmitted: 0, confirmed: 1, returned: 1, transferred: 0, handedOver: 0 },
        decisionMinutes: { count: 2, median: 20, p90: 28 }, decisionByDay: [{ date: '2026-11-30', count: 2, median: 20, p90: 28 }],
      },
      consultations: { created: 0, replied: 0, firstReplyMinutes: { count: 0, median: null, p90: null }, limitHours: 4, withinLimit: 0, overdue: 0, waiting: 0, rating: { average: null, count: 0 }, byDay: [] },
      exams: { sessions: 0, cancelled: 0, capacity: 0, confirmed: 0, fillRate: null, noShows: 0, bySubject: [] },
      notifications: { byChannel: { SUBSCRIBE: { ...zero, sent: 3 }, OFFICIAL_TEMPLATE: zero, SMS: zero, AUTO: zero, MESSAGE_CENTRE: zero }, messageCentreRead: 0 },
    }
    api = (o) => {
      if (o.url.includes('/api/admin/stats')) return { statusCode: 200, data: stats }
      if (o.url.includes('/api/units')) return { statusCode: 200, data: { items: [{ code: 'tengzhou', name: '滕州' }], total: 1 } }
      return { statusCode: 200, data: { id: 's1', role: 'admin', username: 'admin', displayName: '系统管理员', unit: null } }
    }
    const inst = await openPage('packages/stats/index/index')
    assert(calls.request.some((r) => r.url.startsWith(`${API}/api/admin/stats?`)), 'the statistics were not asked for')
    assert(textOf(byId(inst, 'stats-table-accidents')).includes('合计'), 'no accident table')
    assert(textOf(byId(inst, 'stats-table-notifications')).includes('订阅消息'), 'no channel table')
    assert(!nodes(inst).some((n) => typeof n.uid === 'string' && n.uid.startsWith('stats-chart-')), 'a chart is drawn in the mini-program')
  })

  await check('accident report page: the steps, 没有 first, a stop with 返回修改, the draft kept', async () => {
    resetCalls()
    storage.set('jg.token', 'driver-token')
    storage.delete('jg.accident.draft')
    api = () => ({ statusCode: 200, data: {} })
    const inst = await openPage('pages/accident/report/index')
    assert(byId(inst, 'step-bar'), 'no step bar')
    await tap(inst, 'accident-safe')
    assert(textOf(byId(inst, 'answer-no')).includes('没有') && textOf(byId(inst, 'answer-yes')).includes('有'), 'answers not 没有 / 有')
    await tap(inst, 'answer-no')
    await tap(inst, 'answer-yes')
    assert(textOf(byId(inst, 'accident-stop-reason')).includes('122'), 'no stop reason')
    await tap(inst, 'stop-back')
    assert(textOf(byId(inst, 'accident-question')).includes('第 2 / 8 题'), textOf(byId(inst, 'accident-question')))
    // Leaving and coming back: the same question.
    // Leaving and coming back reads this draft (the page's unit tests reopen it).
    assert(storage.get('jg.accident.draft').screen === 'questions' && storage.get('jg.accident.draft').question === 1, JSON.stringify(storage.get('jg.accident.draft')))
  })

  const party = (role, over = {}) => ({ role, plate: null, driverName: null, licenceNumber: null, phone: null, insurer: null, policyNumber: null, collisionPart: null, complete: false, agreed: null, signed: false, signatureFileId: null, ...over })
  const accident = {
    id: 7, caseNumber: 'SG20261127123456', status: 'NEGOTIATING', statusText: '协商中', unit: { code: 'tengzhou', name: '滕州' },
    // What the server's case machine lets the reporter of a negotiating case do.
    actions: ['EDIT_DETAILS', 'UPLOAD_PHOTO', 'SET_LIABILITY', 'ANSWER', 'CANCEL'],
    occurredAt: '2026-11-27T01:00:00.000Z', location: { latitude: 35.1, longitude: 117.17, address: '善国北路' }, weather: '晴',
    vehicleCount: 1, myRole: 'A', scenario: null, scenarioName: null, atFault: null, liability: null, disputed: false,
    missingSlots: ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT'], decision: null, document: null, expiresAt: null, parties: [party('A')], photos: [], claims: [], events: [],
  }
  const scenarioList = {
    items: [
      { code: 'REAR_END', name: '追尾', description: '追撞前车', atFault: '后方车辆负全部责任', split: 'ONE' },
      { code: 'SINGLE_VEHICLE', name: '单车事故', description: '单方', atFault: '本车负全部责任', split: 'ONE' },
    ],
    total: 2,
  }
  const serveCase = (c) => (api = (o) => (o.url.endsWith('/scenarios') ? { statusCode: 200, data: scenarioList } : { statusCode: 200, data: c }))
  /** Opens the case page and waits (10 s at most, a loaded machine is slow) until the case has come in. */
  const openCase = async () => {
    const inst = await openPage('pages/accident/detail/index', { id: '7' })
    const until = Date.now() + 10000
    while (Date.now() < until && !nodes(inst).some((n) => n.uid === 'step-bar' || n.uid === 'case-header')) await sleep(50)
    await settle()
    return inst
  }
  const svgSrc = (n) => Object.values(n).find((v) => typeof v === 'string' && v.startsWith('data:'))

  await check('accident case page, 拍照: a sample drawing per photo slot, next held until the required photos', async () => {
    resetCalls()
    storage.set('jg.token', 'driver-token')
    storage.delete('jg.accident.step.7')
    serveCase(accident)
    const inst = await openCase()
    const samples = nodes(inst).filter((n) => typeof n.uid === 'string' && /^slot-[A-Z_]+-sample$/.test(n.uid))
    assert(samples.length === 8, `${samples.length} sample pictures: ${pageText(inst).slice(0, 120)}`)
    const prefix = 'data:image/svg+xml;base64,'
    for (const n of samples) {
      // The image's src, under whatever short attribute name the template gives it.
      const src = svgSrc(n)
      assert(src && src.startsWith(prefix), `${n.uid} has no SVG data URL`)
      assert(Buffer.from(src.slice(prefix.length), 'base64').toString().startsWith('<svg '), `${n.uid} does not decode to SVG`)
    }
    assert(byId(inst, 'step-next') && byId(inst, 'step-back'), 'no next / back')
  })

  await check('accident case page, 双方: the plate province from the picker, the name from the bound identity', async () => {
    resetCalls()
    storage.set('jg.token', 'driver-token')
    storage.delete('jg.accident.details.7')
    storage.delete('jg.accident.step.7')
    const c = { ...accident, missingSlots: [] }
    api = (o) =>
      o.url.endsWith('/api/me')
        ? { statusCode: 200, data: { id: 1, role: 'driver', nickname: 'x', identity: { bound: true, name: '张伟', idNumber: '370402********1011', boundAt: null } } }
        : o.url.endsWith('/api/me/vehicles')
          ? { statusCode: 200, data: { items: [], total: 0 } }
          : { statusCode: 200, data: c }
    const inst = await openCase()
    assert(byId(inst, 'case-details'), 'not on the 双方 step')
    await tap(inst, 'details-plate-province')
    await tap(inst, 'details-plate-province-京')
    await typeInto(inst, 'details-plate', 'a 12345')
    assert(textOf(byId(inst, 'details-plate-hint')) === '京A12345', textOf(byId(inst, 'details-plate-hint')))
    const name = nodes(inst).find((n) => n.uid === 'details-driverName')
    assert(name && JSON.stringify(name).includes('张伟'), 'the name was not prefilled')
  })

  await check('accident case page, 责任: the kept step, a drawing per scenario, no 单车事故 in a two-car case', async () => {
    resetCalls()
    storage.set('jg.accident.step.7', 'liability')
    serveCase({ ...accident, vehicleCount: 2, missingSlots: [], parties: [party('A', { complete: true }), party('B', { complete: true })] })
    const inst = await openCase()
    const picture = byId(inst, 'scenario-REAR_END-picture')
    assert(String(svgSrc(picture)).startsWith('data:image/svg+xml;base64,'), 'no scenario drawing')
    assert(!nodes(inst).some((n) => n.uid === 'scenario-SINGLE_VEHICLE'), '单车事故 offered in a two-car case')
  })

  await check('accident case page, submitted: what happens next and the review deadline', async () => {
    resetCalls()
    serveCase({
      ...accident, status: 'PENDING_REVIEW', statusText: '待民警审核', actions: [], missingSlots: [], reviewDueAt: '2026-11-27T02:30:00.000Z',
      scenario: 'SINGLE_VEHICLE', scenarioName: '单车事故', liability: { A: '全部' }, parties: [party('A', { complete: true, agreed: true, signed: true })],
    })
    const inst = await openCase()
    assert(textOf(byId(inst, 'case-deadline')) === '预计 11月27日 10:30 前审核完毕', textOf(byId(inst, 'case-deadline')))
    assert(textOf(byId(inst, 'case-liability-result')).includes('我方（本车）全部责任'), 'no liability')
  })

  await check('me page shows a driver and the identity form reports the server error', async () => {
    resetCalls()
    storage.set('jg.token', 'driver-token')
    api = (o) =>
      o.url.endsWith('/api/me/identity')
        ? { statusCode: 400, data: { error: { code: 'VALIDATION_FAILED', message: '身份证号校验位不正确' } } }
        : { statusCode: 200, data: { id: 'd1', role: 'driver', nickname: '小程序用户', identity: { bound: false } } }
    const inst = await openPage('pages/me/index')
    assert(textOf(byId(inst, 'me-name')).includes('小程序用户'), 'nickname not shown')
    assert(textOf(byId(inst, 'identity-status')).includes('未绑定'), 'identity state not shown')
    await typeInto(inst, 'identity-name', '张三')
    await typeInto(inst, 'identity-number', '370402199001011230')
    // In the mini-program the phone proof is WeChat's own button; the file number is typed.
    await tap(inst, 'identity-proof-fileNumber')
    await typeInto(inst, 'identity-file-number', '370400100001')
    await tap(inst, 'identity-submit')
    // The officer pages opened earlier keep reconnecting their live queue in the background.
    const own = calls.request.filter((r) => r.url !== `${API}/api/officer/events`).at(-1)
    assert(own && own.url === `${API}/api/me/identity`, own && own.url)
    assert(textOf(byId(inst, 'identity-error')).includes('身份证号校验位不正确'), 'error not shown')
  })

  finish()
}

main().catch((err) => {
  failed += 1
  process.stdout.write(`FAIL smoke run: ${err && err.stack ? err.stack : err}\n`)
  finish()
})
