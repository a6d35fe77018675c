// Recognises the database errors services turn into contract errors.
export function isUniqueViolation(err: unknown, field?: string): boolean {
  const e = err as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } } };
  if (e?.code !== 'P2002') return false;
  if (!field) return true;
  const text = JSON.stringify(e.meta ?? {});
  return text.includes(field);
}
