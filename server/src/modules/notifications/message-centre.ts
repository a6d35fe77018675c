// The message centre's one shape and the rule of which entries have arrived.
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { wireTime, wireTimeOrNull } from '../../lib/wire';

export const entrySelect = { id: true, event: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;
type EntryRow = Prisma.MessageCentreEntryGetPayload<{ select: typeof entrySelect }>;
export const toEntryView = (e: EntryRow) => ({ ...e, read: e.readAt !== null });

export const entryView = z.object({
  id: z.number().int(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: wireTimeOrNull,
  createdAt: wireTime,
  read: z.boolean(),
});

/**
 * A scheduled notice (the exam reminder) enters the message centre dated when it is due and shows
 * from then on, as its WeChat message does; not the day the booking was made.
 */
export const arrived = (driverId: number) => ({ driverId, createdAt: { lte: new Date() } });
