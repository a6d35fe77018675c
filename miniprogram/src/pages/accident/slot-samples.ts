// Sample pictures of the photo slots: small line drawings (SVG, 120 × 80) of what to shoot, built here
// and shown as base64 data URLs, which both WeChat's image component and the browser display.
// Own car blue, the other car orange, what matters red. No text inside: captions are beside them.
import type { Slot } from '@/api/accidents'

export type SampleSlot = Exclude<Slot, 'SIGNATURE'>

const INK = '#1f2329'
const OWN = '#9cb8e6'
const OTHER = '#f2b880'
const MARK = '#c62828'
const ROAD = '#8f959e'

/** A car from above, nose up, centred on (x, y), turned by `angle` degrees, drawn at `scale`. */
const carTop = (x: number, y: number, fill: string, angle = 0, scale = 1) =>
  `<g transform="translate(${x} ${y}) rotate(${angle}) scale(${scale})"><rect x="-8" y="-15" width="16" height="30" rx="4" fill="${fill}" stroke="${INK}"/>` +
  `<path d="M-6-7h12M-6 8h12" stroke="${INK}"/></g>`

/** A car from the side, facing right, its wheels on `y`. */
const carSide = (x: number, y: number, fill: string) =>
  `<path d="M${x} ${y - 6}v-12l14-2 10-10h26l12 10 14 3v11z" fill="${fill}" stroke="${INK}"/>` +
  `<circle cx="${x + 16}" cy="${y - 4}" r="6" fill="#fff" stroke="${INK}"/><circle cx="${x + 58}" cy="${y - 4}" r="6" fill="#fff" stroke="${INK}"/>`

/** A car from behind with its plate (bars for the characters), the plate ringed. */
const carRear = (fill: string) =>
  `<path d="M28 66V36l8-16h48l8 16v30z" fill="${fill}" stroke="${INK}"/><path d="M38 22h44l5 12H33z" fill="#fff" stroke="${INK}"/>` +
  `<rect x="42" y="46" width="36" height="12" rx="2" fill="#1a4fa0" stroke="${INK}"/>` +
  `<path d="M46 52h3m3 0h3m3 0h3m3 0h3m3 0h3" stroke="#fff" stroke-width="4"/>` +
  `<rect x="38" y="42" width="44" height="20" rx="4" fill="none" stroke="${MARK}" stroke-width="2"/>` +
  `<path d="M24 66h72" stroke="${INK}"/><rect x="30" y="66" width="10" height="6" fill="${INK}"/><rect x="80" y="66" width="10" height="6" fill="${INK}"/>`

/** A phone seen from above at (x, y), looking in `angle` degrees (0 = down the drawing). */
const phone = (x: number, y: number, angle: number) =>
  `<g transform="translate(${x} ${y}) rotate(${angle})"><path d="M0 6-14 30M0 6 14 30" stroke="${MARK}" stroke-dasharray="3 2"/>` +
  `<rect x="-5" y="-7" width="10" height="14" rx="2" fill="#fff" stroke="${INK}"/><circle cy="2" r="2" fill="${INK}"/></g>`

const ring = (x: number, y: number, r: number) => `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="${MARK}" stroke-width="2"/>`
/** A road across the picture with two cars heading right, one run into the back of the other. */
const road =
  `<path d="M0 14h120M0 74h120" stroke="${ROAD}"/><path d="M0 36h120" stroke="${ROAD}" stroke-dasharray="6 5"/>` +
  carTop(71, 55, OWN, 90, 0.75) + carTop(50, 54, OTHER, 98, 0.75)
const dent = (x: number, y: number) => `<path d="M${x - 6} ${y - 6}l4 4-4 3 5 2-3 4" fill="none" stroke="${MARK}" stroke-width="2"/>` + ring(x - 3, y, 10)

const DRAWINGS: Record<SampleSlot, string> = {
  OVERVIEW_FRONT: road + phone(112, 55, 90),
  OVERVIEW_REAR: road + phone(8, 55, -90),
  COLLISION_POINT: carTop(50, 22, OWN, 0) + carTop(54, 52, OTHER, 8) + ring(52, 38, 8) + phone(96, 38, 90),
  OWN_DAMAGE: carSide(22, 66, OWN) + dent(92, 50),
  OTHER_DAMAGE: carSide(22, 66, OTHER) + dent(92, 50),
  OWN_PLATE: carRear(OWN),
  OTHER_PLATE: carRear(OTHER),
  EXTRA:
    `<path d="M0 60h120" stroke="${ROAD}"/><path d="M10 70h12m8 0h12m8 0h12m8 0h12m8 0h12" stroke="${ROAD}" stroke-width="4"/>` +
    `<path d="M96 60V24" stroke="${INK}" stroke-width="2"/><circle cx="96" cy="18" r="10" fill="#fff" stroke="${MARK}" stroke-width="3"/>` +
    `<path d="M92 18h8" stroke="${INK}" stroke-width="2"/>` +
    carSide(8, 60, OWN),
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (WeChat's JavaScript has no btoa). */
export function asciiBase64(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63]
    out += i + 1 < text.length ? BASE64[(n >> 6) & 63] : '='
    out += i + 2 < text.length ? BASE64[n & 63] : '='
  }
  return out
}

/** The SVG document of a slot's sample. */
export function sampleSvg(slot: SampleSlot): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80" width="120" height="80" stroke-linecap="round" stroke-linejoin="round"><rect width="120" height="80" rx="6" fill="#f5f7fa"/>${DRAWINGS[slot]}</svg>`
}

/** A slot's sample as a data URL for an image's src. */
export const sampleUrl = (slot: SampleSlot) => `data:image/svg+xml;base64,${asciiBase64(sampleSvg(slot))}`
