// Where evidence files and documents live: a small interface (put a stream, open, remove), with a
// local-directory implementation (the default) and an S3-compatible one (s3-storage.ts, STORAGE=s3).
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { link, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  key: string;
  /** SHA-256 of the bytes, hex, computed while they were written. */
  sha256: string;
  bytes: number;
}

export type PutOptions = (
  | {
      /** The folder of a new key (`cases/12`): the storage names the file, so a key is never reused. */
      under: string;
      /** The new key's ending (`.png`). */
      suffix?: string;
    }
  | {
      /** A key the caller chose (a case's document); FileExistsError when it is taken. */
      key: string;
    }
) & {
  /** More bytes than this → FileTooLargeError, and nothing is kept. */
  maxBytes?: number;
};

export interface FileStorage {
  /**
   * Streams the bytes in, hashing and counting them on the way; the file appears under its key
   * only once all of it arrived (a refused or broken stream leaves nothing). Never overwrites.
   */
  put(data: Readable | Buffer, options: PutOptions): Promise<StoredFile>;
  /**
   * The bytes under a key as a stream, or null when there are none. The object store checks them
   * against `sha256` (or the hash it recorded) first and answers null for a file that does not match.
   */
  open(key: string, options?: OpenOptions): Promise<Readable | null>;
  /** Forgets a key (nothing happens when there is no such key). */
  remove(key: string): Promise<void>;
}

export interface OpenOptions {
  /** The SHA-256 recorded when the file was stored (hex). */
  sha256?: string;
}

export class FileExistsError extends Error {
  constructor(readonly key: string) {
    super(`storage key already exists: ${key}`);
  }
}

export class FileTooLargeError extends Error {
  readonly code = 'FILE_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
  }
}

/** The whole of a small stored file (a signature for the PDF, a rendered document), or null. */
export async function readStored(storage: FileStorage, key: string): Promise<Buffer | null> {
  const stream = await storage.open(key);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;
/** The local folder's staging area: files being received, moved under their key once complete. */
const STAGING = 'tmp';

/** Keys are made by the server, never from user input; this only guards against a programming slip. */
export function checkKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..') || key.split('/')[0] === STAGING) throw new Error(`unsafe storage key: ${key}`);
}

/** The key a put stores under: the one given, or a fresh name in the folder given. */
export const keyOf = (options: PutOptions): string =>
  'key' in options ? options.key : `${options.under}/${randomUUID()}${options.suffix ?? ''}`;

/** Passes a put's bytes through, counting and hashing them, and refuses the first byte past `maxBytes`. */
export class Meter extends Transform {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly maxBytes?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.maxBytes !== undefined && this.bytes > this.maxBytes) return done(new FileTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** Once the stream has ended: what went through. */
  result(): { sha256: string; bytes: number } {
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }
}

export class LocalDirectoryStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(data: Readable | Buffer, options: PutOptions): Promise<StoredFile> {
    const key = keyOf(options);
    const file = this.pathOf(key);
    const staged = path.join(this.root, STAGING, `${randomUUID()}.part`);
    // Synchronously, so the stream is piped before this call first waits: an error it emits meanwhile is not lost.
    mkdirSync(path.dirname(staged), { recursive: true });
    const meter = new Meter(options.maxBytes);
    const written = pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, meter, createWriteStream(staged, { flags: 'wx' }));
    try {
      await written;
      await mkdir(path.dirname(file), { recursive: true });
      // A hard link fails when the key exists: a stored file is never overwritten.
      await link(staged, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(key);
      throw err;
    } finally {
      await rm(staged, { force: true });
    }
    return { key, ...meter.result() };
  }

  async open(key: string, _options?: OpenOptions): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Drops staged files older than `olderThanMs`: what a process that died mid-upload left (the housekeeping job). */
  async sweepStaging(olderThanMs: number): Promise<number> {
    const dir = path.join(this.root, STAGING);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < Date.now() - olderThanMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

const instances = new Map<string, LocalDirectoryStorage>();

/** One storage per root directory, shared by the modules of a process. */
export function localStorageFor(root: string): LocalDirectoryStorage {
  let storage = instances.get(root);
  if (!storage) {
    storage = new LocalDirectoryStorage(root);
    instances.set(root, storage);
  }
  return storage;
}
