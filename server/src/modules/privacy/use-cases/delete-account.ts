// DELETE /api/me: a driver deletes their account. What only serves the account goes: sessions
// (every token answers 401 from then on), vehicle bindings, subscription grants, the message
// centre and unsent messages, their questions to customer service. What the law keeps stays:
// accident cases (with the party's details as the agreement recorded them), evidence, exam
// bookings (held by the learner record) and the audit log. The driver row stays for those records
// to point at, anonymised: no WeChat ids, no identity, nickname 已注销用户; a later WeChat login
// makes a new account. Deleting an account already deleted changes nothing.
import { DELETED_DRIVER_NICKNAME } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import { audit } from '../../../lib/audit';
import { withRetry } from '../../../lib/db-errors';
import { maskIdNumber } from '../../../lib/mask';

export interface DeleteAccountInput {
  driverId: number;
  ip?: string;
}

export async function deleteAccount(deps: Pick<AppDeps, 'db'>, input: DeleteAccountInput): Promise<{ deleted: true }> {
  const { driverId } = input;
  await withRetry(() =>
    deps.db.$transaction(async (tx) => {
      // One deletion at a time per driver; a second one waits and then finds nothing left to do.
      const rows = await tx.$queryRaw<{ id: number; idNumber: string | null; deletedAt: Date | null }[]>`
        SELECT id, idNumber, deletedAt FROM Driver WHERE id = ${driverId} FOR UPDATE`;
      const driver = rows[0];
      if (!driver || driver.deletedAt) return;
      const where = { driverId };
      const removed = {
        sessions: (await tx.loginSession.deleteMany({ where })).count,
        vehicles: (await tx.driverVehicle.deleteMany({ where })).count,
        subscriptions: (await tx.subscriptionQuota.deleteMany({ where })).count,
        messages: (await tx.messageCentreEntry.deleteMany({ where })).count,
        outbox: (await tx.notificationOutbox.deleteMany({ where })).count,
        consultations: (await tx.consultation.deleteMany({ where })).count,
      };
      await tx.driver.update({
        where: { id: driverId },
        data: {
          openid: null,
          unionid: null,
          nickname: DELETED_DRIVER_NICKNAME,
          idNumber: null,
          realName: null,
          identityBoundAt: null,
          followsOfficialAccount: false,
          deletedAt: new Date(),
        },
        select: { id: true },
      });
      await audit(tx, {
        actor: { type: 'DRIVER', id: driverId },
        action: 'driver.account_deleted',
        entityType: 'Driver',
        entityId: driverId,
        details: { idNumber: maskIdNumber(driver.idNumber), removed },
        ip: input.ip,
      });
    }),
  );
  return { deleted: true };
}
