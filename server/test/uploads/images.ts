// Builds small real images in memory for upload tests: PNG (src/lib/png.ts), JPEG headers with EXIF,
// WebP headers; and lists what an upload folder holds.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export { png } from '../../src/lib/png';

/** An EXIF APP1 segment holding DateTimeOriginal ("YYYY:MM:DD HH:MM:SS"). */
function exifSegment(dateTimeOriginal: string): Buffer {
  const value = Buffer.from(`${dateTimeOriginal}\0`, 'latin1');
  // TIFF header (little endian) + IFD0 with one entry (ExifIFD pointer) + Exif IFD with DateTimeOriginal.
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 + 4 + value.length);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8769, 10);
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18);
  tiff.writeUInt32LE(0, 22);
  tiff.writeUInt16LE(1, 26);
  tiff.writeUInt16LE(0x9003, 28);
  tiff.writeUInt16LE(2, 30);
  tiff.writeUInt32LE(value.length, 32);
  tiff.writeUInt32LE(44, 36);
  tiff.writeUInt32LE(0, 40);
  value.copy(tiff, 44);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** A JPEG's structure (SOI, optional EXIF, SOF0 with the size, EOI): enough for type, size and EXIF checks. */
export function jpeg(width: number, height: number, opts: { exifTime?: string; padTo?: number; seed?: number } = {}): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  const comment = Buffer.from(`seed ${opts.seed ?? 0}`, 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
  const parts = [Buffer.from([0xff, 0xd8]), ...(opts.exifTime ? [exifSegment(opts.exifTime)] : []), com, sof];
  let body = Buffer.concat(parts);
  if (opts.padTo && opts.padTo > body.length + 2) body = Buffer.concat([body, Buffer.alloc(opts.padTo - body.length - 2, 0x11)]);
  return Buffer.concat([body, Buffer.from([0xff, 0xd9])]);
}

/** A lossless WebP (VP8L) header with the given size. */
export function webp(width: number, height: number): Buffer {
  const vp8l = Buffer.alloc(5 + 16);
  vp8l[0] = 0x2f;
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  vp8l.writeUInt32LE(bits >>> 0, 1);
  const chunkHeader = Buffer.concat([Buffer.from('VP8L', 'latin1'), Buffer.alloc(4)]);
  chunkHeader.writeUInt32LE(vp8l.length, 4);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunkHeader, vp8l]);
  const riff = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4)]);
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/** Every file under a folder, as sorted paths relative to it with `/` (what an upload left on disk). */
export async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
