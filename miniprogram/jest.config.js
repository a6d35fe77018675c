// Jest configuration for the mini-program unit tests (jsdom + the React build of Taro components).
const babelOptions = {
  configFile: false,
  babelrc: false,
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
}

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
  transform: { '^.+\\.(m?[jt]sx?)$': ['babel-jest', babelOptions] },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@nutui|@stencil|swiper|ssr-window|dom7|tslib|\\.pnpm)/)'],
  moduleNameMapper: {
    '\\.(css|scss|sass|less)$': '<rootDir>/test/style-stub.js',
    '^@nutui/nutui-react-taro/dist/es/packages/.*/style/css$': '<rootDir>/test/style-stub.js',
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  globals: {
    API_BASE: 'http://api.test',
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
}
