// Input formats of a party's details: plates (ordinary and new-energy), phones, policy numbers.
import { isNewEnergy, normalisePlate, plateKind, PLATE_FORMAT_MESSAGE } from '@jiaoguan/contracts/plate';
import { z } from 'zod';
import { idNumberField, personNameField } from '../../lib/zod-fields';

/** Normalises spacing, the middle dot and letter case; returns the plate and whether it is new-energy. */
export function parsePlate(input: string): { plate: string; newEnergy: boolean } | null {
  const plate = normalisePlate(input);
  const kind = plateKind(plate);
  return kind ? { plate, newEnergy: isNewEnergy(kind) } : null;
}

export const plateField = z
  .string()
  .max(16)
  .transform((v, ctx) => {
    const parsed = parsePlate(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: PLATE_FORMAT_MESSAGE });
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
