// The public check of an issued document: its random code, the code and QR code on the PDF, the
// masked answer of GET /api/public/documents/:code, 404 for anything else, and the per-address limit.
import path from 'node:path';
import supertest from 'supertest';
import { DOCUMENT_CODE_ALPHABET, formatDocumentCode, normaliseDocumentCode } from '@jiaoguan/contracts/document-code';
import { buildApp } from '../../src/app';
import { createRateLimits } from '../../src/lib/rate-limit';
import { maskPlate } from '../../src/lib/mask';
import { documentVerifyUrl, issueDocument, newDocumentCode } from '../../src/modules/documents/issue';
import { startTestContext, type TestContext } from '../support/context';
import { pdfText, runScript } from '../support/pdf-text';
import { steps } from '../accidents/flow';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const BASE = 'https://jg.example.cn';
let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  // One proxy hop is trusted, so each test can speak from its own address (X-Forwarded-For).
  ctx = await startTestContext({ UPLOAD_DIR: mkdtempSync(path.join(tmpdir(), 'jg-uploads-')), TRUST_PROXY_HOPS: '1', PUBLIC_BASE_URL: `${BASE}/` });
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

let address = 0;
/** A client address of its own for each test (the limit counts per address). */
const newAddress = () => `198.51.100.${++address}`;
const check = (code: string, ip: string, http = ctx.http) => http.get(`/api/public/documents/${code}`).set('X-Forwarded-For', ip);


const download = (token: string, id: number) =>
  ctx.http.get(`/api/accidents/${id}/agreement`).set(s.auth(token)).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

async function confirmedCase(liability?: object) {
  const c = await s.pendingReview({ disputed: !!liability });
  const decided = await s.decide(await s.officer(), c.id, { decision: 'CONFIRM', ...(liability ? { liability } : {}) });
  expect(decided.status).toBe(200);
  const doc = await ctx.db.issuedDocument.findFirstOrThrow({ where: { caseId: c.id } });
  return { ...c, doc, view: decided.body.document };
}

describe('the verification code', () => {
  it('is 10 characters of the unambiguous alphabet, random, and unique', () => {
    const codes = Array.from({ length: 5000 }, () => newDocumentCode());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}$/);
    // Every letter of the alphabet turns up in every position: nothing is fixed or derived.
    for (let i = 0; i < 10; i++) expect(new Set(codes.map((c) => c[i])).size).toBe(DOCUMENT_CODE_ALPHABET.length);
    expect(formatDocumentCode('ABCDEFGHJK')).toBe('ABCD-EFGH-JK');
    expect(normaliseDocumentCode(' abcd-efgh-jk ')).toBe('ABCDEFGHJK');
    expect(normaliseDocumentCode('ABCD-EFGH-J0')).toBeNull();
    expect(normaliseDocumentCode('ABCDEFGHJ')).toBeNull();
  });

  it('is issued when the officer confirms, stored with a unique key, and is what the case view shows', async () => {
    const one = await confirmedCase();
    const two = await confirmedCase();
    expect(one.doc).toMatchObject({ kind: 'AGREEMENT', status: 'VALID', documentNumber: one.view.number });
    expect(one.doc.code).toMatch(/^[A-Z2-9]{10}$/);
    expect(one.view.verificationCode).toBe(one.doc.code);
    expect(two.doc.code).not.toBe(one.doc.code);
    // Not derived from the case: neither its id nor its number is in it.
    expect(one.doc.code).not.toContain(String(one.id));
    await expect(
      ctx.db.issuedDocument.create({ data: { code: one.doc.code, caseId: two.id, documentNumber: 'X', kind: 'AGREEMENT' } }),
    ).rejects.toThrow();
  });
});

describe('the PDF', () => {
  it('prints the code grouped and a QR code that decodes to the public check page of that code', async () => {
    const c = await confirmedCase();
    const res = await download(c.a.token, c.id);
    expect(res.status).toBe(200);
    const pdf = res.body as Buffer;
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    const url = documentVerifyUrl(BASE, c.doc.code);
    expect(url).toBe(`${BASE}/#/pages/verify/index?code=${c.doc.code}`);
    expect(text).toContain(`校验码：${formatDocumentCode(c.doc.code)}`);
    expect(text).toContain(url);
    expect(text).toContain('真伪查验');
    const decoded: string[] = JSON.parse(await runScript(path.join(__dirname, 'pdf-qr.mjs'), pdf));
    expect(decoded).toEqual([url]);
  }, 240_000);
});

