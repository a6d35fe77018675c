// PostCSS plugin behind 关怀模式 (large text): every length written in px (more than 1px) becomes
// `calc(<n>px * var(--jg-scale, 1))` before Taro's pxtransform turns the px into rpx (weapp) or
// rem (h5). A page root with `--jg-scale: 1.25` (class jg-care, components/PageShell.css) then
// draws its text and controls 1.25 times as large on both targets, with no rem/page-meta trick.
// Hairlines (1px and less) stay as they are; uppercase PX is Taro's "do not convert" and is left
// alone here too; media query conditions are at-rule params and are not touched.
const SCALE = 'var(--jg-scale, 1)'
// A number followed by lowercase px, not part of a longer word (e.g. not "0px-foo").
const LENGTH = /(^|[^\w.-])(-?\d*\.?\d+)px\b/g

function scaleValue(value) {
  if (!value.includes('px') || value.includes('--jg-scale')) return value
  let out = ''
  // Walk the value keeping track of the functions we are inside: nothing in url() or strings
  // changes; inside calc() a length becomes a parenthesised product (calc in calc is not needed).
  const stack = []
  let i = 0
  let chunkStart = 0
  const flush = (end) => {
    const chunk = value.slice(chunkStart, end)
    const inside = stack[stack.length - 1]
    if (inside === 'url' || inside === 'string') out += chunk
    else {
      const inCalc = stack.includes('calc')
      out += chunk.replace(LENGTH, (whole, before, n) => {
        if (Math.abs(Number(n)) <= 1) return whole
        return inCalc ? `${before}(${n}px * ${SCALE})` : `${before}calc(${n}px * ${SCALE})`
      })
    }
    chunkStart = end
  }
  while (i < value.length) {
    const c = value[i]
    if (stack[stack.length - 1] === 'string') {
      if (c === '\\') {
        i += 2
        continue
      }
      if (c === stack.quote) {
        i++
        flush(i)
        stack.pop()
        continue
      }
      i++
      continue
    }
    if (c === '"' || c === "'") {
      flush(i)
      stack.push('string')
      stack.quote = c
      i++
      continue
    }
    if (c === '(') {
      const name = /([\w-]*)$/.exec(value.slice(chunkStart, i))[1].toLowerCase()
      i++
      flush(i)
      stack.push(name === 'url' ? 'url' : name === 'calc' || name === '-webkit-calc' ? 'calc' : name || 'group')
      continue
    }
    if (c === ')') {
      flush(i)
      stack.pop()
      i++
      continue
    }
    i++
  }
  flush(value.length)
  return out
}

module.exports = () => ({
  postcssPlugin: 'jg-care-scale',
  // Once runs before pxtransform's Declaration visitor, so the px are still px here.
  Once(root) {
    root.walkDecls((decl) => {
      decl.value = scaleValue(decl.value)
    })
  },
})
module.exports.postcss = true
module.exports.scaleValue = scaleValue
