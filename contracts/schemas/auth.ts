// Logging in and who the caller is (API.md, Identity).
import { z } from 'zod';
import { id, unit } from './common';

export const staffRole = z.enum(['officer', 'agent', 'admin']);
export type StaffRole = z.infer<typeof staffRole>;
export type Role = 'driver' | StaffRole;

export const wechatLoginRequest = z.object({ code: z.string() });
export const wechatLoginResponse = z.object({ token: z.string(), user: z.object({ id, role: z.literal('driver') }) });
export type WechatLoginResponse = z.infer<typeof wechatLoginResponse>;

export const staffLoginRequest = z.object({ username: z.string(), password: z.string() });
export type StaffLoginRequest = z.infer<typeof staffLoginRequest>;

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

export const logoutResponse = z.object({ ok: z.literal(true) });
export type LogoutResponse = z.infer<typeof logoutResponse>;

export const driverIdentity = z.object({
  bound: z.boolean(),
  name: z.string().optional(),
  /** Masked, e.g. 370402********1234. */
  idNumber: z.string().optional(),
});
export type DriverIdentity = z.infer<typeof driverIdentity>;

export const driverMe = z.object({
  id,
  role: z.literal('driver'),
  nickname: z.string().nullable().optional(),
  identity: driverIdentity,
});
export type DriverMe = z.infer<typeof driverMe>;
export type StaffMe = StaffUser;
export const me = z.union([driverMe, staffUser]);
export type Me = DriverMe | StaffMe;

export const bindIdentityRequest = z.object({ idNumber: z.string(), name: z.string() });
export type BindIdentityRequest = z.infer<typeof bindIdentityRequest>;