describe('GET /api/public/documents/:code', () => {
  it('says a genuine document is genuine and valid, with names and plates masked, without a login', async () => {
    const c = await confirmedCase();
    const ip = newAddress();
    const res = await check(c.doc.code, ip);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      genuine: true,
      status: 'VALID',
      statusText: '真实有效',
      kind: 'AGREEMENT',
      title: '道路交通事故自行协商协议书',
      code: formatDocumentCode(c.doc.code),
      documentNumber: c.view.number,
      caseNumber: c.caseNumber,
      issuedAt: c.doc.issuedAt.toISOString(),
      endedAt: null,
      occurredAt: expect.any(String),
      unit: expect.stringMatching(/滕州.*大队$/),
      parties: [
        { role: 'A', name: '张*', plate: '鲁D·***45', liability: '全部' },
        { role: 'B', name: '李*', plate: '鲁D·****45', liability: '无' },
      ],
    });
    const json = JSON.stringify(res.body);
    for (const secret of ['张伟', '李娜', '鲁D12345', '鲁DD12345', '13800000001', 'PICC2026001', '滕州市善国北路']) expect(json).not.toContain(secret);
    // As a person types it: lower case, grouped, with spaces.
    const typed = await check(encodeURIComponent(` ${formatDocumentCode(c.doc.code).toLowerCase()} `), ip);
    expect(typed.status).toBe(200);
    expect(typed.body.code).toBe(formatDocumentCode(c.doc.code));
  });

  it("gives an officer's finding its title and the officer's liability", async () => {
    const c = await confirmedCase({ A: 'MAIN', B: 'MINOR' });
    const res = await check(c.doc.code, newAddress());
    expect(res.body).toMatchObject({ kind: 'OFFICER_FINDING', title: '道路交通事故认定书（简易程序）' });
    expect(res.body.parties.map((p: { liability: string }) => p.liability)).toEqual(['主要', '次要']);
  });

  it('says a superseded or revoked document is no longer valid', async () => {
    const c = await confirmedCase();
    const newer = await ctx.db.$transaction((tx) =>
      issueDocument(tx, { caseId: c.id, documentNumber: c.view.number, kind: 'AGREEMENT', supersedeReason: '更正后重新出具' }),
    );
    const ip = newAddress();
    const old = await check(c.doc.code, ip);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ genuine: true, status: 'SUPERSEDED', statusText: '已被新文书取代', endedAt: expect.any(String) });
    expect((await check(newer, ip)).body).toMatchObject({ status: 'VALID' });
    await ctx.db.issuedDocument.update({ where: { code: newer }, data: { status: 'REVOKED', endedAt: new Date(), endReason: '撤销' } });
    expect((await check(newer, ip)).body).toMatchObject({ genuine: true, status: 'REVOKED', statusText: '已撤销' });
  });

  it('is 404 NOT_FOUND, with one and the same answer, for unknown, malformed, long and odd codes (never a 500)', async () => {
    await confirmedCase();
    const ip = newAddress();
    const answers = [];
    for (const code of [
      newDocumentCode(),
      'ABCD-EFGH-JK',
      'ABCDEFGHIO',
      '0000000000',
      'x'.repeat(2000),
      encodeURIComponent('张伟鲁D12345'),
      encodeURIComponent("' OR 1=1 --"),
      '%00',
      '%E0%A4%A',
      '..%2F..%2Fetc%2Fpasswd',
      encodeURIComponent('😀'.repeat(20)),
    ]) {
      const res = await check(code, ip);
      answers.push({ status: res.status, body: res.body });
    }
    for (const a of answers) {
      expect(a).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: '未找到该文书，请核对校验码' } } });
    }
  });

  it('answers an address 20 checks a minute, then 429 RATE_LIMITED, found or not; another address is not held back', async () => {
    const c = await confirmedCase();
    const ip = newAddress();
    for (let i = 0; i < 20; i++) {
      const res = await check(i % 2 ? c.doc.code : newDocumentCode(), ip);
      expect(res.status).toBe(i % 2 ? 200 : 404);
    }
    const refused = await check(c.doc.code, ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(refused.body.error.message).toMatch(/^查询过于频繁，请\d+分钟后再试$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(refused.body)).not.toContain(c.caseNumber);
    // The older check by document number and code draws on the same allowance.
    const legacy = await ctx.http.get('/api/agreements/verify').set('X-Forwarded-For', ip).query({ number: c.view.number, code: c.doc.code });
    expect(legacy.status).toBe(429);
    expect((await check(c.doc.code, newAddress())).status).toBe(200);
  });

  it('counts checks of one address across instances (the shared limiter)', async () => {
    const limits = createRateLimits(ctx.deps.config);
    const other = supertest(buildApp({ ...ctx.deps, limits }).callback());
    try {
      const ip = newAddress();
      const code = newDocumentCode();
      for (let i = 0; i < 10; i++) expect((await check(code, ip)).status).toBe(404);
      for (let i = 0; i < 10; i++) expect((await check(code, ip, other)).status).toBe(404);
      expect((await check(code, ip, other)).status).toBe(429);
      expect((await check(code, ip)).status).toBe(429);
    } finally {
      await limits.close();
    }
  });
});

describe('maskPlate', () => {
  it('keeps the province, the city letter and the last two', () => {
    expect(maskPlate('苏A12345')).toBe('苏A·***45');
    expect(maskPlate('鲁DD12345')).toBe('鲁D·****45');
    expect(maskPlate('苏A·12345')).toBe('苏A·***45');
    expect(maskPlate('')).toBeNull();
    expect(maskPlate(null)).toBeNull();
  });
});
