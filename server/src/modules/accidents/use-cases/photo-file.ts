// GET /api/accidents/:id/photos/:photoId: a file's bytes, for the case's parties and its unit's officers.
import type { AppDeps } from '../../../deps';
import type { Caller } from '../../../http/auth';
import { forbidden, notFound } from '../../../http/errors';
import type { FileStorage } from '../../uploads/storage';
import { unitOf } from '../callers';

export interface PhotoFileInput {
  caller: Caller;
  caseId: number;
  fileId: number;
  storage: FileStorage;
}

export async function photoFile(deps: AppDeps, input: PhotoFileInput) {
  const { caller, caseId, fileId } = input;
  if (caller.kind === 'staff' && caller.role !== 'officer') throw forbidden();
  const reach = caller.kind === 'driver' ? { parties: { some: { driverId: caller.id } } } : { unitId: unitOf(caller) };
  const file = await deps.db.evidenceFile.findFirst({
    where: { id: fileId, caseId, case: reach },
    select: { storageKey: true, mimeType: true, sha256: true },
  });
  // The local folder streams it; the object store reads it whole first, to check its SHA-256 against
  // the one recorded at upload before a byte is served (a photo is at most 10 MB).
  const stream = file && (await input.storage.open(file.storageKey, { sha256: file.sha256 }));
  if (!file || !stream) throw notFound('没有找到这张照片');
  return { ...file, stream };
}
