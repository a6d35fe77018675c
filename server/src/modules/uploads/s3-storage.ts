// Evidence files and documents in an S3-compatible object store (AWS S3, Tencent COS, Alibaba OSS,
// MinIO; s3rver in tests and `npm run cluster`), so every server process reads what any other wrote.
// The same three calls as the local folder: a put streams to a staging key and is copied under its
// key with its SHA-256 once complete; open checks the SHA-256 before a byte is served.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { FileExistsError, Meter, checkKey, keyOf, type FileStorage, type OpenOptions, type PutOptions, type StoredFile } from './storage';

export interface S3StorageConfig {
  /** `https://cos.ap-guangzhou.myqcloud.com`, `http://127.0.0.1:9000`; unset: AWS for the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bucket in the path (`host/bucket/key`): MinIO and s3rver; COS and OSS take virtual-hosted names (false). */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket (`jiaoguan/`), empty for the whole bucket. */
  prefix?: string;
}

interface Log {
  error(obj: object, msg: string): void;
}

const STAGING = 'tmp';
/** What open() holds in memory to check a file before serving it: evidence is at most 10 MB, documents smaller. */
const MAX_VERIFIED_BYTES = 16 * 1024 * 1024;

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

function isPreconditionFailed(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412;
}

export class S3Storage implements FileStorage {
  readonly client: S3Client;

  constructor(
    private readonly config: S3StorageConfig,
    private readonly log: Log,
  ) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Checksums only where the operation requires them: COS, OSS and older MinIO refuse the newer default trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    return `${this.config.prefix ?? ''}${key}`;
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async put(data: Readable | Buffer, options: PutOptions): Promise<StoredFile> {
    const key = keyOf(options);
    checkKey(key);
    const staged = this.objectKey(`${STAGING}/${randomUUID()}.part`);
    const meter = new Meter(options.maxBytes);
    const source = Buffer.isBuffer(data) ? Readable.from([data]) : data;
    source.on('error', (err) => meter.destroy(err));
    source.pipe(meter);
    // The body has no known length: lib-storage sends it in parts (one PutObject when it is small).
    const upload = new Upload({ client: this.client, params: { Bucket: this.config.bucket, Key: staged, Body: meter }, leavePartsOnError: false });
    const failed = new Promise<never>((_, reject) => meter.once('error', reject));
    try {
      await Promise.race([upload.done(), failed]);
    } catch (err) {
      await upload.abort().catch(() => undefined);
      await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: staged })).catch(() => undefined);
      throw err;
    }
    const { sha256, bytes } = meter.result();
    try {
      // Never overwrite: If-None-Match refuses a taken key where the store honours it (S3, MinIO);
      // the HEAD before it covers stores that ignore the header (s3rver).
      if (await this.exists(key)) throw new FileExistsError(key);
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.config.bucket,
          Key: this.objectKey(key),
          CopySource: `${this.config.bucket}/${staged}`,
          MetadataDirective: 'REPLACE',
          Metadata: { sha256 },
          IfNoneMatch: '*',
        }),
      );
    } catch (err) {
      if (isPreconditionFailed(err)) throw new FileExistsError(key);
      throw err;
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: staged })).catch(() => undefined);
    }
    return { key, sha256, bytes };
  }

  /**
   * The bytes under a key, read whole and checked against their SHA-256 (the expected one given, or
   * the one recorded at put) before a byte is served: a file that does not match is refused (null),
   * and logged.
   */
  async open(key: string, options: OpenOptions = {}): Promise<Readable | null> {
    checkKey(key);
    let answer;
    try {
      answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    const expected = options.sha256 ?? answer.Metadata?.sha256;
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of answer.Body as Readable) {
      bytes += (chunk as Buffer).length;
      if (bytes > MAX_VERIFIED_BYTES) {
        (answer.Body as Readable).destroy();
        this.log.error({ key, bytes }, 'stored file refused: larger than any file the server writes');
        return null;
      }
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
    const actual = hash.digest('hex');
    if (!expected || actual !== expected.toLowerCase()) {
      this.log.error({ key, expected: expected ?? null, actual }, 'stored file refused: its SHA-256 does not match');
      return null;
    }
    return Readable.from([Buffer.concat(chunks)]);
  }

  /**
   * Staged parts an upload did not live to copy (a process killed mid-put). A bucket lifecycle rule
   * on the `tmp/` prefix does the same where the provider offers one.
   */
  async sweepStaging(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix: this.objectKey(`${STAGING}/`), ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) {
        if (!item.Key || !item.LastModified || item.LastModified.getTime() >= cutoff) continue;
        await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: item.Key }));
        removed++;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return removed;
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.objectKey(key) }));
  }
}
