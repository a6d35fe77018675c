// Logging in and who the caller is (API.md, Identity): logins, logout, GET /api/me and identity binding.
import { z } from 'zod';
import { fileNumberField, idNumberField, personNameField } from '../fields';
import { ROLES } from '../labels';
import { id, isoTime, isoTimeOrNull, unit } from './common';

export const staffRole = z.enum(ROLES).exclude(['driver']);
export type StaffRole = z.infer<typeof staffRole>;
export type { Role } from '../labels';

// ---- requests ----

export const wechatLoginRequest = z.object({ code: z.string().min(1).max(256) });
export type WechatLoginRequest = z.input<typeof wechatLoginRequest>;

export const staffLoginRequest = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });
export type StaffLoginRequest = z.input<typeof staffLoginRequest>;

/**
 * The binding must be proven by what the records hold: the code of WeChat's getPhoneNumber
 * button (the phone behind it must be the one on record) or the licence's file number.
 */
export const bindIdentityRequest = z
  .object({
    idNumber: idNumberField,
    name: personNameField,
    phoneCode: z.string().trim().min(1).max(256).optional(),
    fileNumber: fileNumberField.optional(),
  })
  .refine((b) => b.phoneCode !== undefined || b.fileNumber !== undefined, {
    message: '请用微信手机号或驾驶证档案编号验证身份',
    path: ['phoneCode'],
  });
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
  /** The password was set by someone else (a reset, the first admin): every call but the change answers 403 PASSWORD_CHANGE_REQUIRED. */
  mustChangePassword: z.boolean(),
});
export type StaffUser = z.infer<typeof staffUser>;

export const staffLoginResponse = z.object({ token: z.string(), user: staffUser });
export type StaffLoginResponse = z.infer<typeof staffLoginResponse>;

export const unbindIdentityByAdminRequest = z.object({ reason: z.string().trim().min(2).max(200) });
export type UnbindIdentityByAdminRequest = z.input<typeof unbindIdentityByAdminRequest>;

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

/** What an admin's unbinding did: who held the ID number (masked) and when it was released. */
export const identityUnbound = z.object({ idNumber: z.string(), driverId: id, unboundAt: isoTime });
export type IdentityUnbound = z.infer<typeof identityUnbound>;

/** GET /api/me for staff: the account, and whether its WeChat is linked for new-case alerts with how many new_case grants are left. */
export const staffMe = staffUser.extend({
  wechat: z.object({ linked: z.boolean(), newCaseGrants: z.number().int() }),
});
export type StaffMe = z.infer<typeof staffMe>;

export const me = z.union([driverMe, staffMe]);
export type Me = z.infer<typeof me>;
