// App configuration: driver pages in the main package, staff workbenches in subpackages, tab bar.
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/messages/index',
    'pages/me/index',
    'pages/login/index',
    'pages/staff-login/index',
    'pages/staff-password/index',
    'pages/accident/index',
    'pages/accident/report/index',
    'pages/accident/join/index',
    'pages/accident/detail/index',
    'pages/exam/index',
    'pages/exam/sessions/index',
    'pages/inquiry/index',
    'pages/consult/index',
    'pages/consult/detail/index',
    'pages/privacy/index',
    // The public check of an issued document (its QR code): no login.
    'pages/verify/index',
  ],
  subPackages: [
    { root: 'packages/officer', pages: ['index/index', 'case/index'] },
    { root: 'packages/agent', pages: ['index/index', 'faq/index'] },
    { root: 'packages/admin', pages: ['index/index', 'exams/index', 'delivery/index', 'import/index', 'audit/index', 'staff/index', 'units/index', 'claims/index'] },
    // Statistics: admins and officers alike (their own unit), so a subpackage of its own.
    { root: 'packages/stats', pages: ['index/index'] },
    // The insurers' claims console (role insurer).
    { root: 'packages/insurer', pages: ['index/index', 'claim/index'] },
  ],
  // WeChat's privacy check (隐私保护指引): APIs that need consent wait for wx.onNeedPrivacyAuthorization
  // (services/privacy.ts); the accident report asks for the location with getLocation.
  __usePrivacyCheck__: true,
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于确定事故发生的地点和负责处理的交警大队' } },
  window: {
    navigationBarTitleText: '交管服务',
    navigationBarBackgroundColor: '#1a4fa0',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f9',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#1a4fa0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tabbar/messages.png', selectedIconPath: 'assets/tabbar/messages-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
})
