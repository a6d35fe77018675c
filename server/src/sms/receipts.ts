// Pulls the provider's delivery receipts and records them (SmsReceipt), for a periodic job: the
// provider answers each receipt once, and a receipt recorded twice (two processes) stays one row.
import type { Db } from '../db';
import { maskPhone } from '../lib/mask';
import type { SmsProvider, SmsReceipt } from './provider';
import { RECEIPTS_PER_PULL } from './tencent';

/** Stores receipts; one already stored (same messageId) is left as it is. Returns how many were new. */
export async function recordSmsReceipts(db: Db, receipts: SmsReceipt[]): Promise<number> {
  if (receipts.length === 0) return 0;
  const { count } = await db.smsReceipt.createMany({
    data: receipts.map((r) => ({
      messageId: r.messageId.slice(0, 64),
      phone: maskPhone(r.phone) ?? '',
      status: r.status,
      description: r.description?.slice(0, 255) ?? null,
      sessionContext: r.sessionContext?.slice(0, 512) ?? null,
      deliveredAt: r.deliveredAt,
    })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Pulls until the provider has no more (at most `maxPulls` calls) and records what came.
 * Rejects with the provider's SmsError when a pull fails; receipts recorded before stay.
 */
export async function pullSmsReceipts(db: Db, provider: SmsProvider, maxPulls = 10): Promise<{ pulled: number; recorded: number }> {
  if (!provider.pullReceipts) return { pulled: 0, recorded: 0 };
  let pulled = 0;
  let recorded = 0;
  for (let i = 0; i < maxPulls; i++) {
    const batch = await provider.pullReceipts();
    pulled += batch.length;
    recorded += await recordSmsReceipts(db, batch);
    if (batch.length < RECEIPTS_PER_PULL) break;
  }
  return { pulled, recorded };
}
