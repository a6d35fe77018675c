// The verification code printed on an issued document and carried by its QR code: random letters
// and digits that cannot be mistaken for one another (no I, O, 0, 1), 10 of them (50 bits),
// printed in groups ABCD-EFGH-JK. Documents issued before these codes carry 8.

export const DOCUMENT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const DOCUMENT_CODE_LENGTH = 10;
/** Lengths a code may have: today's, and that of documents issued before it. */
const LENGTHS = [DOCUMENT_CODE_LENGTH, 8];
const VALID = new RegExp(`^[${DOCUMENT_CODE_ALPHABET}]+$`);

/** ABCDEFGHJK → ABCD-EFGH-JK. */
export function formatDocumentCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * The code as stored, from what a person typed or a link carried (spaces, dashes and lower case
 * allowed), or null when it cannot be a code at all.
 */
export function normaliseDocumentCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const code = input.replace(/[\s\-－—·]/g, '').toUpperCase();
  return LENGTHS.includes(code.length) && VALID.test(code) ? code : null;
}
