// Babel configuration used by the Taro build (weapp and h5).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
