// The PDF of a confirmed case (text read back with pdf-parse), its download rights and the public check.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { DOCUMENT_TITLES } from '@jiaoguan/contracts/labels';
import { formatDocumentCode } from '@jiaoguan/contracts/document-code';
import { createStaff, loginDriver, loginStaff, type TestContext } from '../support/context';
import { startAccidentContext, steps } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

/** The PDF's text as pdf-parse extracts it, whitespace removed. */
function pdfText(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [path.join(__dirname, 'pdf-text.mjs')], { maxBuffer: 10 * 1024 * 1024 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout.replace(/\s+/g, '')),
    );
    child.stdin!.end(bytes);
  });
}

const download = (token: string, id: number) =>
  ctx.http.get(`/api/accidents/${id}/agreement`).set(s.auth(token)).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

describe('GET /api/accidents/:id/agreement', () => {
  it('is a 自行协商协议书 whose text holds the case number, names, plates, scenario, liability, hashes and the code', async () => {
    const c = await s.pendingReview();
    const officer = await s.officer();
    const decided = await s.decide(officer, c.id, { decision: 'CONFIRM' });
    const res = await download(c.a.token, c.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body as Buffer);
    for (const expected of [
      '道路交通事故自行协商协议书',
      c.caseNumber,
      decided.body.document.number,
      formatDocumentCode(decided.body.document.verificationCode),
      '张伟',
      '李娜',
      '鲁D12345',
      '鲁DD12345',
      '追尾',
      '中国人保',
      '平安保险',
      'PICC2026001',
      '全部责任',
      '无责任',
      '车头',
      '滕州',
    ]) {
      expect(text).toContain(expected);
    }
    const photo = await ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: c.id, slot: 'COLLISION_POINT' } });
    expect(text).toContain(photo.sha256);
  });

  it('is a 事故认定书 with the officer\'s liability when the officer decided it; the unit\'s officer may download it', async () => {
    const c = await s.pendingReview({ disputed: true });
    const officer = await s.officer();
    const decided = await s.decide(officer, c.id, { decision: 'CONFIRM', liability: { A: 'MAIN', B: 'MINOR' } });
    const res = await download(officer, c.id);
    expect(res.status).toBe(200);
    const text = await pdfText(res.body as Buffer);
    // One title for the document: the case view names it as the PDF does.
    expect(decided.body.document.title).toBe(DOCUMENT_TITLES.OFFICER_FINDING);
    expect(text).toContain(DOCUMENT_TITLES.OFFICER_FINDING);
    expect(text).toContain('主要责任');
    expect(text).toContain('次要责任');
  });

  it('is rendered once and served from storage afterwards (the same bytes)', async () => {
    const c = await s.pendingReview();
    await s.decide(await s.officer(), c.id, { decision: 'CONFIRM' });
    const one = await download(c.a.token, c.id);
    const two = await download(c.b.token, c.id);
    expect(Buffer.compare(one.body as Buffer, two.body as Buffer)).toBe(0);
  });

  it('is not there before the officer confirmed (409) and not for other drivers (404)', async () => {
    const c = await s.pendingReview();
    expect((await download(c.a.token, c.id)).status).toBe(409);
    await s.decide(await s.officer(), c.id, { decision: 'CONFIRM' });
    const x = await loginDriver(ctx);
    expect((await download(x.token, c.id)).status).toBe(404);
  });
});

describe('GET /api/agreements/verify', () => {
  it('tells an insurer that a genuine number and code are genuine, and anything else is not', async () => {
    const c = await s.pendingReview();
    const decided = await s.decide(await s.officer(), c.id, { decision: 'CONFIRM' });
    const { number, verificationCode } = decided.body.document;
    const ok = await ctx.http.get('/api/agreements/verify').query({ number, code: verificationCode.toLowerCase() });
    expect(ok.body).toMatchObject({
      genuine: true,
      caseNumber: c.caseNumber,
      parties: [
        { role: 'A', plate: '鲁D12345', liability: '全部' },
        { role: 'B', plate: '鲁DD12345', liability: '无' },
      ],
    });
    expect(JSON.stringify(ok.body)).not.toContain('13800000001');
    const wrong = await ctx.http.get('/api/agreements/verify').query({ number, code: 'AAAAAAAA' });
    expect(wrong.body).toEqual({ genuine: false });
    const unknown = await ctx.http.get('/api/agreements/verify').query({ number: 'XY00000000000000', code: verificationCode });
    expect(unknown.body).toEqual({ genuine: false });
  });
});

describe('GET /api/admin/insurance-claims', () => {
  it('exports the claims per insurer for staff, as JSON or CSV', async () => {
    const c = await s.pendingReview();
    await s.decide(await s.officer(), c.id, { decision: 'CONFIRM' });
    await createStaff(ctx, { username: 'claims.admin', role: 'ADMIN' });
    const admin = await loginStaff(ctx, 'claims.admin');
    const json = await ctx.http.get('/api/admin/insurance-claims').query({ insurer: '平安保险' }).set(s.auth(admin));
    expect(json.body.total).toBe(1);
    expect(json.body.items[0]).toMatchObject({ insurer: '平安保险', caseNumber: c.caseNumber, plate: '鲁DD12345', liability: '无' });
    const csv = await ctx.http.get('/api/admin/insurance-claims').query({ format: 'csv' }).set(s.auth(admin));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain(c.caseNumber);
    expect(csv.text.trim().split('\n')).toHaveLength(3);
    const d = await loginDriver(ctx);
    expect((await ctx.http.get('/api/admin/insurance-claims').set(s.auth(d.token))).status).toBe(403);
  });
});
