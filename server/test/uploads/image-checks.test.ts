// The upload checks on their own: type from the bytes, dimensions, EXIF capture time; the storage (streaming, hashing, never overwriting).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../../src/http/errors';
import { HEAD_BYTES, inspectImage, sniffImageType } from '../../src/modules/uploads/image';
import { FileExistsError, FileTooLargeError, LocalDirectoryStorage, readStored } from '../../src/modules/uploads/storage';
import { filesUnder, jpeg, png, webp } from './images';

const MIN = { width: 320, height: 240 };

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

describe('inspectImage', () => {
  it('recognises JPEG, PNG and WebP by their magic numbers', () => {
    expect(sniffImageType(jpeg(640, 480))).toBe('image/jpeg');
    expect(sniffImageType(png(4, 4))).toBe('image/png');
    expect(sniffImageType(webp(400, 300))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('%PDF-1.7 pretending'))).toBeNull();
  });

  it('reads the type and dimensions of a PNG', async () => {
    const info = await inspectImage(png(400, 300), MIN);
    expect(info).toEqual({ mimeType: 'image/png', width: 400, height: 300, capturedAt: null });
  });

  it('reads a large JPEG from its head alone (the first HEAD_BYTES)', async () => {
    const bytes = jpeg(4000, 3000, { exifTime: '2026:11:27 08:15:30', padTo: 8 * 1024 * 1024 });
    const info = await inspectImage(bytes.subarray(0, HEAD_BYTES), MIN);
    expect(info).toMatchObject({ mimeType: 'image/jpeg', width: 4000, height: 3000 });
    expect(info.capturedAt?.toISOString()).toBe('2026-11-27T00:15:30.000Z');
  });

  it('reads the EXIF capture time of a JPEG as Beijing time', async () => {
    const info = await inspectImage(jpeg(640, 480, { exifTime: '2026:11:27 08:15:30' }), MIN);
    expect(info.capturedAt?.toISOString()).toBe('2026-11-27T00:15:30.000Z');
  });

  it('accepts a WebP and a portrait photo of the minimum size', async () => {
    expect((await inspectImage(webp(400, 300), MIN)).mimeType).toBe('image/webp');
    expect((await inspectImage(png(240, 320), MIN)).width).toBe(240);
  });

  it('refuses a photo smaller than 320×240 with 422 IMAGE_TOO_SMALL', async () => {
    const err = await rejection(inspectImage(png(319, 240), MIN));
    expect(err.status).toBe(422);
    expect(err.code).toBe('IMAGE_TOO_SMALL');
  });

  it('refuses text, a truncated image and a PNG signature on garbage with 415', async () => {
    for (const bytes of [Buffer.from('not an image at all'), png(400, 300).subarray(0, 20), Buffer.concat([png(1, 1).subarray(0, 8), Buffer.alloc(30)])]) {
      const err = await rejection(inspectImage(bytes, MIN));
      expect(err.status).toBe(415);
    }
  });
});

describe('LocalDirectoryStorage', () => {
  const newStorage = async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'jg-storage-'));
    return { root, storage: new LocalDirectoryStorage(root) };
  };

  it('streams a file in under a new key, hashing and counting it on the way', async () => {
    const { storage } = await newStorage();
    const bytes = Buffer.alloc(300_000, 7);
    const stored = await storage.put(Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]), { under: 'cases/1', suffix: '.png' });
    expect(stored.key).toMatch(/^cases\/1\/[0-9a-f-]{36}\.png$/);
    expect(stored).toMatchObject({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect((await readStored(storage, stored.key))?.equals(bytes)).toBe(true);
    await storage.remove(stored.key);
    expect(await storage.open(stored.key)).toBeNull();
  });

  it('never overwrites a chosen key', async () => {
    const { storage } = await newStorage();
    await storage.put(Buffer.from('first'), { key: 'cases/1/a.png' });
    await expect(storage.put(Buffer.from('second'), { key: 'cases/1/a.png' })).rejects.toBeInstanceOf(FileExistsError);
    expect((await readStored(storage, 'cases/1/a.png'))?.toString()).toBe('first');
    expect(await readStored(storage, 'cases/1/missing.png')).toBeNull();
  });

  it('keeps nothing of a stream over maxBytes, or of one that breaks', async () => {
    const { root, storage } = await newStorage();
    await expect(storage.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { under: 'cases/1', maxBytes: 1000 })).rejects.toBeInstanceOf(FileTooLargeError);
    const broken = new Readable({ read() {} });
    broken.push(Buffer.alloc(500));
    setImmediate(() => broken.destroy(new Error('connection reset')));
    await expect(storage.put(broken, { under: 'cases/1' })).rejects.toThrow('connection reset');
    expect(await filesUnder(root)).toEqual([]);
  });

  it('sweeps staged files a dead process left behind', async () => {
    const { root, storage } = await newStorage();
    await mkdir(path.join(root, 'tmp'));
    const left = path.join(root, 'tmp', 'left.part');
    await writeFile(left, 'half');
    await utimes(left, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    await writeFile(path.join(root, 'tmp', 'now.part'), 'in progress');
    expect(await storage.sweepStaging(3_600_000)).toBe(1);
    expect(await filesUnder(root)).toEqual(['tmp/now.part']);
  });

  it('refuses keys that could leave its directory or reach its staging area', async () => {
    const { storage } = await newStorage();
    await expect(storage.put(Buffer.from('x'), { key: '../escape.png' })).rejects.toThrow('unsafe storage key');
    await expect(storage.put(Buffer.from('x'), { key: 'tmp/x.png' })).rejects.toThrow('unsafe storage key');
    await expect(storage.open('cases/../../etc/passwd')).rejects.toThrow('unsafe storage key');
  });
});
