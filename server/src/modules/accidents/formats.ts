// Input formats of a party's details: plates (ordinary and new-energy), phones, policy numbers.
import { z } from 'zod';
import { idNumberField, personNameField } from '../../lib/zod-fields';

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const ORDINARY = new RegExp(`^[${PROVINCES}使领][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]$`);
const NEW_ENERGY = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z](?:\\d{5}[A-HJK]|[A-HJK][A-HJ-NP-Z0-9]\\d{4})$`);

/** Normalises spacing, the middle dot and letter case; returns the plate and whether it is new-energy. */
export function parsePlate(input: string): { plate: string; newEnergy: boolean } | null {
  const plate = input.replace(/[\s·•.-]/g, '').toUpperCase();
  if (plate.length === 8 && NEW_ENERGY.test(plate)) return { plate, newEnergy: true };
  if (plate.length === 7 && ORDINARY.test(plate)) return { plate, newEnergy: false };
  return null;
}

export const plateField = z
  .string()
  .max(16)
  .transform((v, ctx) => {
    const parsed = parsePlate(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: '车牌号格式不正确，如 鲁D12345 或新能源 鲁DD12345' });
      return z.NEVER;
    }
    return parsed.plate;
  });

export const phoneField = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码');

export const partyDetailsSchema = z.object({
  plate: plateField,
  driverName: personNameField,
  licenceNumber: idNumberField,
  phone: phoneField,
  insurer: z.string().trim().min(2, '请填写保险公司').max(64),
  policyNumber: z.string().trim().max(64).regex(/^[A-Za-z0-9-]*$/, '保单号只能包含字母和数字').optional(),
  vehicleType: z.string().trim().max(32).optional(),
  collisionPart: z.string().trim().max(64).optional(),
});
export type PartyDetails = z.infer<typeof partyDetailsSchema>;
