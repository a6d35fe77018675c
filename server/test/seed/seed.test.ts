// The demo data: loads, can be loaded again without duplicates, and its logins work; the demo accident
// cases are there for the 滕州 officer, with their photos, documents and claims.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemoData } from '../../../prisma/seed';
import { DEMO_ACCIDENT_DRIVERS } from '../../../prisma/seed-accidents';
import { idNumberProblem } from '@jiaoguan/contracts/id-number';
import { isValidVin } from '@jiaoguan/contracts/vin';
import { normalisePlate, plateKind } from '@jiaoguan/contracts/plate';
import { LocalDirectoryStorage, readStored } from '../../src/modules/uploads/storage';
import { loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
let uploadDir: string;
let storage: LocalDirectoryStorage;
beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(tmpdir(), 'jg-seed-'));
  storage = new LocalDirectoryStorage(uploadDir);
  // The app reads files from the same directory the seed writes to.
  ctx = await startTestContext({ UPLOAD_DIR: uploadDir });
  await ctx.reset();
});
afterAll(async () => {
  await ctx.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

describe('seedDemoData', () => {
  it('is idempotent', async () => {
    await seedDemoData(ctx.db, storage);
    const counts = async () => ({
      staff: await ctx.db.staff.count(),
      licences: await ctx.db.licence.count(),
      learners: await ctx.db.learner.count(),
      sessions: await ctx.db.examSession.count(),
      vehicles: await ctx.db.vehicle.count(),
      violations: await ctx.db.violation.count(),
      faq: await ctx.db.faqEntry.count(),
      drivers: await ctx.db.driver.count(),
      cases: await ctx.db.accidentCase.findMany({ orderBy: { id: 'asc' }, include: { parties: true, files: true, events: true, claims: true } }),
    });
    const first = await counts();
    await seedDemoData(ctx.db, storage);
    expect(await counts()).toEqual(first);
    expect(first.staff).toBe(DEMO_STAFF.length);
  });

  it('lets every demo account log in with the documented password and unit', async () => {
    for (const s of DEMO_STAFF) {
      const res = await ctx.http.post('/api/auth/staff').send({ username: s.username, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user.role).toBe(s.role.toLowerCase());
      expect(res.body.user.unit?.code ?? null).toBe(s.unit);
    }
  });

  it('holds only valid ID numbers and VINs', async () => {
    for (const l of await ctx.db.licence.findMany()) expect(idNumberProblem(l.idNumber)).toBeNull();
    for (const l of await ctx.db.learner.findMany()) expect(idNumberProblem(l.idNumber)).toBeNull();
    for (const v of await ctx.db.vehicle.findMany()) expect(isValidVin(v.vin)).toBe(true);
    for (const p of await ctx.db.accidentParty.findMany()) {
      expect(plateKind(p.plate!)).not.toBeNull();
      expect(normalisePlate(p.plate!)).toBe(p.plate);
      expect(idNumberProblem(p.licenceNumber!)).toBeNull();
    }
  });
});

describe('demo accident cases', () => {
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('give the 滕州 officer a case to review (with photos), a confirmed one with claims and a returned one', async () => {
    const officer = await loginStaff(ctx, 'officer.tengzhou', DEMO_PASSWORD);
    const queue = async (status: string) => (await ctx.http.get(`/api/officer/accidents?status=${status}`).set(auth(officer))).body;
    const pending = await queue('PENDING_REVIEW');
    expect(pending.total).toBe(1);
    // Submitted before the seed ran: a case submitted afterwards comes after it in the queue.
    expect(new Date(pending.items[0].submittedAt).getTime()).toBeLessThan(Date.now() - 60 * 60_000);
    expect((await queue('CONFIRMED')).total).toBe(1);
    expect((await queue('RETURNED')).total).toBe(1);

    const review = (await ctx.http.get(`/api/officer/accidents/${pending.items[0].id}`).set(auth(officer))).body;
    expect(review.missingSlots).toEqual([]);
    expect(review.parties.map((p: { complete: boolean; agreed: boolean }) => [p.complete, p.agreed])).toEqual([[true, true], [true, true]]);
    for (const photo of review.photos) {
      const bytes = await ctx.http.get(photo.url).set(auth(officer));
      expect(bytes.status).toBe(200);
      expect(bytes.headers.etag).toBe(`"${photo.sha256}"`);
    }

    const confirmedId = (await queue('CONFIRMED')).items[0].id;
    const confirmed = (await ctx.http.get(`/api/officer/accidents/${confirmedId}`).set(auth(officer))).body;
    expect(confirmed.claims.map((c: { insurer: string }) => c.insurer)).toEqual(['中国人保', '平安保险']);
    const pdf = await ctx.http.get(`/api/accidents/${confirmedId}/agreement`).set(auth(officer)).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    const returned = (await ctx.http.get(`/api/officer/accidents/${(await queue('RETURNED')).items[0].id}`).set(auth(officer))).body;
    expect(returned.decision.note).toContain('碰撞部位');
    expect(returned.parties.every((p: { agreed: boolean | null }) => p.agreed === null)).toBe(true);
  });

  it('belong to demo drivers who see them as parties', async () => {
    const a = await loginDriver(ctx, DEMO_ACCIDENT_DRIVERS.A);
    const mine = (await ctx.http.get('/api/accidents').set(auth(a.token))).body;
    expect(mine.items.map((c: { status: string }) => c.status).sort()).toEqual(['CONFIRMED', 'PENDING_REVIEW', 'RETURNED']);
    expect(mine.items.every((c: { myRole: string }) => c.myRole === 'A')).toBe(true);
  });

  it('write their files again when the upload directory lost them', async () => {
    const file = await ctx.db.evidenceFile.findFirstOrThrow({ where: { slot: 'COLLISION_POINT' } });
    rmSync(path.join(uploadDir, ...file.storageKey.split('/')));
    expect(await readStored(storage, file.storageKey)).toBeNull();
    await seedDemoData(ctx.db, storage);
    const again = await readStored(storage, file.storageKey);
    expect(again).not.toBeNull();
    expect(createHash('sha256').update(again!).digest('hex')).toBe(file.sha256);
  });
});
