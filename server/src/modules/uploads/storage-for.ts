// The storage a process uses, chosen by configuration (STORAGE): the local folder by default, or
// the S3-compatible object store. One per process and target, shared by every module.
import type { Config } from '../../config';
import { S3Storage } from './s3-storage';
import { localStorageFor, type FileStorage } from './storage';

/** A storage that can also clear what uploads left half-done (the housekeeping job). */
export interface ManagedStorage extends FileStorage {
  /** Removes staged parts older than `olderThanMs`; answers how many. */
  sweepStaging(olderThanMs: number): Promise<number>;
}

interface Log {
  error(obj: object, msg: string): void;
}

const objectStores = new Map<string, S3Storage>();

export function storageFor(deps: { config: Config; log: Log }): ManagedStorage {
  const { storage } = deps.config;
  if (storage.kind === 'local') return localStorageFor(deps.config.uploadDir);
  const id = `${storage.endpoint ?? 'aws'}|${storage.region}|${storage.bucket}|${storage.prefix}`;
  let store = objectStores.get(id);
  if (!store) {
    store = new S3Storage(storage, deps.log);
    objectStores.set(id, store);
  }
  return store;
}
