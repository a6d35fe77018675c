// Who an insurer's staff member works for: every insurer route reads the caller's company first;
// a claim of another company is not theirs to see (404, as for any record not the caller's).
import type { Db } from '../../db';
import type { Caller } from '../../http/auth';
import { forbidden } from '../../http/errors';

export type StaffCaller = Extract<Caller, { kind: 'staff' }>;

export interface CallerInsurer {
  id: number;
  code: string;
  name: string;
  hotline: string;
}

/** The caller's company; an insurer account linked to none (an admin changed its role) is refused. */
export async function insurerOf(db: Db, caller: StaffCaller): Promise<CallerInsurer> {
  if (caller.role !== 'insurer') throw forbidden();
  const staff = await db.staff.findUnique({
    where: { id: caller.id },
    select: { insurer: { select: { id: true, code: true, name: true, hotline: true } } },
  });
  if (!staff?.insurer) throw forbidden('该账号没有关联保险公司，请联系管理员');
  return staff.insurer;
}
