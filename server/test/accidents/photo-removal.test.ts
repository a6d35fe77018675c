// A party removes a photo they took (DELETE /api/accidents/:id/photos/:photoId), and the case under
// review tells its parties by when the officers review it (reviewDueAt).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loginDriver } from '../support/context';
import { accidentSuite, expectStatus, REQUIRED } from './flow';

const t = accidentSuite();

const remove = (token: string, id: number, photoId: number) =>
  t.ctx.http.delete(`/api/accidents/${id}/photos/${photoId}`).set(t.s.auth(token));

function storedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('DELETE /api/accidents/:id/photos/:photoId', () => {
  it('removes the caller’s own photo, its file and puts PHOTO_REMOVED in the timeline; the slot is missing again', async () => {
    const c = await t.s.negotiating();
    const photo = await t.ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: c.id, slot: 'COLLISION_POINT' } });
    const res = await remove(c.a.token, c.id, photo.id);
    expect(res.status).toBe(200);
    expect(res.body.photos.map((p: { id: number }) => p.id)).not.toContain(photo.id);
    expect(res.body.missingSlots).toEqual(['COLLISION_POINT']);
    expect(res.body.events.at(-1)).toMatchObject({ type: 'PHOTO_REMOVED', actor: 'A' });
    expect(await t.ctx.db.evidenceFile.count({ where: { id: photo.id } })).toBe(0);
    const dir = String(t.ctx.deps.config.uploadDir);
    expect(storedFiles(dir).length).toBeGreaterThan(0);
    expect(storedFiles(dir).some((f) => f.endsWith(photo.storageKey.split('/').at(-1)!))).toBe(false);
    // Gone for good: a second delete finds nothing.
    expect((await remove(c.a.token, c.id, photo.id)).status).toBe(404);
  });

  it('refuses the other party’s photo (403), a stranger (404), a signature and a case someone has answered (409), changing nothing', async () => {
    const c = await t.s.negotiating();
    const photo = await t.ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: c.id, slot: 'OVERVIEW_FRONT' } });
    expect((await remove(c.b.token, c.id, photo.id)).status).toBe(403);
    const stranger = await loginDriver(t.ctx);
    expect((await remove(stranger.token, c.id, photo.id)).status).toBe(404);
    const sig = await t.s.sign(c.a.token, c.id);
    const sigRes = await remove(c.a.token, c.id, sig);
    expect(sigRes.status).toBe(409);
    expectStatus(await t.s.confirm(c.a.token, c.id, true, sig), 200);
    const answered = await remove(c.a.token, c.id, photo.id);
    expect(answered.status).toBe(409);
    expect(answered.body.error.message).toContain('签字');
    expect(await t.ctx.db.evidenceFile.count({ where: { caseId: c.id } })).toBe(REQUIRED.length + 1);
  });

  it('refuses once the case is under review (409)', async () => {
    const c = await t.s.pendingReview();
    const photo = await t.ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: c.id, slot: 'OVERVIEW_REAR' } });
    expect((await remove(c.a.token, c.id, photo.id)).status).toBe(409);
  });
});

describe('reviewDueAt in the party’s case view', () => {
  it('is the unit’s review limit after submission while under review, absent before', async () => {
    const c = await t.s.negotiating();
    expect((await t.s.get(c.a.token, c.id)).body.reviewDueAt).toBeUndefined();
    expectStatus(await t.s.confirm(c.a.token, c.id, true, await t.s.sign(c.a.token, c.id)), 200);
    expectStatus(await t.s.confirm(c.b.token, c.id, true, await t.s.sign(c.b.token, c.id)), 200);
    await t.ctx.db.unit.update({ where: { code: 'tengzhou' }, data: { serviceHours: null } });
    const view = await t.s.get(c.b.token, c.id);
    const submitted = (await t.ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).updatedAt;
    expect(new Date(view.body.reviewDueAt).getTime()).toBe(submitted.getTime() + t.ctx.deps.config.accidents.reviewMs);
  });
});
