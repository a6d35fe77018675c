// Where evidence files and documents live: a small interface, with a local-directory implementation.
// An S3-compatible object store can implement the same three calls later.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStorage {
  /** Stores bytes under a new key; refuses (FileExistsError) to overwrite an existing one. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under a key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
}

export class FileExistsError extends Error {
  constructor(readonly key: string) {
    super(`storage key already exists: ${key}`);
  }
}

const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i;

/** Keys are made by the server, never from user input; this only guards against a programming slip. */
function checkKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
}

export class LocalDirectoryStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    try {
      // 'wx' fails when the file exists: a stored file is never overwritten.
      await writeFile(file, data, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(key);
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}

const instances = new Map<string, FileStorage>();

/** One storage per root directory, shared by the modules of a process. */
export function localStorageFor(root: string): FileStorage {
  let storage = instances.get(root);
  if (!storage) {
    storage = new LocalDirectoryStorage(root);
    instances.set(root, storage);
  }
  return storage;
}
