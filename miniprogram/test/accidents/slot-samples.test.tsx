// Every guided photo slot shows a sample picture: a small, well-formed SVG drawing of its own, with
// its caption, as a base64 data URL that WeChat's image component and the browser both display.
import { render } from '@testing-library/react'
import * as taro from '../taro-mock'
import { byId } from '../helpers'
import PhotoSlot from '@/components/PhotoSlot'
import { SLOT_GUIDES } from '@/pages/accident/labels'
import { asciiBase64, sampleSvg, type SampleSlot } from '@/pages/accident/slot-samples'

/** The photo slots of API.md (SIGNATURE is the handwritten signature, not a photo). */
const API_SLOTS = ['OVERVIEW_FRONT', 'OVERVIEW_REAR', 'COLLISION_POINT', 'OWN_DAMAGE', 'OTHER_DAMAGE', 'OWN_PLATE', 'OTHER_PLATE', 'EXTRA']
const PREFIX = 'data:image/svg+xml;base64,'

beforeEach(() => taro.resetTaroMock())

describe('slot samples', () => {
  it('exist for every photo slot of the contract, each its own', () => {
    expect(SLOT_GUIDES.map((g) => g.slot)).toEqual(API_SLOTS)
    for (const g of SLOT_GUIDES) {
      expect(g.sample.startsWith(PREFIX)).toBe(true)
      expect(g.guide.length).toBeGreaterThan(4)
    }
    expect(new Set(SLOT_GUIDES.map((g) => g.sample)).size).toBe(API_SLOTS.length)
  })

  it.each(API_SLOTS)('%s decodes to a well-formed, small SVG drawing', (slot) => {
    const url = SLOT_GUIDES.find((g) => g.slot === slot)!.sample
    const svg = Buffer.from(url.slice(PREFIX.length), 'base64').toString('utf8')
    expect(svg).toBe(sampleSvg(slot as SampleSlot))
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    const root = doc.documentElement
    expect(root.tagName).toBe('svg')
    expect(root.getAttribute('viewBox')).toBe('0 0 120 80')
    expect(root.querySelectorAll('path, rect, circle').length).toBeGreaterThanOrEqual(4)
    // No text (fonts differ between phones) and nothing fetched from elsewhere.
    expect(root.querySelectorAll('text, image, use, script')).toHaveLength(0)
    // Kept small: all eight travel in the main package.
    expect(url.length).toBeLessThan(3000)
  })

  it('are base64-encoded correctly whatever the length', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 1 1"/>']) {
      expect(asciiBase64(text)).toBe(Buffer.from(text, 'latin1').toString('base64'))
    }
  })
})

describe('PhotoSlot', () => {
  it('shows the sample picture with its caption', () => {
    const guide = SLOT_GUIDES.find((g) => g.slot === 'COLLISION_POINT')!
    render(<PhotoSlot caseId={7} guide={guide} done={0} onUploaded={() => undefined} />)
    const image = byId('slot-COLLISION_POINT-sample')
    expect(image.getAttribute('src')).toBe(guide.sample)
    expect(byId('slot-COLLISION_POINT').textContent).toContain('示例：近距离拍下两车接触的部位')
  })
})
