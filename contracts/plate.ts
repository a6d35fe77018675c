// Licence plates (号牌, GA 36, DOMAIN.md D1): the one grammar the server, the import and the
// mini-program check plates with, and the plate-type codes (号牌种类) of the national system.

/** Province abbreviations, 鲁 first (this is a Shandong city; the picker shows them in this order). */
export const PROVINCES = ['鲁', ...'京津沪渝冀豫云辽黑湘皖新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'] as const;
const PROVINCE_CHARS = PROVINCES.join('');
/** Letters used on plates: never I or O. */
export const PLATE_LETTER_CLASS = 'A-HJ-NP-Z';
const LETTER = PLATE_LETTER_CLASS;
/** Last characters of special ordinary plates (trailer, coach, police, Hong Kong, Macau). */
export const SPECIAL_ENDINGS = '挂学警港澳';
/** Embassy and consulate plates start with these instead of a province. */
export const DIPLOMATIC_PREFIXES = '使领';
/** A small new-energy plate's first serial character: D/F, and the expansion A-C, E (electric), G, H, J, K. */
export const NEV_SMALL_LETTERS = 'ABCDEFGHJK';
/** A large new-energy plate's last character: D (pure electric) or F (other new energy). */
export const NEV_LARGE_LETTERS = 'DF';

const ORDINARY = new RegExp(`^[${PROVINCE_CHARS}${DIPLOMATIC_PREFIXES}][${LETTER}][${LETTER}0-9]{4}[${LETTER}0-9${SPECIAL_ENDINGS}]$`);
const NEV_SMALL = new RegExp(`^[${PROVINCE_CHARS}][${LETTER}][${NEV_SMALL_LETTERS}][${LETTER}0-9][0-9]{4}$`);
const NEV_LARGE = new RegExp(`^[${PROVINCE_CHARS}][${LETTER}][0-9]{5}[${NEV_LARGE_LETTERS}]$`);

export type PlateKind = 'ORDINARY' | 'NEV_SMALL' | 'NEV_LARGE';

/** Upper-cases and drops the separators people type (粤B·D12345, 粤B-D12345, 粤B D12345). */
export function normalisePlate(input: string): string {
  return input.trim().toUpperCase().replace(/[\s·•.\-]/g, '');
}

/** The kind of an already normalised plate, or null when it is not a valid plate. */
export function plateKind(plate: string): PlateKind | null {
  if (plate.length === 8) {
    if (NEV_SMALL.test(plate)) return 'NEV_SMALL';
    if (NEV_LARGE.test(plate)) return 'NEV_LARGE';
    return null;
  }
  return plate.length === 7 && ORDINARY.test(plate) ? 'ORDINARY' : null;
}

export const isNewEnergy = (kind: PlateKind | null) => kind === 'NEV_SMALL' || kind === 'NEV_LARGE';

/** Plate-type codes (号牌种类) of the national system. */
export const PLATE_TYPES: Readonly<Record<string, string>> = {
  '01': '大型汽车', '02': '小型汽车', '03': '使馆汽车', '04': '领馆汽车', '05': '境外汽车', '06': '外籍汽车',
  '07': '普通摩托车', '08': '轻便摩托车', '09': '使馆摩托车', '10': '领馆摩托车', '11': '境外摩托车',
  '12': '外籍摩托车', '13': '低速车', '14': '拖拉机', '15': '挂车', '16': '教练汽车', '17': '教练摩托车',
  '20': '临时入境汽车', '21': '临时入境摩托车', '22': '临时行驶车', '23': '警用汽车', '24': '警用摩托',
  '51': '大型新能源汽车', '52': '小型新能源汽车',
};

/** The plate type people mean when they give none: small car, or small new-energy car for an 8-character plate. */
export function defaultPlateType(kind: PlateKind | null): string {
  if (kind === 'NEV_LARGE') return '51';
  if (kind === 'NEV_SMALL') return '52';
  return '02';
}

/** Why a plate does not fit its type, or null when it does. */
export function plateTypeProblem(plate: string, plateType: string): string | null {
  const kind = plateKind(plate);
  if (!kind) return '号牌号码格式不正确';
  if (!PLATE_TYPES[plateType]) return '号牌种类代码不正确';
  if (kind === 'NEV_SMALL' && plateType !== '52') return '8位新能源号牌的号牌种类应为52（小型新能源汽车）';
  if (kind === 'NEV_LARGE' && plateType !== '51') return '8位新能源号牌的号牌种类应为51（大型新能源汽车）';
  if (kind === 'ORDINARY' && (plateType === '51' || plateType === '52')) return '新能源号牌应为8位';
  return null;
}

export const PLATE_FORMAT_MESSAGE = '车牌号格式不正确，如 鲁D12345 或新能源 鲁DD12345';
