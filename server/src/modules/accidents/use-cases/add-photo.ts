// POST /api/accidents/:id/photos: a party adds a photo or their signature (UPLOAD_PHOTO).
// Everything that can refuse without the file does so before its body is read: not a party (404),
// the case's state (409), the case's 40 files (422), the driver's uploads today (429). The file is
// streamed into the storage (hashed on the way, only its head held for the checks) and removed again
// when anything after that refuses it, so the upload folder holds exactly the files of the rows.
import { EVIDENCE_SLOTS } from '@jiaoguan/contracts/labels';
import type { AppDeps } from '../../../deps';
import type { EvidenceSlot } from '../../../generated/prisma/enums';
import { badRequest, ruleSaysNo } from '../../../http/errors';
import { withinDailyLimit } from '../../../lib/rate-limit';
import { EXTENSIONS, HEAD_BYTES, inspectImage, requireImageType } from '../../uploads/image';
import type { Destination, UploadedFile } from '../../uploads/multipart';
import type { FileStorage } from '../../uploads/storage';
import { requireAction } from '../case-machine';
import { asParty, driverActor, type DriverCaller } from '../callers';
import { act, loadCase } from '../case-store';
import { onLockedCase } from '../party-action';

export interface AddPhotoInput {
  caller: DriverCaller;
  id: number;
  storage: FileStorage;
  /** Reads the multipart body (`file`, `slot`) into the storage; called only once the upload may go ahead. */
  read: (to: Destination) => Promise<UploadedFile>;
}

export const MAX_FILES_PER_CASE = 40;
/** How long a case's count of accepted uploads is kept in the limit store (the rows stay the truth). */
const CASE_FILES_WINDOW_MS = 30 * 86_400_000;

const tooManyFiles = () => ruleSaysNo('TOO_MANY_FILES', 'TOO_MANY_FILES', `每起事故最多上传${MAX_FILES_PER_CASE}张照片`);

export async function addPhoto(deps: AppDeps, input: AddPhotoInput) {
  const { caller, id } = input;
  const { c: seen, role } = asParty(await loadCase(deps.db, id), caller);
  // Checked before the body is read; checked again on the locked case.
  requireAction('UPLOAD_PHOTO', seen.status, role);
  if (seen.files.length >= MAX_FILES_PER_CASE) throw tooManyFiles();
  const max = deps.config.dailyLimits.uploads;
  const limit = { name: 'daily-uploads', max, driverId: caller.id, reached: `今天上传的照片已达${max}张` };
  return withinDailyLimit(deps.limits, limit, () => withCaseSlot(deps, id, () => receive(deps, input)));
}

/**
 * One of the case's 40 places, taken before the body is read, so that a burst of parallel uploads
 * on one case gets no more bodies accepted than there are places; given back when the upload is
 * refused. The count of rows on the locked case is what finally decides.
 */
async function withCaseSlot<T>(deps: AppDeps, caseId: number, work: () => Promise<T>): Promise<T> {
  const slots = deps.limits.limiter('case-files', { points: MAX_FILES_PER_CASE, windowMs: CASE_FILES_WINDOW_MS });
  const key = String(caseId);
  if (!(await slots.consume(key)).allowed) throw tooManyFiles();
  try {
    return await work();
  } catch (err) {
    await slots.refund(key);
    throw err;
  }
}

async function receive(deps: AppDeps, input: AddPhotoInput) {
  const { caller, id, storage } = input;
  const { file, fields } = await input.read({
    storage,
    under: `cases/${id}`,
    headBytes: HEAD_BYTES,
    // Not an image by its first bytes: 415 before anything is written.
    accept: (head) => `.${EXTENSIONS[requireImageType(head)]}`,
  });
  try {
    const slot = (EVIDENCE_SLOTS as readonly string[]).includes(fields.slot) ? (fields.slot as EvidenceSlot) : null;
    if (!slot) throw badRequest([{ path: 'slot', message: 'unknown slot', in: 'body' }], '请说明这是哪一张照片');
    const minimum = slot === 'SIGNATURE' ? { width: 100, height: 50 } : { width: 320, height: 240 };
    const image = { ...(await inspectImage(file.head, minimum)), sizeBytes: file.bytes, sha256: file.sha256 };
    return await onLockedCase(deps, caller, id, async (tx, c, me, role) => {
      requireAction('UPLOAD_PHOTO', c.status, role);
      if (c.files.length >= MAX_FILES_PER_CASE) throw tooManyFiles();
      const created = await tx.evidenceFile.create({
        data: { caseId: id, uploadedById: caller.id, slot, storageKey: file.key, ...image },
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
  } catch (err) {
    // Refused after it was stored (slot, image checks, the locked case): the file goes again.
    await storage.remove(file.key).catch((removeErr: unknown) => deps.log.error({ err: removeErr, key: file.key }, 'a refused upload could not be removed'));
    throw err;
  }
}
