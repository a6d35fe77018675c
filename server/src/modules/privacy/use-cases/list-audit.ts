// GET /api/admin/audit: the audit log for admins, newest first, filtered by who, what, which record
// and Asia/Shanghai days (both ends included).
import { ACTOR_TYPES, type ActorType } from '@jiaoguan/contracts/labels';
import { addDays, shanghaiMidnight } from '@jiaoguan/contracts/time';
import type { AppDeps } from '../../../deps';
import type { Prisma } from '../../../generated/prisma/client';
import { pageArgs, paginate, type PageQuery } from '../../../lib/pagination';

export interface ListAuditInput extends PageQuery {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Shanghai days, "YYYY-MM-DD". */
  from?: string;
  to?: string;
}

const ACTOR = new RegExp(`^(${ACTOR_TYPES.join('|')})(?::(\\d{1,10}))?$`, 'i');

/** `STAFF:12` → type and id; anything else is a staff username (null when nobody has it). */
async function actorFilter(deps: AppDeps, actor: string): Promise<Prisma.AuditLogWhereInput | null> {
  const m = ACTOR.exec(actor);
  if (m) {
    const type = m[1].toUpperCase() as ActorType;
    return m[2] ? { actorType: type, actorId: Number(m[2]) } : { actorType: type };
  }
  const staff = await deps.db.staff.findUnique({ where: { username: actor }, select: { id: true } });
  return staff ? { actorType: 'STAFF', actorId: staff.id } : null;
}

export async function listAudit(deps: AppDeps, input: ListAuditInput) {
  const who = input.actor ? await actorFilter(deps, input.actor) : {};
  if (!who) return { items: [], total: 0 };
  const where: Prisma.AuditLogWhereInput = {
    ...who,
    ...(input.action ? { OR: [{ action: input.action }, { action: { startsWith: `${input.action}.` } }] } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    at: {
      ...(input.from ? { gte: shanghaiMidnight(input.from) } : {}),
      ...(input.to ? { lt: shanghaiMidnight(addDays(input.to, 1)) } : {}),
    },
  };
  const page = await paginate(
    deps.db.auditLog.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], ...pageArgs(input) }),
    deps.db.auditLog.count({ where }),
  );
  const names = await actorNames(deps, page.items);
  return {
    items: page.items.map((r) => {
      const name = r.actorId === null ? undefined : names.get(`${r.actorType}:${r.actorId}`);
      return {
        id: r.id,
        at: r.at,
        actor: { type: r.actorType, id: r.actorId, ...(name ? { name } : {}) },
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        details: r.details,
        ip: r.ip,
      };
    }),
    total: page.total,
  };
}

/** Staff by their display name, drivers by their nickname ("已注销用户" once deleted), keyed "TYPE:id". */
async function actorNames(deps: AppDeps, rows: { actorType: ActorType; actorId: number | null }[]) {
  const ids = (type: ActorType) => [...new Set(rows.filter((r) => r.actorType === type && r.actorId !== null).map((r) => r.actorId!))];
  const staffIds = ids('STAFF');
  const driverIds = ids('DRIVER');
  const [staff, drivers] = await Promise.all([
    staffIds.length ? deps.db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, displayName: true } }) : [],
    driverIds.length ? deps.db.driver.findMany({ where: { id: { in: driverIds } }, select: { id: true, nickname: true } }) : [],
  ]);
  const names = new Map<string, string>();
  for (const s of staff) names.set(`STAFF:${s.id}`, s.displayName);
  for (const d of drivers) if (d.nickname) names.set(`DRIVER:${d.id}`, d.nickname);
  return names;
}
