// The upload checks on their own: type from the bytes, dimensions, EXIF capture time, hashing, storage.
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../src/http/errors';
import { inspectImage, sniffImageType } from '../../src/modules/uploads/image';
import { FileExistsError, LocalDirectoryStorage } from '../../src/modules/uploads/storage';
import { jpeg, png, webp } from './images';

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

  it('reads dimensions, size and SHA-256 of a PNG', async () => {
    const bytes = png(400, 300);
    const info = await inspectImage(bytes, MIN);
    expect(info).toMatchObject({ mimeType: 'image/png', width: 400, height: 300, sizeBytes: bytes.length, capturedAt: null });
    expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
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
  it('stores and reads bytes, and never overwrites a key', async () => {
    const storage = new LocalDirectoryStorage(await mkdtemp(path.join(tmpdir(), 'jg-storage-')));
    await storage.put('cases/1/a.png', Buffer.from('first'));
    await expect(storage.put('cases/1/a.png', Buffer.from('second'))).rejects.toBeInstanceOf(FileExistsError);
    expect((await storage.get('cases/1/a.png'))?.toString()).toBe('first');
    expect(await storage.get('cases/1/missing.png')).toBeNull();
  });

  it('refuses keys that could leave its directory', async () => {
    const storage = new LocalDirectoryStorage(await mkdtemp(path.join(tmpdir(), 'jg-storage-')));
    await expect(storage.put('../escape.png', Buffer.from('x'))).rejects.toThrow('unsafe storage key');
    await expect(storage.get('cases/../../etc/passwd')).rejects.toThrow('unsafe storage key');
  });
});
