// Taro build configuration for both targets (weapp and h5).
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/** The shared contract workspace: TypeScript source outside src/, compiled like the app's own. */
const CONTRACTS_DIR = path.dirname(require.resolve('@jiaoguan/contracts/package.json'))

function apiBase(): string {
  if (process.env.API_BASE !== undefined) return process.env.API_BASE
  // h5 is served by the server itself, so same origin; weapp talks to the local server.
  return process.env.TARO_ENV === 'h5' ? '' : 'http://127.0.0.1:3000'
}

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'jiaoguan',
    date: '2026-1-1',
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT lets two builds of one checkout (say, a branch's h5 beside main's) not overwrite each other.
    outputRoot: process.env.TARO_OUTPUT || `dist/${process.env.TARO_ENV}`,
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    defineConstants: { API_BASE: JSON.stringify(apiBase()) },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    mini: {
      compile: { include: [CONTRACTS_DIR] },
      postcss: {
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        // 关怀模式: every px length scales with --jg-scale (config/care-scale.js).
        './config/care-scale.js': { enable: true },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [CONTRACTS_DIR] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        // maxRootSize 20: the root font stops growing past a 375 px phone, so the staff console on a
        // PC (1280 × 800) is drawn at the design's size instead of twice it.
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'], maxRootSize: 20 } },
        autoprefixer: { enable: true, config: {} },
        './config/care-scale.js': { enable: true },
      },
      devServer: { host: '127.0.0.1' },
    },
  }
  return config
})
