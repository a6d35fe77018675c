// The message centre's one shape (the contract's messageEntry) and the rule of which entries have arrived.
import type { Prisma } from '../../generated/prisma/client';

export const entrySelect = { id: true, event: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;
type EntryRow = Prisma.MessageCentreEntryGetPayload<{ select: typeof entrySelect }>;
export const toEntryView = (e: EntryRow) => ({ ...e, read: e.readAt !== null });

/**
 * A scheduled notice (the exam reminder) enters the message centre dated when it is due and shows
 * from then on, as its WeChat message does; not the day the booking was made.
 */
export const arrived = (driverId: number) => ({ driverId, createdAt: { lte: new Date() } });
