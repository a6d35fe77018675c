// Resolves the bearer token to the caller (driver or staff); sessions live in the database so
// every process agrees and logout revokes at once.
import type { StaffRole } from '@jiaoguan/contracts/labels';
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { Db } from '../db';
import { unauthenticated } from './errors';

/** The staff roles (the contract's). */
export type StaffRoleName = StaffRole;

export type Caller =
  | {
      kind: 'driver';
      id: number;
      sessionId: number;
      idNumber: string | null;
      /** Reachable through the official account too (follows it, unionid known): notices say so. */
      officialAccount: boolean;
    }
  | {
      kind: 'staff';
      id: number;
      sessionId: number;
      role: StaffRoleName;
      unit: { id: number; code: string; name: string } | null;
      /** A password someone else set: only the password change (and /api/me, logout) is open. */
      mustChangePassword?: boolean;
    };

interface SessionRow {
  sessionId: number;
  driverId: number | null;
  driverIdNumber: string | null;
  driverDeletedAt: Date | null;
  driverOfficialAccount: number | null;
  staffId: number | null;
  staffRole: string | null;
  staffActive: number | boolean | null;
  staffMustChange: number | boolean | null;
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
}

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The request's bearer token, when it has one of the right shape. */
export function bearerToken(ctx: Context): string | undefined {
  const header = ctx.get('authorization');
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,128})\s*$/i.exec(header);
  return match?.[1];
}

const SESSION_SQL = `SELECT s.id AS sessionId, s.driverId, d.idNumber AS driverIdNumber, d.deletedAt AS driverDeletedAt,
            (d.followsOfficialAccount AND d.unionid IS NOT NULL) AS driverOfficialAccount,
            s.staffId, st.role AS staffRole, st.active AS staffActive, st.mustChangePassword AS staffMustChange,
            u.id AS unitId, u.code AS unitCode, u.name AS unitName
       FROM LoginSession s
       LEFT JOIN Driver d ON d.id = s.driverId
       LEFT JOIN Staff st ON st.id = s.staffId
       LEFT JOIN Unit u ON u.id = st.unitId
      WHERE s.tokenHash = ? AND s.revokedAt IS NULL AND s.expiresAt > ?`;

export async function authenticate(ctx: Context, db: Db, required: boolean): Promise<Caller | undefined> {
  const token = bearerToken(ctx);
  if (!token) {
    if (required) throw unauthenticated();
    return undefined;
  }
  // One round trip on every authenticated request, on the driver directly (the hot paths measure this).
  const values = [hashToken(token), new Date()];
  let [row]: SessionRow[] = await db.sql.execute(SESSION_SQL, values);
  // On a Galera cluster a login made through another node a moment ago may not be applied here
  // yet: before refusing, read once more causally (wsrep_sync_wait waits for this node to catch up;
  // on a single MariaDB it changes nothing). Only misses pay for it.
  if (!row) [row] = await db.sql.query(`SET STATEMENT wsrep_sync_wait = 1 FOR ${SESSION_SQL}`, values);
  let caller: Caller | undefined;
  // A deleted account's sessions are gone; one a login still in flight opened after is refused too.
  if (row?.driverId && !row.driverDeletedAt) {
    caller = {
      kind: 'driver',
      id: row.driverId,
      sessionId: row.sessionId,
      idNumber: row.driverIdNumber,
      officialAccount: Number(row.driverOfficialAccount) === 1,
    };
  } else if (row?.staffId && Number(row.staffActive) === 1) {
    caller = {
      kind: 'staff',
      id: row.staffId,
      sessionId: row.sessionId,
      role: String(row.staffRole).toLowerCase() as StaffRoleName,
      unit: row.unitId ? { id: row.unitId, code: row.unitCode!, name: row.unitName! } : null,
      mustChangePassword: Number(row.staffMustChange) === 1,
    };
  }
  if (!caller && required) throw unauthenticated('登录已失效，请重新登录');
  ctx.state.caller = caller;
  return caller;
}
