// POST /api/accidents/:id/photos and GET …/photos/:photoId: bytes checked, stored, served only to those entitled.
import { createHash } from 'node:crypto';
import { loginDriver, type TestContext } from '../support/context';
import { startAccidentContext, steps } from '../accidents/flow';
import { jpeg, png, webp } from './images';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

async function openCase() {
  const a = await loginDriver(ctx);
  const res = await s.report(a.token);
  return { a, id: res.body.id as number };
}

describe('uploading evidence', () => {
  it('stores a photo with its hash, size, dimensions and EXIF time, and answers 201 {id, slot, sha256}', async () => {
    const { a, id } = await openCase();
    const bytes = jpeg(1280, 960, { exifTime: '2026:11:27 09:30:00', padTo: 5000 });
    const res = await s.upload(a.token, id, 'OVERVIEW_FRONT', bytes, 'IMG_0001.JPG');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slot: 'OVERVIEW_FRONT', sha256: createHash('sha256').update(bytes).digest('hex') });
    const row = await ctx.db.evidenceFile.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ mimeType: 'image/jpeg', sizeBytes: bytes.length, width: 1280, height: 960, uploadedById: a.id });
    expect(row.capturedAt?.toISOString()).toBe('2026-11-27T01:30:00.000Z');
    expect(row.receivedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const view = await s.get(a.token, id);
    expect(view.body.photos[0]).toMatchObject({ id: res.body.id, slot: 'OVERVIEW_FRONT', uploadedBy: 'A' });
    expect(view.body.events.at(-1)).toMatchObject({ type: 'PHOTO_ADDED', actor: 'A' });
  });

  it('never overwrites: the same slot twice keeps both files under different keys', async () => {
    const { a, id } = await openCase();
    const first = await s.upload(a.token, id, 'EXTRA', png(400, 300, 1));
    const second = await s.upload(a.token, id, 'EXTRA', png(400, 300, 2));
    expect([first.status, second.status]).toEqual([201, 201]);
    const rows = await ctx.db.evidenceFile.findMany({ where: { caseId: id } });
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(2);
    const one = await ctx.http.get(`/api/accidents/${id}/photos/${first.body.id}`).set(s.auth(a.token));
    expect(createHash('sha256').update(one.body).digest('hex')).toBe(first.body.sha256);
  });

  it('accepts WebP', async () => {
    const { a, id } = await openCase();
    const res = await s.upload(a.token, id, 'OWN_PLATE', webp(640, 480), 'plate.webp');
    expect(res.status).toBe(201);
  });

  it('answers 415 for a non-image disguised by its name and content type, and stores nothing', async () => {
    const { a, id } = await openCase();
    const res = await ctx.http
      .post(`/api/accidents/${id}/photos`)
      .set(s.auth(a.token))
      .field('slot', 'OVERVIEW_FRONT')
      .attach('file', Buffer.from('<?php echo "hello"; ?>'.repeat(100)), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await ctx.db.evidenceFile.count()).toBe(0);
  });

  it('answers 413 for a file over 10 MB and accepts one of exactly 10 MB', async () => {
    const { a, id } = await openCase();
    const big = await s.upload(a.token, id, 'EXTRA', jpeg(1000, 800, { padTo: 10 * 1024 * 1024 + 1 }), 'big.jpg');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const limit = await s.upload(a.token, id, 'EXTRA', jpeg(1000, 800, { padTo: 10 * 1024 * 1024 }), 'limit.jpg');
    expect(limit.status).toBe(201);
    expect(await ctx.db.evidenceFile.count()).toBe(1);
  });

  it('answers 422 IMAGE_TOO_SMALL below 320×240 for photos and below 100×50 for signatures', async () => {
    const { a, id } = await openCase();
    const photo = await s.upload(a.token, id, 'OVERVIEW_FRONT', png(300, 200));
    expect(photo.status).toBe(422);
    expect(photo.body.error.code).toBe('IMAGE_TOO_SMALL');
    expect((await s.upload(a.token, id, 'SIGNATURE', png(99, 50))).status).toBe(422);
    expect((await s.upload(a.token, id, 'SIGNATURE', png(100, 50))).status).toBe(201);
  });

  it('is harmless with odd file names: path tricks, spaces, Chinese, no extension', async () => {
    const { a, id } = await openCase();
    for (const name of ['../../../etc/passwd.png', '..\\..\\boot.ini', '事故 照片 (1).png', 'noextension', '.hidden', 'a'.repeat(300)]) {
      const res = await s.upload(a.token, id, 'EXTRA', png(400, 300, name.length), name);
      expect(res.status).toBe(201);
    }
    const rows = await ctx.db.evidenceFile.findMany({ where: { caseId: id } });
    for (const r of rows) expect(r.storageKey).toMatch(new RegExp(`^cases/${id}/[0-9a-f-]{36}\\.png$`));
  });

  it('answers 415 for a request that is not multipart, and 400 for a missing file, an unknown slot or a broken body', async () => {
    const { a, id } = await openCase();
    const json = await ctx.http.post(`/api/accidents/${id}/photos`).set(s.auth(a.token)).send({ slot: 'EXTRA' });
    expect(json.status).toBe(415);
    const noFile = await ctx.http.post(`/api/accidents/${id}/photos`).set(s.auth(a.token)).field('slot', 'EXTRA');
    expect(noFile.status).toBe(400);
    const wrongField = await ctx.http.post(`/api/accidents/${id}/photos`).set(s.auth(a.token)).field('slot', 'EXTRA').attach('photo', png(400, 300), 'x.png');
    expect(wrongField.status).toBe(400);
    const badSlot = await s.upload(a.token, id, 'SELFIE');
    expect(badSlot.status).toBe(400);
    const broken = await ctx.http
      .post(`/api/accidents/${id}/photos`)
      .set(s.auth(a.token))
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc');
    expect(broken.status).toBe(400);
    expect(await ctx.db.evidenceFile.count()).toBe(0);
  });

  it("hides a case's files from other drivers and officers of other units (404), and shows them to the unit's officer", async () => {
    const { a, id } = await openCase();
    const up = await s.upload(a.token, id, 'OVERVIEW_FRONT');
    const stranger = await loginDriver(ctx);
    expect((await s.upload(stranger.token, id, 'EXTRA')).status).toBe(404);
    expect((await ctx.http.get(`/api/accidents/${id}/photos/${up.body.id}`).set(s.auth(stranger.token))).status).toBe(404);
    const elsewhere = await s.officer('shizhong');
    expect((await ctx.http.get(`/api/accidents/${id}/photos/${up.body.id}`).set(s.auth(elsewhere))).status).toBe(404);
    const own = await s.officer('tengzhou');
    const seen = await ctx.http.get(`/api/accidents/${id}/photos/${up.body.id}`).set(s.auth(own));
    expect(seen.status).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect(await ctx.db.evidenceFile.count()).toBe(1);
  });

  it('refuses uploads once the case has left the parties (409 INVALID_STATE)', async () => {
    const { a, id } = await openCase();
    await ctx.http.post(`/api/accidents/${id}/cancel`).set(s.auth(a.token));
    const res = await s.upload(a.token, id, 'EXTRA');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
  });
});
