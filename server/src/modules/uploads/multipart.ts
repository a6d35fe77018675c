// Reads one multipart file straight into the storage (10 MB limit, hashed on the way, only its head
// kept in memory) and maps every parser failure to the contract. A refused file leaves nothing behind.
import multer from '@koa/multer';
import type { Context } from 'koa';
import type { StorageEngine } from 'multer';
import { Readable } from 'node:stream';
import { AppError, badRequest } from '../../http/errors';
import type { FileStorage, StoredFile } from './storage';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface ReceivedFile extends StoredFile {
  /** The first `headBytes` of the file (all of a smaller one), for the checks that read its header. */
  head: Buffer;
}

export interface UploadedFile {
  file: ReceivedFile;
  fields: Record<string, string>;
}

export interface Destination {
  storage: FileStorage;
  /** The folder the new key goes under (`cases/12`). */
  under: string;
  /** How much of the start of the file to hold for `accept` and the caller. */
  headBytes: number;
  /**
   * Looks at the head before anything is written: throws (an AppError) to refuse the file, or
   * returns the key's ending (`.png`).
   */
  accept(head: Buffer): string;
}

const tooLarge = () => new AppError(413, 'PAYLOAD_TOO_LARGE', '照片不能超过 10 MB');

/** Holds the first `headBytes` of a stream, then hands on the head and the rest as one stream. */
async function receive(stream: Readable, to: Destination): Promise<ReceivedFile> {
  const chunks = stream[Symbol.asyncIterator]();
  const start: Buffer[] = [];
  let held = 0;
  let ended = false;
  while (held < to.headBytes) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    start.push(next.value as Buffer);
    held += (next.value as Buffer).length;
  }
  const first = Buffer.concat(start);
  const head = first.subarray(0, to.headBytes);
  let suffix: string;
  try {
    suffix = to.accept(head);
  } catch (err) {
    // Refused on its first bytes: the rest is discarded unread.
    await chunks.return?.();
    throw err;
  }
  async function* whole() {
    try {
      yield first;
      if (ended) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value as Buffer;
    } finally {
      // The storage stopped reading (too large, a disk error): let the part go.
      await chunks.return?.();
    }
  }
  const stored = await to.storage.put(Readable.from(whole()), { under: to.under, suffix, maxBytes: MAX_UPLOAD_BYTES });
  return { ...stored, head };
}

/** A multer storage engine that writes into a FileStorage; multer calls `_removeFile` for a file it then refuses. */
function engine(to: Destination): StorageEngine {
  return {
    _handleFile(_req, file, callback) {
      receive((file as unknown as { stream: Readable }).stream, to).then(
        (received) => callback(null, { received } as never),
        (err: unknown) => callback(err),
      );
    },
    _removeFile(_req, file, callback) {
      const received = (file as unknown as { received?: ReceivedFile }).received;
      if (!received) return callback(null);
      to.storage.remove(received.key).then(() => callback(null), callback);
    },
  };
}

/**
 * Reads the request's one file (form field `field`) into the storage. Every refusal (413 over
 * 10 MB, the caller's `accept`, 400 for a broken body or a missing file) leaves nothing stored.
 */
export async function readSingleFile(ctx: Context, to: Destination, field = 'file'): Promise<UploadedFile> {
  if (!ctx.is('multipart/form-data')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 格式上传文件');
  }
  const upload = multer({
    storage: engine(to),
    // multer refuses (LIMIT_FILE_SIZE) the first byte over the limit; the storage counts too.
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });
  try {
    await upload.single(field)(ctx as never, async () => undefined);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE' || code === 'FILE_TOO_LARGE') throw tooLarge();
    throw badRequest([{ path: field, message: code ?? 'malformed multipart body', in: 'body' }], '上传的内容格式不正确，请重新上传');
  }
  const received = (ctx as unknown as { file?: { received?: ReceivedFile } }).file?.received;
  if (!received) throw badRequest([{ path: field, message: 'required', in: 'body' }], '请选择要上传的照片');
  const raw = ((ctx.request as { body?: unknown }).body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') fields[k] = v;
  return { file: received, fields };
}
