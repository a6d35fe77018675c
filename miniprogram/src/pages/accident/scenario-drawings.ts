// One small drawing (SVG, 120 × 80, seen from above) per liability scenario code, shown beside its name
// as a base64 data URL, which both WeChat's image component and the browser display. The car at fault
// is orange, the other blue, the point of impact a red burst, movement red arrows. No text inside.
import { asciiBase64 } from './slot-samples'

const INK = '#1f2329'
const FAULT = '#f2a65a'
const OTHER = '#8fb0e6'
const MARK = '#c62828'
const ROAD = '#8f959e'
const ASPHALT = '#e4e7ec'

/** A car from above, nose up at angle 0, centred on (x, y), turned by `angle` degrees. */
const car = (x: number, y: number, fill: string, angle = 0, scale = 0.8) =>
  `<g transform="translate(${x} ${y}) rotate(${angle}) scale(${scale})"><rect x="-8" y="-15" width="16" height="30" rx="4" fill="${fill}" stroke="${INK}"/>` +
  `<path d="M-6-8h12M-6 9h12" stroke="${INK}"/></g>`

const head = (x: number, y: number, fromX: number, fromY: number) => {
  const a = Math.atan2(y - fromY, x - fromX)
  const p = (t: number) => `${(x - 7 * Math.cos(a + t)).toFixed(1)} ${(y - 7 * Math.sin(a + t)).toFixed(1)}`
  return `<path d="M${x} ${y}L${p(0.45)}L${p(-0.45)}z" fill="${MARK}"/>`
}
/** A straight arrow. */
const arrow = (x1: number, y1: number, x2: number, y2: number) => `<path d="M${x1} ${y1}L${x2} ${y2}" stroke="${MARK}" stroke-width="2" fill="none"/>` + head(x2, y2, x1, y1)
/** A curved arrow through the control point (cx, cy). */
const curve = (x1: number, y1: number, cx: number, cy: number, x2: number, y2: number) =>
  `<path d="M${x1} ${y1}Q${cx} ${cy} ${x2} ${y2}" stroke="${MARK}" stroke-width="2" fill="none"/>` + head(x2, y2, cx, cy)
