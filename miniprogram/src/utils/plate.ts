// Typing a licence plate: the province abbreviation from a picker (鲁 first: this is a Shandong city),
// the rest letters and digits upper-cased, and plain hints while it is not yet a plate. The grammar
// itself is the one the server checks (@jiaoguan/contracts/plate, DOMAIN.md D1).
import { DIPLOMATIC_PREFIXES, NEV_LARGE_LETTERS, PLATE_FORMAT_MESSAGE, PLATE_LETTER_CLASS, plateKind, PROVINCES, SPECIAL_ENDINGS } from '@jiaoguan/contracts/plate'

export { PROVINCES, plateKind }

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
  if (text && ((PROVINCES as readonly string[]).includes(text[0]) || DIPLOMATIC_PREFIXES.includes(text[0]))) {
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

export const isValidPlate = (plate: string) => plateKind(plate) !== null

/** Why the plate is not (yet) valid, in plain words, or null when it is. */
export function plateProblem({ province, serial }: PlateParts): string | null {
  const plate = province + serial
  if (plateKind(plate)) return null
  if (!serial) return '请填写车牌号，如 鲁D12345'
  if (/[IO]/.test(serial)) return '车牌号里没有字母 I 和 O，请检查是不是数字 1 或 0'
  if (!new RegExp(`^[${PLATE_LETTER_CLASS}]`).test(serial)) return `“${province}”后面的第一位是字母，如 鲁D12345 的 D`
  if (serial.length < 6) return `还差 ${6 - serial.length} 位：普通车牌共 7 位，新能源车牌共 8 位`
  const special = [...serial].findIndex((ch) => SPECIAL_ENDINGS.includes(ch))
  if (special >= 0 && special !== 5) return `“${serial[special]}”只能是普通车牌的最后一位`
  if (serial.length === 7) {
    if (province === '使' || province === '领') return '使馆、领馆车牌是 7 位'
    return `新能源车牌共 8 位，如 鲁DD12345（第 3 位是 D、F 等字母）或 鲁D12345F（最后一位是 ${[...NEV_LARGE_LETTERS].join(' 或 ')}）`
  }
  return PLATE_FORMAT_MESSAGE
}

/** The problem of a whole plate about to be sent (null when it may be sent). */
export const plateError = (plate: string) => plateProblem(splitPlate(plate))
