// Licence plates (号牌): ordinary 7-character plates and 8-character new-energy plates, and plate-type codes.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTER = 'A-HJ-NP-Z';

/** Letters marking a small new-energy plate's first serial character (D/F, expanded with A-C, E, G, H, J, K). */
export const NEV_SMALL_LETTERS = 'ABCDEFGHJK';
/** Letters closing a large new-energy plate (D pure electric, F otherwise). */
export const NEV_LARGE_LETTERS = 'DF';

const ORDINARY = new RegExp(`^[${PROVINCES}使领][${LETTER}][${LETTER}0-9]{4}[${LETTER}0-9挂学警港澳]$`);
const NEV_SMALL = new RegExp(`^[${PROVINCES}][${LETTER}][${NEV_SMALL_LETTERS}][${LETTER}0-9][0-9]{4}$`);
const NEV_LARGE = new RegExp(`^[${PROVINCES}][${LETTER}][0-9]{5}[${NEV_LARGE_LETTERS}]$`);

export type PlateKind = 'ORDINARY' | 'NEV_SMALL' | 'NEV_LARGE';

/** Upper-cases and drops the separators people type (粤B·D12345, 粤B-D12345, 粤B D12345). */
export function normalisePlate(input: string): string {
  return input.trim().toUpperCase().replace(/[\s·•.\-]/g, '');
}

/** The plate's kind, or null when it is not a valid plate. */
export function plateKind(plate: string): PlateKind | null {
  if (plate.length === 8) {
    if (NEV_SMALL.test(plate)) return 'NEV_SMALL';
    if (NEV_LARGE.test(plate)) return 'NEV_LARGE';
    return null;
  }
  return ORDINARY.test(plate) ? 'ORDINARY' : null;
}

/** Plate-type codes (号牌种类) of the national system. */
export const PLATE_TYPES: Readonly<Record<string, string>> = {
  '01': '大型汽车', '02': '小型汽车', '03': '使馆汽车', '04': '领馆汽车', '05': '境外汽车', '06': '外籍汽车',
  '07': '普通摩托车', '08': '轻便摩托车', '09': '使馆摩托车', '10': '领馆摩托车', '11': '境外摩托车',
  '12': '外籍摩托车', '13': '低速车', '14': '拖拉机', '15': '挂车', '16': '教练汽车', '17': '教练摩托车',
  '20': '临时入境汽车', '21': '临时入境摩托车', '22': '临时行驶车', '23': '警用汽车', '24': '警用摩托',
  '51': '大型新能源汽车', '52': '小型新能源汽车',
};

/** Why a plate does not fit its type, or null when it does. */
export function plateProblem(plate: string, plateType: string): string | null {
  const kind = plateKind(plate);
  if (!kind) return '号牌号码格式不正确';
  if (!PLATE_TYPES[plateType]) return '号牌种类代码不正确';
  if (kind === 'NEV_SMALL' && plateType !== '52') return '8位新能源号牌的号牌种类应为52（小型新能源汽车）';
  if (kind === 'NEV_LARGE' && plateType !== '51') return '8位新能源号牌的号牌种类应为51（大型新能源汽车）';
  if (kind === 'ORDINARY' && (plateType === '51' || plateType === '52')) return '新能源号牌应为8位';
  return null;
}
