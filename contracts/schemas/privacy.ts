// Personal data (PIPL): the admins' audit viewer and a driver deleting their account.
import { z } from 'zod';
import { ACTOR_TYPES } from '../labels';
import { id, isoTime, pageOf } from './common';

// ---- requests ----

const shanghaiDay = z.iso.date({ message: '日期应写成 2026-12-01 这样' });

/**
 * `actor`: `STAFF`, `STAFF:12`, `DRIVER:5`, `SYSTEM` (type and id, any letter case), or a staff
 * username. `action`: an action (`personal_data.viewed`) or its family (`personal_data`).
 * `from`/`to`: Asia/Shanghai days, both included.
 */
export const auditFilter = z.object({
  actor: z.string().trim().min(1).max(64).optional(),
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z][a-z0-9_.]*$/, '操作名称只能包含小写字母、数字、下划线和点')
    .optional(),
  entityType: z
    .string()
    .trim()
    .max(32)
    .regex(/^[A-Za-z]+$/, '记录类型只能包含字母')
    .optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  from: shanghaiDay.optional(),
  to: shanghaiDay.optional(),
});

/** The filter's rule across fields: the range does not end before it starts. */
export function withDaysInOrder<T extends z.ZodType<{ from?: string; to?: string }>>(schema: T): T {
  return schema.refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['to'] }) as T;
}

export const auditQuery = withDaysInOrder(auditFilter);
export type AuditQuery = z.input<typeof auditQuery>;

// ---- responses ----

export const actorType = z.enum(ACTOR_TYPES);

export const auditEntry = z.object({
  id,
  at: isoTime,
  /** Who: a staff member (with their name), a driver (their nickname) or the system. */
  actor: z.object({ type: actorType, id: id.nullable(), name: z.string().optional() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What the row records; personal numbers only masked. */
  details: z.json().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = pageOf(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;

export const deleteAccountResponse = z.object({ deleted: z.literal(true) });
export type DeleteAccountResponse = z.infer<typeof deleteAccountResponse>;
