// Static check of a production weapp build: app.json, page files, subpackages, size limits, ES5 syntax.
// Usage: node e2e/check-weapp.mjs [dist/weapp]   (run on production builds only)
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { fileURLToPath } from 'node:url'
import * as acorn from 'acorn'

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.resolve(pkgDir, process.argv[2] ?? 'dist/weapp')
const MB = 1024 * 1024
const PACKAGE_LIMIT = 2 * MB
const TOTAL_LIMIT = 20 * MB

let passed = 0
let failed = 0
const warnings = []

function check(name, fn) {
  try {
    const detail = fn()
    passed += 1
    process.stdout.write(`ok   ${name}${detail ? ` (${detail})` : ''}\n`)
  } catch (err) {
    failed += 1
    process.stdout.write(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}\n`)
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message)
}

function walk(dir) {
  const out = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walk(full))
    else out.push(full)
  }
  return out
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`

function finish() {
  for (const w of warnings) process.stdout.write(`warn ${w}\n`)
  process.stdout.write(`check-weapp: ${passed} passed, ${failed} failed\n`)
  process.exit(failed === 0 ? 0 : 1)
}

if (!fs.existsSync(dist)) {
  check('build output exists', () => assert(false, `${process.argv[2] ?? 'dist/weapp'} is missing; run npm run build:weapp first`))
  finish()
}

let app = null
check('app.json parses and lists pages', () => {
  app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8'))
  assert(Array.isArray(app.pages) && app.pages.length > 0, 'app.json has no pages')
  return `${app.pages.length} main pages`
})
if (!app) finish()

const subPackages = app.subPackages ?? app.subpackages ?? []
const subRoots = subPackages.map((s) => s.root.replace(/\/+$/, ''))
const inRoot = (rel, root) => rel === root || rel.startsWith(`${root}/`)

for (const file of ['app.js', 'app.wxss']) {
  check(`${file} exists`, () => assert(fs.existsSync(path.join(dist, file)), `${file} missing`))
}

const allPages = [...app.pages, ...subPackages.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`))]
for (const page of allPages) {
  check(`page ${page} has .js .json .wxml`, () => {
    const missing = ['.js', '.json', '.wxml'].filter((ext) => !fs.existsSync(path.join(dist, page + ext)))
    assert(missing.length === 0, `missing ${missing.join(', ')}`)
  })
}

check('no main page inside a subpackage root', () => {
  const bad = app.pages.filter((p) => subRoots.some((r) => inRoot(p, r)))
  assert(bad.length === 0, bad.join(', '))
  return `${subRoots.length} subpackages`
})

if (app.tabBar) {
  check('tab bar pages are main-package pages', () => {
    const list = app.tabBar.list ?? []
    assert(list.length >= 2 && list.length <= 5, `tab bar needs 2–5 items, has ${list.length}`)
    const bad = list.filter((t) => !app.pages.includes(t.pagePath))
    assert(bad.length === 0, bad.map((t) => t.pagePath).join(', '))
    const icons = list.flatMap((t) => [t.iconPath, t.selectedIconPath]).filter(Boolean)
    const missing = icons.filter((icon) => !fs.existsSync(path.join(dist, icon)))
    assert(missing.length === 0, `missing icons: ${missing.join(', ')}`)
    return list.map((t) => t.text).join(' · ')
  })
}

const files = walk(dist).map((full) => ({ full, rel: path.relative(dist, full).split(path.sep).join('/') }))
const appFiles = files.filter((f) => f.rel !== 'project.config.json' && f.rel !== 'project.private.config.json')

for (const f of appFiles.filter((x) => x.rel.endsWith('.json'))) {
  check(`${f.rel} parses`, () => void JSON.parse(fs.readFileSync(f.full, 'utf8')))
}

for (const f of appFiles.filter((x) => x.rel.endsWith('.js'))) {
  check(`${f.rel} compiles and is ES5`, () => {
    const code = fs.readFileSync(f.full, 'utf8')
    new vm.Script(code, { filename: f.rel })
    try {
      acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' })
    } catch (err) {
      throw new Error(`not ES5: ${err.message}`)
    }
  })
}

const size = (list) => list.reduce((sum, f) => sum + fs.statSync(f.full).size, 0)
const mainFiles = appFiles.filter((f) => !subRoots.some((r) => inRoot(f.rel, r)))
check('main package ≤ 2 MB', () => {
  const n = size(mainFiles)
  assert(n <= PACKAGE_LIMIT, `${kb(n)}`)
  return kb(n)
})
for (const root of subRoots) {
  check(`subpackage ${root} ≤ 2 MB`, () => {
    const n = size(appFiles.filter((f) => inRoot(f.rel, root)))
    assert(n <= PACKAGE_LIMIT, `${kb(n)}`)
    return kb(n)
  })
}
check('whole app ≤ 20 MB', () => {
  const n = size(appFiles)
  assert(n <= TOTAL_LIMIT, `${kb(n)}`)
  return kb(n)
})

const projectConfig = path.join(dist, 'project.config.json')
if (!fs.existsSync(projectConfig)) warnings.push('project.config.json is missing (WeChat DevTools needs it)')
else {
  try {
    if (!JSON.parse(fs.readFileSync(projectConfig, 'utf8')).appid) warnings.push('project.config.json has no appid')
  } catch {
    warnings.push('project.config.json does not parse')
  }
}

finish()
