// Reads one multipart file (memory storage, 10 MB limit) and maps every parser failure to the contract.
import multer from '@koa/multer';
import type { Context } from 'koa';
import { AppError, badRequest } from '../../http/errors';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  // One byte over the limit is what tells an oversize file from one of exactly 10 MB.
  limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
});

export interface UploadedFile {
  bytes: Buffer;
  fields: Record<string, string>;
}

export async function readSingleFile(ctx: Context, field = 'file'): Promise<UploadedFile> {
  if (!ctx.is('multipart/form-data')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 格式上传文件');
  }
  try {
    await upload.single(field)(ctx as never, async () => undefined);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') throw new AppError(413, 'PAYLOAD_TOO_LARGE', '照片不能超过 10 MB');
    throw badRequest([{ path: field, message: code ?? 'malformed multipart body', in: 'body' }], '上传的内容格式不正确，请重新上传');
  }
  const file = (ctx as unknown as { file?: { buffer: Buffer; size: number } }).file;
  if (!file || !Buffer.isBuffer(file.buffer)) {
    throw badRequest([{ path: field, message: 'required', in: 'body' }], '请选择要上传的照片');
  }
  if (file.buffer.length > MAX_UPLOAD_BYTES) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '照片不能超过 10 MB');
  const raw = ((ctx.request as { body?: unknown }).body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') fields[k] = v;
  return { bytes: file.buffer, fields };
}
