// Evidence in an S3-compatible object store (STORAGE=s3), against s3rver on loopback: the same
// promises as the local folder (never overwrite, nothing left by a refused put), the SHA-256 checked
// before a byte is served, and a photo uploaded through one server served by another whose own
// folder is empty.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import supertest from 'supertest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { S3Storage } from '../../src/modules/uploads/s3-storage';
import { storageFor } from '../../src/modules/uploads/storage-for';
import { FileExistsError, FileTooLargeError, readStored } from '../../src/modules/uploads/storage';
import { DETAILS_A, steps } from '../accidents/flow';
import { loginDriver, startTestContext, type TestContext } from '../support/context';
import { png } from './images';

const BUCKET = 'jiaoguan-evidence';
let server: S3rver;
let directory: string;
let endpoint: string;
const errors: { obj: object; msg: string }[] = [];
const log = { error: (obj: object, msg: string) => void errors.push({ obj, msg }) };

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'jg-s3-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const address = (await server.run()) as { port: number };
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});
beforeEach(() => {
  errors.length = 0;
});

const s3Env = () => ({
  STORAGE: 's3',
  S3_ENDPOINT: endpoint,
  S3_BUCKET: BUCKET,
  S3_ACCESS_KEY_ID: 'S3RVER',
  S3_SECRET_ACCESS_KEY: 'S3RVER',
  S3_FORCE_PATH_STYLE: 'true',
});

function store(prefix = `t${Math.random().toString(36).slice(2, 8)}/`) {
  return new S3Storage({ endpoint, region: 'us-east-1', bucket: BUCKET, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, prefix }, log);
}

async function keysUnder(storage: S3Storage, prefix: string): Promise<string[]> {
  const page = await storage.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (page.Contents ?? []).map((c) => c.Key!);
}

describe('S3Storage', () => {
  it('stores a stream under its key with its SHA-256 and reads it back checked; never overwrites', async () => {
    const storage = store('a/');
    const bytes = png(640, 480, 7);
    const stored = await storage.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { key: 'cases/1/photo.png' });
    expect(stored).toMatchObject({ key: 'cases/1/photo.png', bytes: bytes.length });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readStored(storage, 'cases/1/photo.png')).toEqual(bytes);
    await expect(storage.put(png(640, 480, 8), { key: 'cases/1/photo.png' })).rejects.toBeInstanceOf(FileExistsError);
    expect(await readStored(storage, 'cases/1/photo.png')).toEqual(bytes);
    // The staging copy is gone: only the file itself is in the bucket.
    expect(await keysUnder(storage, 'a/')).toEqual(['a/cases/1/photo.png']);
    expect(await storage.open('cases/1/nothing.png')).toBeNull();
  });

  it('leaves nothing for a put over its limit', async () => {
    const storage = store('b/');
    await expect(storage.put(Buffer.alloc(5000, 1), { key: 'cases/2/big.png', maxBytes: 4000 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await keysUnder(storage, 'b/')).toEqual([]);
  });

  it('refuses to serve a file whose bytes no longer match: the recorded hash or the expected one', async () => {
    const storage = store('c/');
    const stored = await storage.put(png(640, 480, 9), { under: 'cases/3', suffix: '.png' });
    await expect(storage.open(stored.key, { sha256: 'f'.repeat(64) })).resolves.toBeNull();
    expect(errors.map((e) => e.msg)).toEqual(['stored file refused: its SHA-256 does not match']);
    // Changed behind the server's back, the recorded SHA-256 kept.
    await storage.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `c/${stored.key}`, Body: Buffer.from('tampered'), Metadata: { sha256: stored.sha256 } }));
    await expect(storage.open(stored.key)).resolves.toBeNull();
    await expect(storage.open(stored.key, { sha256: stored.sha256 })).resolves.toBeNull();
    expect(errors).toHaveLength(3);
  });

  it('sweeps staged parts left by a put that never finished', async () => {
    const storage = store('d/');
    await storage.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'd/tmp/left-behind.part', Body: Buffer.from('half') }));
    await storage.put(png(640, 480, 10), { key: 'cases/4/kept.png' });
    expect(await storage.sweepStaging(60_000)).toBe(0);
    expect(await storage.sweepStaging(-1)).toBe(1);
    expect(await keysUnder(storage, 'd/')).toEqual(['d/cases/4/kept.png']);
  });
});

describe('STORAGE=s3 configuration', () => {
  it('needs a bucket and keys, and is the local folder by default', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', STORAGE: 's3', S3_BUCKET: BUCKET })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    expect(loadConfig({ NODE_ENV: 'test' }).storage).toEqual({ kind: 'local' });
    expect(loadConfig({ NODE_ENV: 'test', ...s3Env() }).storage).toMatchObject({ kind: 's3', bucket: BUCKET, forcePathStyle: true, prefix: '' });
  });
});

describe('two servers on one bucket', () => {
  let ctx: TestContext;
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jg-uploads-'));
    folders.push(dir);
    return dir;
  };
  beforeAll(async () => {
    ctx = await startTestContext({ ...s3Env(), S3_PREFIX: 'servers/', UPLOAD_DIR: folder() } as never);
  });
  afterAll(async () => {
    await ctx.close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('serves through the second server the photo uploaded through the first, bytes equal, its own folder empty', async () => {
    const other = folder();
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: ctx.deps.config.databaseUrl, LOG_LEVEL: 'silent', ...s3Env(), S3_PREFIX: 'servers/', UPLOAD_DIR: other });
    const second = supertest(buildApp({ ...ctx.deps, config }).callback());
    const s = steps(ctx);
    const a = await loginDriver(ctx);
    const reported = await s.report(a.token);
    expect(reported.status).toBe(201);
    await s.details(a.token, reported.body.id, DETAILS_A);
    const bytes = png(800, 600, 11);
    const uploaded = await s.upload(a.token, reported.body.id, 'OVERVIEW_FRONT', bytes);
    expect(uploaded.status).toBe(201);

    const served = await second
      .get(`/api/accidents/${reported.body.id}/photos/${uploaded.body.id}`)
      .set(s.auth(a.token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(served.status).toBe(200);
    expect(Buffer.compare(served.body as Buffer, bytes)).toBe(0);
    expect(readdirSync(ctx.deps.config.uploadDir)).toEqual([]);
    expect(readdirSync(other)).toEqual([]);
    expect(storageFor(ctx.deps)).toBeInstanceOf(S3Storage);
  });
});
