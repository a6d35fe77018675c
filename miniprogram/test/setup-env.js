// Jest environment setup: Taro target variables and a canvas stub for NutUI's lottie import.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'

const canvasContext = () =>
  new Proxy({}, { get: (t, k) => (k in t ? t[k] : () => {}), set: (t, k, v) => ((t[k] = v), true) })
HTMLCanvasElement.prototype.getContext = canvasContext

// lottie-miniprogram warns once per file in a non-WeChat environment; that noise says nothing here.
const warn = console.warn
console.warn = (...args) => {
  if (typeof args[0] === 'string' && /lottie|小程序/.test(args[0])) return
  warn(...args)
}

// NutUI's loading icon sets a vendor-prefixed style that React in jsdom warns about.
const error = console.error
console.error = (...args) => {
  if (typeof args[0] === 'string' && args[0].includes('Unsupported style property %s') && String(args[1]).includes('webkitMask')) return
  error(...args)
}

// The machine running the tests is small and shared: give findBy/waitFor 5 s instead of 1 s.
require('@testing-library/dom').configure({ asyncUtilTimeout: 5000 })
