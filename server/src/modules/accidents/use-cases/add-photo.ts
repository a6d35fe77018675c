// POST /api/accidents/:id/photos: a party adds a photo or their signature (UPLOAD_PHOTO).
import { EVIDENCE_SLOTS } from '@jiaoguan/contracts/labels';
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../../deps';
import type { EvidenceSlot } from '../../../generated/prisma/enums';
import { badRequest, ruleSaysNo } from '../../../http/errors';
import { EXTENSIONS, inspectImage } from '../../uploads/image';
import type { UploadedFile } from '../../uploads/multipart';
import type { FileStorage } from '../../uploads/storage';
import { requireAction } from '../case-machine';
import { asParty, driverActor, type DriverCaller } from '../callers';
import { act, loadCase } from '../case-store';
import { onLockedCase } from '../party-action';

export interface AddPhotoInput {
  caller: DriverCaller;
  id: number;
  storage: FileStorage;
  /** Reads the multipart body (`file`, `slot`); called only once the caller is known to be a party. */
  read: () => Promise<UploadedFile>;
}

const MAX_FILES_PER_CASE = 40;

export async function addPhoto(deps: AppDeps, input: AddPhotoInput) {
  const { caller, id, storage } = input;
  // Strangers are turned away before their upload is read.
  const { c: seen, role } = asParty(await loadCase(deps.db, id), caller);
  const { bytes, fields } = await input.read();
  const slot = (EVIDENCE_SLOTS as readonly string[]).includes(fields.slot) ? (fields.slot as EvidenceSlot) : null;
  if (!slot) throw badRequest([{ path: 'slot', message: 'unknown slot', in: 'body' }], '请说明这是哪一张照片');
  // Checked before the image is read and stored; checked again on the locked case.
  requireAction('UPLOAD_PHOTO', seen.status, role);
  const minimum = slot === 'SIGNATURE' ? { width: 100, height: 50 } : { width: 320, height: 240 };
  const image = await inspectImage(bytes, minimum);
  // A new key for every upload: a stored file is never replaced, only added to.
  const storageKey = `cases/${id}/${randomUUID()}.${EXTENSIONS[image.mimeType]}`;
  await storage.put(storageKey, bytes);
  return onLockedCase(deps, caller, id, async (tx, c, me, role) => {
    requireAction('UPLOAD_PHOTO', c.status, role);
    if (c.files.length >= MAX_FILES_PER_CASE) {
      throw ruleSaysNo('TOO_MANY_FILES', 'TOO_MANY_FILES', `每起事故最多上传${MAX_FILES_PER_CASE}张照片`);
    }
    const created = await tx.evidenceFile.create({
      data: { caseId: id, uploadedById: caller.id, slot, storageKey, ...image },
      select: { id: true, slot: true, sha256: true, mimeType: true, sizeBytes: true, width: true, height: true, capturedAt: true, receivedAt: true },
    });
    await act(tx, c, {
      action: 'UPLOAD_PHOTO',
      role,
      actor: driverActor(caller),
      event: slot === 'SIGNATURE' ? 'SIGNATURE_UPLOADED' : 'PHOTO_ADDED',
      details: { role: me.role, slot, fileId: created.id, sha256: image.sha256 },
    });
    return created;
  });
}
