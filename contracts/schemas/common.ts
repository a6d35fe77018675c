// Shapes every part of the API shares: times on the wire, lists, the error body, units.
import { z } from 'zod';

/** An instant as ISO 8601 with its offset (the server sends UTC, "…Z"). */
export const isoTime = z.iso.datetime({ offset: true });
export const id = z.number().int().positive();

/** A page of a list: `{"items", "total"}`, newest first unless a queue says otherwise. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int().nonnegative() });
export type Page<T> = { items: T[]; total: number };

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const unit = z.object({ code: z.string(), name: z.string() });
export type Unit = z.infer<typeof unit>;

export const importReport = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReport>;
