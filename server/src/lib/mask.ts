// Masks personal numbers in responses that do not need them whole.
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '*'.repeat(id.length);
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length);
}

/** Keeps the surname: 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name);
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}

/** 档案编号: only the last four digits show (********1234). */
export function maskFileNumber(fileNumber: string | null | undefined): string | null {
  if (!fileNumber) return null;
  return fileNumber.length > 4 ? `${'*'.repeat(fileNumber.length - 4)}${fileNumber.slice(-4)}` : '*'.repeat(fileNumber.length);
}

/** Province and city letter, then only the last two: 苏A12345 → 苏A·***45, 鲁DD12345 → 鲁D·****45. */
export function maskPlate(plate: string | null | undefined): string | null {
  if (!plate) return null;
  const chars = Array.from(plate.replace(/[·\s]/g, ''));
  if (chars.length < 5) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}·${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`;
}
