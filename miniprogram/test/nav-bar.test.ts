// Where the browser build's back arrow leads when a page was opened by its address.
import { homeFor, isRootPage } from '@/utils/nav-bar'

describe('the back arrow with no previous page', () => {
  it('leads driver pages to 首页 and staff pages to the signed-in role’s workbench', () => {
    expect(homeFor('/pages/accident/report/index', '')).toBe('/pages/index/index')
    expect(homeFor('/packages/admin/import/index', 'admin')).toBe('/packages/admin/index/index')
    expect(homeFor('/packages/stats/index/index', 'officer')).toBe('/packages/officer/index/index')
    expect(homeFor('/packages/agent/faq/index', 'driver')).toBe('/pages/staff-login/index')
  })

  it('is not offered on tab pages and workbenches', () => {
    expect(isRootPage('/pages/me/index')).toBe(true)
    expect(isRootPage('/packages/agent/index/index')).toBe(true)
    expect(isRootPage('/pages/exam/index')).toBe(false)
  })
})
