// The palette in src/theme.css meets WCAG AA: every text colour on the backgrounds it is used on
// at 4.5:1, non-text marks (input borders, rating stars) at 3:1. The values are read from the CSS
// file itself, so a colour changed there is checked here.
import fs from 'node:fs'
import path from 'node:path'

const css = fs.readFileSync(path.join(__dirname, '..', 'src', 'theme.css'), 'utf8')
const palette: Record<string, string> = Object.fromEntries(
  [...css.matchAll(/--jg-([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]),
)

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const TEXT_BACKGROUNDS = ['bg', 'surface', 'surface-muted', 'brand-soft']
const pairs: [fg: string, bg: string, min: number][] = [
  ...['text', 'text-muted', 'brand', 'danger', 'warning', 'success'].flatMap((fg) => TEXT_BACKGROUNDS.map((bg) => [fg, bg, 4.5] as [string, string, number])),
  ['on-brand', 'brand', 4.5],
  ['danger', 'danger-soft', 4.5],
  ['warning', 'warning-soft', 4.5],
  ['success', 'success-soft', 4.5],
  ['text', 'danger-soft', 4.5],
  ['border', 'surface', 3],
  ['star-off', 'surface', 3],
  ['star-on', 'surface', 3],
]

describe('the palette (src/theme.css)', () => {
  it('defines every colour the checks name', () => {
    for (const [fg, bg] of pairs) {
      expect(palette[fg]).toMatch(/^#[0-9a-f]{6}$/)
      expect(palette[bg]).toMatch(/^#[0-9a-f]{6}$/)
    }
  })

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it.each(pairs)('%s on %s reaches %s:1', (fg, bg, min) => {
    expect(contrast(palette[fg]!, palette[bg]!)).toBeGreaterThanOrEqual(min)
  })
})
