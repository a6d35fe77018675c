// DELETE /api/accidents/:id/photos/:photoId: a party removes a photo they took (a retake replaces the
// old one this way). Allowed while the case may still change (UPLOAD_PHOTO in the case machine) and
// before anyone has answered: an answer was given on the photos as they were. Signatures are not
// removed here (a new answer brings a new one). The row goes in the transaction, with a
// PHOTO_REMOVED event naming the file and its hash, the stored file after it.
import type { AppDeps } from '../../../deps';
import { conflict, forbidden, notFound } from '../../../http/errors';
import type { FileStorage } from '../../uploads/storage';
import { requireAction } from '../case-machine';
import { asParty, driverActor, type DriverCaller } from '../callers';
import { act, loadCase } from '../case-store';
import { onLockedCase } from '../party-action';
import { MAX_FILES_PER_CASE } from './add-photo';
import { caseView } from '../views';

export interface DeletePhotoInput {
  caller: DriverCaller;
  id: number;
  photoId: number;
  storage: FileStorage;
}

export async function deletePhoto(deps: AppDeps, input: DeletePhotoInput) {
  const { caller, id, photoId } = input;
  const storageKey = await onLockedCase(deps, caller, id, async (tx, c, me, role) => {
    const file = c.files.find((f) => f.id === photoId);
    if (!file) throw notFound('没有找到这张照片');
    requireAction('UPLOAD_PHOTO', c.status, role);
    if (file.slot === 'SIGNATURE') throw conflict('INVALID_STATE', '签名不能删除');
    if (file.uploadedById !== caller.id) throw forbidden('只能删除自己拍的照片');
    if (c.parties.some((p) => p.agreed !== null)) throw conflict('INVALID_STATE', '已有一方签字确认，照片不能再删除');
    const row = await tx.evidenceFile.findUniqueOrThrow({ where: { id: photoId }, select: { storageKey: true } });
    await tx.evidenceFile.delete({ where: { id: photoId } });
    await act(tx, c, {
      action: 'UPLOAD_PHOTO',
      role,
      actor: driverActor(caller),
      event: 'PHOTO_REMOVED',
      details: { role: me.role, slot: file.slot, fileId: file.id, sha256: file.sha256 },
    });
    return row.storageKey;
  });
  // The case-files place the photo took is free again.
  await deps.limits
    .limiter('case-files', { points: MAX_FILES_PER_CASE, windowMs: 30 * 86_400_000 })
    .refund(String(id))
    .catch(() => undefined);
  await input.storage.remove(storageKey).catch((err: unknown) => deps.log.error({ err, key: storageKey }, 'a removed photo could not be deleted from the storage'));
  const { c } = asParty(await loadCase(deps.db, id), caller);
  return caseView(c, { kind: 'party', driverId: caller.id });
}
