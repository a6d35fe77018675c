// Resident ID numbers (GB 11643, DOMAIN.md D2): 6-digit area, YYYYMMDD birth date, 3-digit
// sequence, check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Upper-cases a trailing x; drivers often type it in lower case. */
export function normaliseIdNumber(input: string): string {
  return input.trim().toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

/** What is wrong with an (already normalised) ID number, or null when it is valid. */
export function idNumberProblem(id: string, now = new Date()): IdNumberProblem | null {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'FORMAT';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const valid = y >= 1900 && birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!valid || birth.getTime() > now.getTime()) return 'BIRTH_DATE';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'CHECK_CHARACTER';
  return null;
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  FORMAT: '身份证号码应为18位',
  BIRTH_DATE: '身份证号码中的出生日期不正确',
  CHECK_CHARACTER: '身份证号码有误，请核对最后一位',
};
