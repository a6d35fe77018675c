// The active bookings of a session (PENDING or CONFIRMED, no result yet) and the drivers who hold
// them: whom a change or a cancellation of the session must reach.
import type { Prisma } from '../../../generated/prisma/client';
import { driversOfLearners } from '../notices';

type Tx = Prisma.TransactionClient;

export interface Holder {
  id: number;
  learnerId: number;
  status: 'PENDING' | 'CONFIRMED';
  /** The learner's driver account; null for a learner who never bound one (nobody to tell). */
  driverId: number | null;
}

export async function activeHolders(tx: Tx, sessionId: number, opts: { lock: boolean }): Promise<Holder[]> {
  const rows = opts.lock
    ? await tx.$queryRaw<{ id: number; learnerId: number; status: 'PENDING' | 'CONFIRMED' }[]>`
        SELECT id, learnerId, status FROM ExamBooking
         WHERE sessionId = ${sessionId} AND status IN ('PENDING', 'CONFIRMED') AND result IS NULL
         ORDER BY id FOR UPDATE`
    : await tx.$queryRaw<{ id: number; learnerId: number; status: 'PENDING' | 'CONFIRMED' }[]>`
        SELECT id, learnerId, status FROM ExamBooking
         WHERE sessionId = ${sessionId} AND status IN ('PENDING', 'CONFIRMED') AND result IS NULL
         ORDER BY id`;
  const drivers = await driversOfLearners(tx, [...new Set(rows.map((r) => Number(r.learnerId)))]);
  return rows.map((r) => ({ id: Number(r.id), learnerId: Number(r.learnerId), status: r.status, driverId: drivers.get(Number(r.learnerId)) ?? null }));
}
