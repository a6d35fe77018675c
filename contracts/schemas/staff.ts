// Units and staff accounts (API.md, Identity and Operations; the admin console's 账号管理 and 大队设置 pages).
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password';
import { staffRole } from './auth';
import { id, isoTime, isoTimeOrNull, unit } from './common';

// ---- requests ----

export const usernameField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, '用户名为3到64位，只能包含字母、数字和 . _ -');

const displayNameField = z.string().trim().min(1, '请填写姓名').max(64);
const unitCode = z.string().trim().min(1).max(32);

/**
 * A new account. Without `password` the server makes a one-time password (answered once as
 * `temporaryPassword`) that must be changed at first login; a password given here is kept, unless
 * `mustChangePassword` says otherwise. The name may come as `name` or `displayName`.
 */
export const createStaffRequest = z
  .object({
    username: usernameField,
    password: z.string().min(PASSWORD_MIN_LENGTH, `密码至少${PASSWORD_MIN_LENGTH}位`).max(PASSWORD_MAX_LENGTH).optional(),
    mustChangePassword: z.boolean().optional(),
    displayName: displayNameField.optional(),
    name: displayNameField.optional(),
    role: staffRole,
    /** Unit code; officers need one. */
    unit: unitCode.optional(),
    /** Insurer code, for insurer staff. */
    insurer: z.string().trim().min(1).max(32).optional(),
  })
  .refine((b) => !!(b.displayName ?? b.name), { message: '请填写姓名', path: ['name'] })
  .refine((b) => b.role !== 'officer' || !!b.unit, { message: '民警账号必须选择所属大队', path: ['unit'] })
  .refine((b) => b.role !== 'insurer' || !!b.insurer, { message: '保险公司账号必须选择所属保险公司', path: ['insurer'] })
  .transform(({ name, displayName, ...rest }) => ({ ...rest, displayName: (displayName ?? name)! }));
export type CreateStaffRequest = z.input<typeof createStaffRequest>;

/** What an admin may change of an account; at least one field. `unit: null` takes an account out of its unit. */
export const updateStaffRequest = z
  .object({
    active: z.boolean().optional(),
    role: staffRole.optional(),
    unit: unitCode.nullable().optional(),
    /** Insurer code, for an account made (or kept) an insurer's. */
    insurer: z.string().trim().min(1).max(32).optional(),
  })
  .refine((b) => b.active !== undefined || b.role !== undefined || b.unit !== undefined || b.insurer !== undefined, { message: '没有要修改的内容', path: [] });
export type UpdateStaffRequest = z.input<typeof updateStaffRequest>;

export const changePasswordRequest = z.object({
  current: z.string().min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH),
  new: z.string().min(1, '请输入新密码').max(PASSWORD_MAX_LENGTH, `新密码不能超过${PASSWORD_MAX_LENGTH}个字符`),
});
export type ChangePasswordRequest = z.input<typeof changePasswordRequest>;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:MM，例如 08:30');

/** Hours of the day (Asia/Shanghai) when the parties may process a case themselves; may run past midnight. */
export const serviceHours = z
  .object({ start: clock, end: clock })
  .refine((h) => h.start !== h.end, { message: '开始和结束时间不能相同', path: ['end'] });

export const unitArea = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const reviewLimitMinutes = z
  .number({ message: '审核时限请填写分钟数' })
  .int('审核时限请填写整数分钟')
  .min(1, '审核时限至少 1 分钟')
  .max(1440, '审核时限不能超过 1440 分钟（24 小时）');

export const dutyPhoneField = z
  .string()
  .trim()
  .regex(/^[0-9-]{3,20}$/, '值班电话只能包含数字和 -，例如 0632-1234567');

export const updateUnitRequest = z
  .object({
    /** null: all day. */
    serviceHours: serviceHours.nullable().optional(),
    expresswayQuick: z.boolean().optional(),
    /** The district's centre (null: the unit is not chosen by place). */
    area: unitArea.nullable().optional(),
    areaDescription: z.string().trim().max(200).nullable().optional(),
    dutyPhone: dutyPhoneField.nullable().optional(),
    /** Minutes a case may wait under review (counted in the service hours) before it is overdue. */
    reviewLimitMinutes: reviewLimitMinutes.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: '没有要修改的内容', path: [] });
export type UpdateUnitRequest = z.input<typeof updateUnitRequest>;

export const unitCodeParam = z.object({ code: z.string().regex(/^[a-z0-9_-]{1,32}$/, '没有这个大队') });

// ---- responses ----

/** A staff account as the admin console is shown it, one shape for every staff route. */
export const staffAccount = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: staffRole,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  passwordChangedAt: isoTimeOrNull,
  createdAt: isoTime,
  unit: unit.nullable(),
  /** The company of an insurer's account. */
  insurer: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type StaffAccount = z.infer<typeof staffAccount>;

/** The new account, with the one-time password when the server made it (shown once, never stored readable). */
export const createdStaffAccount = staffAccount.extend({ temporaryPassword: z.string().optional() });
export type CreatedStaffAccount = z.infer<typeof createdStaffAccount>;

export const temporaryPasswordResponse = z.object({ temporaryPassword: z.string() });
export type TemporaryPasswordResponse = z.infer<typeof temporaryPasswordResponse>;

export const passwordChanged = z.object({ ok: z.literal(true), mustChangePassword: z.literal(false) });
export type PasswordChanged = z.infer<typeof passwordChanged>;

/** A unit with its settings (admins). */
export const unitSettings = unit.extend({
  serviceHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  expresswayQuick: z.boolean(),
  area: unitArea.nullable(),
  areaDescription: z.string().nullable(),
  dutyPhone: z.string().nullable(),
  /** The review limit in minutes (the unit's own, else the default of 30). */
  reviewLimitMinutes: z.number().int(),
});
export type UnitSettings = z.infer<typeof unitSettings>;
