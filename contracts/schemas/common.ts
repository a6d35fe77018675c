// Shapes every part of the API shares: times on the wire, lists, the error body, units.
import { z } from 'zod';

/** An instant as ISO 8601 with its offset (the server sends UTC, "…Z"; a Date goes on the wire so). */
export const isoTime = z.iso.datetime({ offset: true });
export const isoTimeOrNull = isoTime.nullable();
export const id = z.number().int().positive();

/** A page of a list: `{"items", "total"}` (and any totals of its own), newest first unless a queue says otherwise. */
export function pageOf<T extends z.ZodType, X extends z.ZodRawShape = {}>(item: T, extra?: X) {
  return z.object({ items: z.array(item), total: z.number().int().min(0), ...(extra ?? ({} as X)) });
}
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
