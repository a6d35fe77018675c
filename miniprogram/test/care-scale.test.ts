// The 关怀模式 PostCSS step (config/care-scale.js): px lengths become calc(… * var(--jg-scale, 1)),
// hairlines, uppercase PX, url() and strings stay; Taro's pxtransform still converts what is left.
import postcss from 'postcss'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const careScale = require('../config/care-scale.js')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pxtransform = require('postcss-pxtransform')

const S = 'var(--jg-scale, 1)'

describe('care-scale', () => {
  it.each([
    ['16px', `calc(16px * ${S})`],
    ['0 16px', `0 calc(16px * ${S})`],
    ['1px solid #ccc', '1px solid #ccc'],
    ['0.5px', '0.5px'],
    ['calc(50% - 5px)', `calc(50% - (5px * ${S}))`],
    ['url(a16px.png) 12px', `url(a16px.png) calc(12px * ${S})`],
    ['var(--nutui-button-large-height, 40px)', `var(--nutui-button-large-height, calc(40px * ${S}))`],
    ["'12px'", "'12px'"],
    ['12PX', '12PX'],
    ['100%', '100%'],
  ])('%s → %s', (value, scaled) => {
    expect(careScale.scaleValue(value)).toBe(scaled)
  })

  it('runs before pxtransform: weapp gets rpx, h5 rem, inside the calc; media queries untouched', async () => {
    const input = '@media (min-width: 1024px) { .a { font-size: 16px; border: 1px solid red } }'
    const weapp = await postcss([careScale(), pxtransform({ platform: 'weapp', designWidth: 375 })]).process(input, { from: undefined })
    expect(weapp.css).toContain(`font-size: calc(32rpx * ${S})`)
    expect(weapp.css).toContain('min-width: 1024px')
    const h5 = await postcss([careScale(), pxtransform({ platform: 'h5', designWidth: 375, maxRootSize: 20 })]).process(input, { from: undefined })
    expect(h5.css).toContain(`font-size: calc(0.8rem * ${S})`)
  })
})
