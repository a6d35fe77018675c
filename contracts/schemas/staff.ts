// Units and staff accounts (API.md, Identity; the admin console's 账号 page).
import { z } from 'zod';
import { staffRole } from './auth';
import { id, isoTime, unit } from './common';

// ---- requests ----

export const createStaffRequest = z
  .object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, '用户名只能包含字母、数字和 . _ -'),
    password: z.string().min(10, '密码至少10位').max(256),
    displayName: z.string().trim().min(1).max(64),
    role: staffRole,
    /** Unit code; officers need one. */
    unit: z.string().max(32).optional(),
  })
  .refine((b) => b.role !== 'officer' || !!b.unit, { message: '民警账号必须选择所属大队', path: ['unit'] });
export type CreateStaffRequest = z.input<typeof createStaffRequest>;

// ---- responses ----

/** A staff account as the admin console is shown it, one shape for every staff route. */
export const staffAccount = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: staffRole,
  active: z.boolean(),
  createdAt: isoTime,
  unit: unit.nullable(),
});
export type StaffAccount = z.infer<typeof staffAccount>;
