// The answer carrying a stored photo or signature, for whoever may see it: its bytes never change
// (the key is new for every upload), so the browser keeps it for a day, checked by its SHA-256.
import type { Readable } from 'node:stream';
import type { Context } from 'koa';

export interface StoredFile {
  sha256: string;
  mimeType: string;
  stream: Readable;
}

export function serveStoredFile(ctx: Context, file: StoredFile): Readable {
  ctx.set('Cache-Control', 'private, max-age=86400, immutable');
  ctx.set('ETag', `"${file.sha256}"`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.type = file.mimeType;
  return file.stream;
}
