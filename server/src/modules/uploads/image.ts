// Checks an uploaded image by its first bytes (type, dimensions) and reads its EXIF capture time.
import exifr from 'exifr';
import { imageSize } from 'image-size';
import { AppError } from '../../http/errors';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export const EXTENSIONS: Record<ImageType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The real type from the magic numbers at the start of the file; the name and header are ignored. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return null;
}

/**
 * How much of a file the checks read: image-size's own reading of a file (the first 512 KiB), where
 * a JPEG's markers and EXIF, a PNG's IHDR and a WebP's header are.
 */
export const HEAD_BYTES = 512 * 1024;

export interface InspectedImage {
  mimeType: ImageType;
  width: number;
  height: number;
  capturedAt: Date | null;
}

const EXIF_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** EXIF times carry no zone unless OffsetTimeOriginal is present; phones here are on Beijing time. */
export async function exifCaptureTime(bytes: Buffer): Promise<Date | null> {
  try {
    const tags = await exifr.parse(bytes, {
      pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal'],
      reviveValues: false,
    });
    const raw = (tags?.DateTimeOriginal ?? tags?.CreateDate) as unknown;
    if (typeof raw !== 'string') return null;
    const m = EXIF_TIME.exec(raw.trim());
    if (!m) return null;
    const offset = typeof tags?.OffsetTimeOriginal === 'string' && /^[+-]\d{2}:\d{2}$/.test(tags.OffsetTimeOriginal)
      ? tags.OffsetTimeOriginal
      : '+08:00';
    const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`);
    return Number.isNaN(date.getTime()) ? null : date;
  } catch {
    return null;
  }
}

const unsupported = () => new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '只能上传 JPG、PNG 或 WebP 格式的照片');

/** The type of a file from its first bytes, or 415 (before anything of it is stored). */
export function requireImageType(head: Buffer): ImageType {
  const type = sniffImageType(head);
  if (!type) throw unsupported();
  return type;
}

/**
 * Reads the head of a file (its first HEAD_BYTES, or all of a smaller one): 415 for anything that
 * is not a readable JPEG/PNG/WebP, 422 IMAGE_TOO_SMALL below the minimum.
 */
export async function inspectImage(head: Buffer, minimum: { width: number; height: number }): Promise<InspectedImage> {
  const mimeType = requireImageType(head);
  let width: number | undefined;
  let height: number | undefined;
  try {
    // A copy: image-size reads the underlying ArrayBuffer, which for a Buffer slice can run past its end.
    const size = imageSize(Uint8Array.from(head));
    const expected = EXTENSIONS[mimeType];
    if (size.type !== expected && !(expected === 'jpg' && size.type === 'jpeg')) throw unsupported();
    // EXIF orientations 5-8 rotate the picture a quarter turn.
    const turned = size.orientation !== undefined && size.orientation >= 5;
    width = turned ? size.height : size.width;
    height = turned ? size.width : size.height;
  } catch {
    throw unsupported();
  }
  if (!width || !height) throw unsupported();
  const longSide = Math.max(width, height);
  const shortSide = Math.min(width, height);
  if (longSide < Math.max(minimum.width, minimum.height) || shortSide < Math.min(minimum.width, minimum.height)) {
    throw new AppError(422, 'IMAGE_TOO_SMALL', `照片太小了，至少需要 ${minimum.width}×${minimum.height} 像素`, {
      reason: 'IMAGE_TOO_SMALL',
      width,
      height,
      minimum,
    });
  }
  return { mimeType, width, height, capturedAt: mimeType === 'image/png' ? null : await exifCaptureTime(head) };
}