/** The point of impact. */
const bang = (x: number, y: number) => {
  const pts = Array.from({ length: 16 }, (_, i) => {
    const r = i % 2 === 0 ? 7 : 3
    const a = (i * Math.PI) / 8
    return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`
  }).join(' ')
  return `<polygon points="${pts}" fill="#ffd54f" stroke="${MARK}" stroke-width="1.5"/>`
}

/** A straight road across the picture, two lanes each way of the dashed line at y = 40. */
const road = (centre: 'dashed' | 'solid' = 'dashed') =>
  `<rect x="0" y="10" width="120" height="60" fill="${ASPHALT}"/><path d="M0 10h120M0 70h120" stroke="${ROAD}" stroke-width="2"/>` +
  (centre === 'dashed'
    ? `<path d="M0 40h120" stroke="#ffffff" stroke-width="2" stroke-dasharray="8 6"/>`
    : `<path d="M0 39h120M0 42h120" stroke="#f5b400" stroke-width="2"/>`)
/** A crossroads: roads along y = 26…54 and x = 46…74. */
const crossroads = `<rect x="0" y="26" width="120" height="28" fill="${ASPHALT}"/><rect x="46" y="0" width="28" height="80" fill="${ASPHALT}"/>` +
  `<path d="M0 26h46V0M74 0v26h46M0 54h46v26M74 80V54h46" stroke="${ROAD}" stroke-width="2" fill="none"/>`
const trafficLight = (x: number, y: number) =>
  `<rect x="${x}" y="${y}" width="9" height="22" rx="2" fill="${INK}"/><circle cx="${x + 4.5}" cy="${y + 5}" r="3" fill="#e53935"/>` +
  `<circle cx="${x + 4.5}" cy="${y + 11}" r="3" fill="#555"/><circle cx="${x + 4.5}" cy="${y + 17}" r="3" fill="#555"/>`

const DRAWINGS: Record<string, string> = {
  REAR_END: road() + car(84, 55, OTHER, 90) + car(58, 55, FAULT, 90) + bang(71, 55) + arrow(18, 55, 40, 55),
  LANE_CHANGE: road() + car(78, 55, OTHER, 90) + car(56, 43, FAULT, 125) + bang(68, 50) + curve(14, 25, 30, 25, 42, 34),
  REVERSING: road() + car(36, 55, OTHER, 90) + car(64, 55, FAULT, 90) + bang(50, 55) + arrow(96, 55, 80, 55),
  DOOR_OPENING:
    road() + car(70, 60, FAULT, 90) +
    `<path d="M64 52l-8-10" stroke="${INK}" stroke-width="3"/>` + car(36, 38, OTHER, 90) + bang(54, 42) + arrow(6, 38, 20, 38),
  RED_LIGHT: crossroads + trafficLight(80, 2) + car(60, 62, FAULT, 0) + car(30, 40, OTHER, 90) + bang(48, 46) + arrow(60, 79, 60, 76),
  WRONG_WAY: road('solid') + car(40, 55, OTHER, 90) + car(76, 55, FAULT, -90) + bang(58, 55) + arrow(110, 55, 94, 55),
  TURNING_NOT_YIELDING: crossroads + car(66, 66, OTHER, 0) + car(54, 40, FAULT, 210) + bang(62, 52) + curve(54, 6, 54, 30, 34, 34),
  HIT_PARKED:
    road() + `<rect x="72" y="48" width="34" height="20" fill="none" stroke="#ffffff" stroke-width="2" stroke-dasharray="4 3"/>` +
    car(89, 58, OTHER, 90) + car(63, 58, FAULT, 90) + bang(76, 58) + arrow(22, 58, 44, 58),
  LEAVING_PARKING:
    `<rect x="0" y="6" width="120" height="44" fill="${ASPHALT}"/><path d="M0 6h120M0 50h120" stroke="${ROAD}" stroke-width="2"/>` +
    `<path d="M20 50v28M44 50v28M68 50v28M92 50v28" stroke="${ROAD}" stroke-width="2"/>` +
    car(58, 56, FAULT, -35) + car(66, 28, OTHER, 90) + bang(60, 40) + arrow(14, 28, 36, 28),
  ENTERING_ROAD:
    `<rect x="0" y="6" width="120" height="46" fill="${ASPHALT}"/><rect x="0" y="56" width="120" height="20" fill="#eef3e6"/>` +
    `<path d="M0 6h120M0 54h120" stroke="${ROAD}" stroke-width="2"/>` + car(70, 32, OTHER, 90) + car(52, 56, FAULT, 40) + bang(62, 44) + arrow(8, 32, 30, 32),
  ROUNDABOUT:
    `<circle cx="60" cy="40" r="34" fill="${ASPHALT}" stroke="${ROAD}" stroke-width="2"/><circle cx="60" cy="40" r="14" fill="#c8e6c9" stroke="${ROAD}" stroke-width="2"/>` +
    car(82, 52, OTHER, 30) + car(100, 66, FAULT, -45) + bang(91, 59) + curve(40, 14, 60, 4, 80, 14),
  SOLID_LINE: road('solid') + car(80, 55, OTHER, 90) + car(58, 42, FAULT, 130) + bang(70, 50) + curve(12, 25, 30, 25, 44, 34),
  OVERTAKING_RIGHT: road() + car(60, 25, OTHER, 90) + car(70, 47, FAULT, 70) + bang(70, 35) + curve(10, 58, 40, 60, 56, 54),
  ILLEGAL_U_TURN: road() + car(56, 38, FAULT, 0) + car(86, 25, OTHER, -90) + bang(66, 28) + curve(30, 58, 50, 62, 52, 52),
  SINGLE_VEHICLE:
    road() + `<rect x="102" y="12" width="10" height="56" fill="#bcaaa4" stroke="${INK}"/><path d="M102 24h10M102 38h10M102 52h10" stroke="${INK}"/>` +
    car(82, 40, FAULT, 90) + bang(98, 40) + arrow(24, 40, 56, 40),
  BOTH_AT_FAULT: crossroads + car(60, 60, FAULT, 0) + car(34, 40, FAULT, 90) + bang(50, 46) + arrow(60, 79, 60, 76) + arrow(2, 40, 18, 40),
}

/** Whether a scenario code has its own drawing. */
export const hasDrawing = (code: string) => code in DRAWINGS

/** The SVG document of a scenario's drawing (a plain road for an unknown code). */
export function scenarioSvg(code: string): string {
  const body = DRAWINGS[code] ?? road()
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 80" width="120" height="80" stroke-linecap="round" stroke-linejoin="round"><rect width="120" height="80" rx="6" fill="#f5f7fa"/>${body}</svg>`
}

/** A scenario's drawing as a data URL for an image's src. */
export const scenarioUrl = (code: string) => `data:image/svg+xml;base64,${asciiBase64(scenarioSvg(code))}`
