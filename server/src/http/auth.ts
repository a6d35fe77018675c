// Resolves the bearer token to the caller (driver or staff); sessions live in the database so
// every process agrees and logout revokes at once.
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { Db } from '../db';
import { unauthenticated } from './errors';

export type StaffRoleName = 'officer' | 'agent' | 'admin';

export type Caller =
  | { kind: 'driver'; id: number; sessionId: number; idNumber: string | null }
  | {
      kind: 'staff';
      id: number;
      sessionId: number;
      role: StaffRoleName;
      unit: { id: number; code: string; name: string } | null;
    };

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function bearer(ctx: Context): string | undefined {
  const header = ctx.get('authorization');
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,128})\s*$/i.exec(header);
  return match?.[1];
}

export async function authenticate(ctx: Context, db: Db, required: boolean): Promise<Caller | undefined> {
  const token = bearer(ctx);
  if (!token) {
    if (required) throw unauthenticated();
    return undefined;
  }
  const session = await db.loginSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      driver: { select: { id: true, idNumber: true } },
      staff: {
        select: { id: true, role: true, active: true, unit: { select: { id: true, code: true, name: true } } },
      },
    },
  });
  const live = session && !session.revokedAt && session.expiresAt > new Date();
  if (!live) {
    if (required) throw unauthenticated('登录已失效，请重新登录');
    return undefined;
  }
  let caller: Caller | undefined;
  if (session.driver) {
    caller = { kind: 'driver', id: session.driver.id, sessionId: session.id, idNumber: session.driver.idNumber };
  } else if (session.staff?.active) {
    caller = {
      kind: 'staff',
      id: session.staff.id,
      sessionId: session.id,
      role: session.staff.role.toLowerCase() as StaffRoleName,
      unit: session.staff.unit,
    };
  }
  if (!caller && required) throw unauthenticated('登录已失效，请重新登录');
  ctx.state.caller = caller;
  return caller;
}
