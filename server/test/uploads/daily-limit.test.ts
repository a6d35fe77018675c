// A driver's uploads a Shanghai day (DAILY_UPLOADS_PER_DRIVER): counted before the body is read,
// atomically, per driver; a refused upload does not count and a refusal leaves no file.
import { shanghaiDayParts, startOfDayAfter } from '@jiaoguan/contracts/time';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loginDriver, startTestContext, type TestContext } from '../support/context';
import { steps } from '../accidents/flow';
import { filesUnder, png } from './images';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startTestContext({ UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'jg-uploads-')), DAILY_UPLOADS_PER_DRIVER: '5' });
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const filesOf = async (id: number) => (await filesUnder(ctx.deps.config.uploadDir)).filter((f) => f.startsWith(`cases/${id}/`));

/** A case both drivers are parties of. */
async function joinedCase() {
  const a = await loginDriver(ctx);
  const b = await loginDriver(ctx);
  const created = await s.report(a.token);
  expect((await s.join(b.token, created.body.inviteCode)).status).toBe(200);
  return { a, b, id: created.body.id as number };
}

describe('uploads a day', () => {
  it('refuses the sixth with 429 until the next Shanghai midnight, with nothing written', async () => {
    const { a, id } = await joinedCase();
    for (let i = 0; i < 5; i++) expect((await s.upload(a.token, id, 'EXTRA')).status).toBe(201);
    const before = await filesOf(id);
    const sixth = await s.upload(a.token, id, 'EXTRA');
    expect(sixth.status).toBe(429);
    const lifts = startOfDayAfter(new Date(), 1);
    const [, month, day] = shanghaiDayParts(lifts);
    expect(sixth.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: `今天上传的照片已达5张，请明天（${month}月${day}日）再试`,
      details: { retryAt: lifts.toISOString() },
    });
    expect(await filesOf(id)).toEqual(before);
    expect(await ctx.db.evidenceFile.count()).toBe(5);
  });

  it('lets exactly five of twenty parallel uploads in, one file on disk for each', async () => {
    const { a, id } = await joinedCase();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => s.upload(a.token, id, 'EXTRA', png(400, 300, 500 + i))));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(15);
    const rows = await ctx.db.evidenceFile.findMany({ where: { caseId: id }, select: { storageKey: true } });
    expect(rows).toHaveLength(5);
    expect(await filesOf(id)).toEqual(rows.map((r) => r.storageKey).sort());
  });

  it("counts each driver on their own: the other party's uploads go on", async () => {
    const { a, b, id } = await joinedCase();
    for (let i = 0; i < 5; i++) await s.upload(a.token, id, 'EXTRA');
    expect((await s.upload(a.token, id, 'EXTRA')).status).toBe(429);
    expect((await s.upload(b.token, id, 'EXTRA')).status).toBe(201);
  });

  it('does not count refused uploads (not an image, too small, an unknown slot, a stranger)', async () => {
    const { a, id } = await joinedCase();
    expect((await s.upload(a.token, id, 'EXTRA', Buffer.from('not an image'.repeat(50)), 'x.jpg')).status).toBe(415);
    expect((await s.upload(a.token, id, 'EXTRA', png(100, 100))).status).toBe(422);
    expect((await s.upload(a.token, id, 'SELFIE')).status).toBe(400);
    const other = await s.report(a.token, { occurredAt: new Date(Date.now() - 3_600_000).toISOString() });
    const stranger = await loginDriver(ctx);
    expect((await s.upload(stranger.token, other.body.id, 'EXTRA')).status).toBe(404);
    for (let i = 0; i < 5; i++) expect((await s.upload(a.token, id, 'EXTRA')).status).toBe(201);
    expect((await s.upload(a.token, id, 'EXTRA')).status).toBe(429);
  });
});
