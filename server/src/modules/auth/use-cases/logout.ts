// Revokes the caller's session at once (sessions live in the database, so every process agrees).
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';

export interface LogoutInput {
  caller: Caller;
}

export async function logout(deps: Pick<AppDeps, 'db'>, input: LogoutInput) {
  await deps.db.loginSession.update({ where: { id: input.caller.sessionId }, data: { revokedAt: new Date() }, select: { id: true } });
  return { ok: true };
}
