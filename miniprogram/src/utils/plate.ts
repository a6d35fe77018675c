// Typing a licence plate: the province abbreviation from a picker (鲁 first: this is a Shandong city),
// the rest letters and digits upper-cased, and the server's formats checked with a plain hint.
// The rules are those of the server (server/src/modules/accidents/formats.ts, DOMAIN.md D1):
// ordinary plates have 7 characters, new-energy plates 8; the letters I and O are never used.

/** Province abbreviations for the picker: 鲁 first, then the others in the usual order. */
export const PROVINCES = ['鲁', ...'京津沪渝冀豫云辽黑湘皖新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼']

const ALL_PROVINCES = PROVINCES.join('')
const LETTER = 'A-HJ-NP-Z'
/** Last characters of special ordinary plates (trailer, coach, police, Hong Kong, Macau). */
const SPECIAL_ENDINGS = '挂学警港澳'
const ORDINARY = new RegExp(`^[${ALL_PROVINCES}使领][${LETTER}][${LETTER}0-9]{4}[${LETTER}0-9${SPECIAL_ENDINGS}]$`)
const NEW_ENERGY = new RegExp(`^[${ALL_PROVINCES}][${LETTER}](?:\\d{5}[A-HJK]|[A-HJK][${LETTER}0-9]\\d{4})$`)

/** What follows the province: at most 7 characters (an 8-character new-energy plate). */
export const SERIAL_LENGTH = 7

export interface PlateParts {
  province: string
  serial: string
}

/**
 * Splits what was typed or pasted into the serial box: a leading province character (a pasted
 * whole plate) replaces the chosen one; spaces, dots and dashes go; letters are upper-cased; other
 * characters are dropped; at most 7 are kept.
 */
export function readTyped(raw: string, province: string): PlateParts {
  let text = raw.replace(/[\s·•.\-]/g, '').toUpperCase()
  if (text && (ALL_PROVINCES.includes(text[0]) || text[0] === '使' || text[0] === '领')) {
    province = text[0]
    text = text.slice(1)
  }
  const serial = [...text].filter((ch) => /[A-Z0-9]/.test(ch) || SPECIAL_ENDINGS.includes(ch)).join('')
  return { province, serial: serial.slice(0, SERIAL_LENGTH) }
}

/** A stored or typed plate split into its province and the rest (鲁 when it has none yet). */
export function splitPlate(plate: string | null | undefined): PlateParts {
  return readTyped(plate ?? '', PROVINCES[0])
}

export function plateKind(plate: string): 'ORDINARY' | 'NEW_ENERGY' | null {
  if (plate.length === 8 && NEW_ENERGY.test(plate)) return 'NEW_ENERGY'
  if (plate.length === 7 && ORDINARY.test(plate)) return 'ORDINARY'
  return null
}

export const isValidPlate = (plate: string) => plateKind(plate) !== null

/** Why the plate is not (yet) valid, in plain words, or null when it is. */
export function plateProblem({ province, serial }: PlateParts): string | null {
  const plate = province + serial
  if (plateKind(plate)) return null
  if (!serial) return '请填写车牌号，如 鲁D12345'
  if (/[IO]/.test(serial)) return '车牌号里没有字母 I 和 O，请检查是不是数字 1 或 0'
  if (!new RegExp(`^[${LETTER}]`).test(serial)) return `“${province}”后面的第一位是字母，如 鲁D12345 的 D`
  if (serial.length < 6) return `还差 ${6 - serial.length} 位：普通车牌共 7 位，新能源车牌共 8 位`
  const special = [...serial].findIndex((ch) => SPECIAL_ENDINGS.includes(ch))
  if (special >= 0 && special !== 5) return `“${serial[special]}”只能是普通车牌的最后一位`
  if (serial.length === 7) {
    if (province === '使' || province === '领') return '使馆、领馆车牌是 7 位'
    return '新能源车牌共 8 位，如 鲁DD12345（第 3 位是 D、F 等字母）或 鲁D12345F（最后一位是 D 或 F）'
  }
  return '车牌号格式不正确，如 鲁D12345 或新能源 鲁DD12345'
}

/** The problem of a whole plate about to be sent (null when it may be sent). */
export const plateError = (plate: string) => plateProblem(splitPlate(plate))
