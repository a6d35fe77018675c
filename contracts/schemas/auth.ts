// Logging in and who the caller is (API.md, Identity): logins, logout, GET /api/me and identity binding.
import { z } from 'zod';
import { idNumberField, personNameField } from '../fields';
import { ROLES } from '../labels';
import { id, isoTimeOrNull, unit } from './common';

export const staffRole = z.enum(ROLES).exclude(['driver']);
export type StaffRole = z.infer<typeof staffRole>;
export type { Role } from '../labels';

// ---- requests ----

export const wechatLoginRequest = z.object({ code: z.string().min(1).max(256) });
export type WechatLoginRequest = z.input<typeof wechatLoginRequest>;

export const staffLoginRequest = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });
export type StaffLoginRequest = z.input<typeof staffLoginRequest>;

export const bindIdentityRequest = z.object({ idNumber: idNumberField, name: personNameField });
export type BindIdentityRequest = z.input<typeof bindIdentityRequest>;

// ---- responses ----

export const wechatLoginResponse = z.object({ token: z.string(), user: z.object({ id, role: z.literal('driver') }) });
export type WechatLoginResponse = z.infer<typeof wechatLoginResponse>;

export const staffUser = z.object({
  id,
  role: staffRole,
  username: z.string(),
  displayName: z.string(),
  unit: unit.nullable(),
});
export type StaffUser = z.infer<typeof staffUser>;

export const staffLoginResponse = z.object({ token: z.string(), user: staffUser });
export type StaffLoginResponse = z.infer<typeof staffLoginResponse>;

export const logoutResponse = z.object({ ok: z.boolean() });
export type LogoutResponse = z.infer<typeof logoutResponse>;

/** A driver's identity: once bound, the name on record and the ID number masked (370402********1234). */
export const driverIdentity = z.union([
  z.object({ bound: z.literal(true), name: z.string().nullable(), idNumber: z.string(), boundAt: isoTimeOrNull }),
  z.object({ bound: z.literal(false) }),
]);
export type DriverIdentity = z.infer<typeof driverIdentity>;

export const driverMe = z.object({
  id,
  role: z.literal('driver'),
  nickname: z.string().nullable(),
  identity: driverIdentity,
});
export type DriverMe = z.infer<typeof driverMe>;

export const staffMe = staffUser;
export type StaffMe = StaffUser;

export const me = z.union([driverMe, staffMe]);
export type Me = z.infer<typeof me>;
