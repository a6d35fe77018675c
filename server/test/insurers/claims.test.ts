// The insurers' side (API.md, Operations: Insurers): the directory, insurer staff who see only their
// own company's claims, the claim's status moving forward only with the party told at each step.
import { chooseChannel } from '../../src/modules/notifications/channel-rule';
import { routeTable } from '../../src/http/api';
import { buildApp } from '../../src/app';
import { loginDriver, loginStaff, createStaff } from '../support/context';
import { accidentSuite, DETAILS_A, expectStatus } from '../accidents/flow';
import { confirmedCase, insurerStaff } from './helpers';
import { pdfText } from '../support/pdf-text';

const suite = accidentSuite();
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('GET /api/insurers', () => {
  it('lists the directory with codes, names and claims hotlines, to anyone', async () => {
    const res = await suite.ctx.http.get('/api/insurers');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        { code: 'PICC', name: '中国人保财险', hotline: '95518' },
        { code: 'PAIC', name: '平安产险', hotline: '95511' },
        { code: 'CPIC', name: '太平洋产险', hotline: '95500' },
      ]),
    );
  });
});

describe("a party's insurer", () => {
  it('may be given as a code (kept as the name) or a name; the claim goes to the company it names', async () => {
    const { ctx, s } = suite;
    const c = await s.negotiating();
    expectStatus(await s.details(c.a.token, c.id, { ...DETAILS_A, insurer: 'picc' }), 200);
    const party = await ctx.db.accidentParty.findFirstOrThrow({ where: { caseId: c.id, role: 'A' } });
    expect(party.insurer).toBe('中国人保财险');
    expectStatus(await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id)), 200);
    expectStatus(await s.confirm(c.b.token, c.id, true, await s.sign(c.b.token, c.id)), 200);
    expectStatus(await s.decide(await s.officer(), c.id, { decision: 'CONFIRM' }), 200);
    const claims = await ctx.db.insuranceClaim.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' }, include: { company: true } });
    // B wrote 平安保险, an alias of 平安产险.
    expect(claims.map((x) => [x.insurer, x.company?.code])).toEqual([
      ['中国人保财险', 'PICC'],
      ['平安保险', 'PAIC'],
    ]);
  });

  it('not in the directory is kept as typed; its claim goes to no insurer console', async () => {
    const { ctx, s } = suite;
    const c = await s.negotiating();
    expectStatus(await s.details(c.a.token, c.id, { ...DETAILS_A, insurer: '某某互助保险社' }), 200);
    expectStatus(await s.confirm(c.a.token, c.id, true, await s.sign(c.a.token, c.id)), 200);
    expectStatus(await s.confirm(c.b.token, c.id, true, await s.sign(c.b.token, c.id)), 200);
    expectStatus(await s.decide(await s.officer(), c.id, { decision: 'CONFIRM' }), 200);
    const claim = await ctx.db.insuranceClaim.findFirstOrThrow({ where: { caseId: c.id, insurer: '某某互助保险社' } });
    expect(claim.insurerId).toBeNull();
  });
});

describe('insurer staff accounts', () => {
  it('an admin creates one with role insurer and the insurer code; the code is required and must exist', async () => {
    const { ctx } = suite;
    await createStaff(ctx, { username: 'admin.ins', role: 'ADMIN' });
    const admin = await loginStaff(ctx, 'admin.ins');
    const base = { username: 'picc.zhang', password: 'long enough password', name: '人保理赔员', role: 'insurer' };
    const missing = await ctx.http.post('/api/admin/staff').set(auth(admin)).send(base);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('insurer');
    const unknown = await ctx.http.post('/api/admin/staff').set(auth(admin)).send({ ...base, insurer: 'NOPE' });
    expect(unknown.status).toBe(404);
    expect(await ctx.db.staff.count({ where: { username: 'picc.zhang' } })).toBe(0);
    const created = await ctx.http.post('/api/admin/staff').set(auth(admin)).send({ ...base, insurer: 'PICC' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'insurer', insurer: { code: 'PICC', name: '中国人保财险' }, unit: null });
    const token = await loginStaff(ctx, 'picc.zhang', 'long enough password');
    const list = await ctx.http.get('/api/insurer/claims').set(auth(token));
    expect(list.status).toBe(200);
    expect(list.body.insurer).toEqual({ code: 'PICC', name: '中国人保财险', hotline: '95518' });
    // Made an agent, the account leaves its company and the console.
    const demoted = await ctx.http.patch(`/api/admin/staff/${created.body.id}`).set(auth(admin)).send({ role: 'agent' });
    expect(demoted.body).toMatchObject({ role: 'agent', insurer: null });
    expect((await ctx.http.get('/api/insurer/claims').set(auth(token))).status).toBe(403);
    // Made an insurer's again, it needs a company.
    expect((await ctx.http.patch(`/api/admin/staff/${created.body.id}`).set(auth(admin)).send({ role: 'insurer' })).status).toBe(400);
    const back = await ctx.http.patch(`/api/admin/staff/${created.body.id}`).set(auth(admin)).send({ role: 'insurer', insurer: 'CPIC' });
    expect(back.body).toMatchObject({ role: 'insurer', insurer: { code: 'CPIC' } });
  });
});

describe('an insurer sees only its own claims', () => {
  it("lists its company's claims and never another insurer's (list, detail, photos, agreement, status, export)", async () => {
    const { ctx, s } = suite;
    const c = await confirmedCase(ctx, s);
    const picc = await insurerStaff(ctx, 'PICC');
    const paic = await insurerStaff(ctx, 'PAIC');
    const cpic = await insurerStaff(ctx, 'CPIC');

    const piccList = await ctx.http.get('/api/insurer/claims').set(auth(picc));
    expect(piccList.status).toBe(200);
    expect(piccList.body.items.map((i: { id: number }) => i.id)).toEqual([c.claimA.id]);
    expect(piccList.body.items[0]).toMatchObject({ role: 'A', driverName: '张伟', plate: '鲁D12345', phone: '13800000001', status: 'SENT', liability: '全部', caseNumber: c.caseNumber });
    const paicList = await ctx.http.get('/api/insurer/claims').set(auth(paic));
    expect(paicList.body.items.map((i: { id: number }) => i.id)).toEqual([c.claimB.id]);
    expect((await ctx.http.get('/api/insurer/claims').set(auth(cpic))).body).toMatchObject({ items: [], total: 0 });

    const detail = await ctx.http.get(`/api/insurer/claims/${c.claimA.id}`).set(auth(picc));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ next: 'RECEIVED', case: { caseNumber: c.caseNumber, scenarioName: '追尾', liability: { A: '全部', B: '无' } } });
    expect(detail.body.parties.map((p: { role: string; insured: boolean; phone: string }) => [p.role, p.insured, p.phone])).toEqual([
      ['A', true, '13800000001'],
      ['B', false, '13900000002'],
    ]);
    // The three evidence photos, with their size; the signatures are on the agreement only.
    expect(detail.body.photos).toHaveLength(3);
    expect(detail.body.photos[0]).toMatchObject({ width: 400, height: 300 });
    const photo = await ctx.http.get(detail.body.photos[0].url).set(auth(picc));
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    // The same answer as the parties' and officers' photo: kept a day, checked by its SHA-256.
    expect(photo.headers['cache-control']).toBe('private, max-age=86400, immutable');
    expect(photo.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    const pdf = await ctx.http.get(detail.body.agreementUrl).set(auth(picc)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Rendered first for the insurer, the kept PDF still carries its public check (the QR link).
    expect((await pdfText(pdf.body as Buffer)).replace(/\s+/g, '')).toContain('/#/pages/verify/index?code=');
    expect(await ctx.db.auditLog.count({ where: { action: 'personal_data.exported', entityType: 'InsuranceClaim', entityId: String(c.claimA.id) } })).toBe(1);

    // B's claim, asked for by PICC: 404 everywhere, nothing changes.
    const other = c.claimB.id;
    expect((await ctx.http.get(`/api/insurer/claims/${other}`).set(auth(picc))).status).toBe(404);
    expect((await ctx.http.get(`/api/insurer/claims/${other}/agreement`).set(auth(picc))).status).toBe(404);
    expect((await ctx.http.get(`/api/insurer/claims/${other}/photos/${detail.body.photos[0].id}`).set(auth(picc))).status).toBe(404);
    expect((await ctx.http.post(`/api/insurer/claims/${other}/status`).set(auth(picc)).send({ status: 'RECEIVED' })).status).toBe(404);
    // A photo of its own case through another claim's path: 404 too.
    expect((await ctx.http.get(`/api/insurer/claims/${other}/photos/${detail.body.photos[0].id}`).set(auth(paic))).status).toBe(200);
    expect((await ctx.db.insuranceClaim.findUniqueOrThrow({ where: { id: other } })).status).toBe('SENT');
    const csv = await ctx.http.get('/api/insurer/claims/export').set(auth(picc));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(c.caseNumber);
    expect(csv.text).toContain('张伟');
    expect(csv.text).not.toContain('李娜');
  });

  it('an insurer is refused every driver, officer, agent and admin route', async () => {
    const { ctx, s } = suite;
    const c = await confirmedCase(ctx, s);
    const picc = await insurerStaff(ctx, 'PICC');
    const routes = routeTable(buildApp(ctx.deps)).filter(
      (r) => r.access === 'driver' || (Array.isArray(r.access) && !r.access.includes('insurer')),
    );
    expect(routes.length).toBeGreaterThan(40);
    const refused: string[] = [];
    for (const r of routes) {
      const path = r.path.replace(/:(\w+)/g, (_: string, name: string) => (name === 'code' ? 'tengzhou' : String(c.id)));
      const res = await (ctx.http as any)[r.method](path).set(auth(picc)).send({});
      if (res.status !== 403) refused.push(`${r.method.toUpperCase()} ${r.path} → ${res.status}`);
    }
    expect(refused).toEqual([]);
    // The routes open to anyone logged in hold nothing of the case for an insurer.
    const photoId = (await ctx.db.evidenceFile.findFirstOrThrow({ where: { caseId: c.id } })).id;
    expect((await ctx.http.get(`/api/accidents/${c.id}`).set(auth(picc))).status).toBe(403);
    expect((await ctx.http.get(`/api/accidents/${c.id}/agreement`).set(auth(picc))).status).toBe(404);
    expect([403, 404]).toContain((await ctx.http.get(`/api/accidents/${c.id}/photos/${photoId}`).set(auth(picc))).status);
  });

  it('the insurer console is for insurer staff only', async () => {
    const { ctx, s } = suite;
    const c = await confirmedCase(ctx, s);
    const driver = await loginDriver(ctx);
    for (const token of [c.a.token, driver.token, c.officer]) {
      for (const [method, path] of [
        ['get', '/api/insurer/claims'],
        ['get', `/api/insurer/claims/${c.claimA.id}`],
        ['get', '/api/insurer/claims/export'],
        ['post', `/api/insurer/claims/${c.claimA.id}/status`],
      ] as const) {
        expect((await ctx.http[method](path).set(auth(token)).send({ status: 'RECEIVED' })).status).toBe(403);
      }
    }
    expect((await ctx.http.get('/api/insurer/claims')).status).toBe(401);
  });
});

describe('POST /api/insurer/claims/:id/status', () => {
  it('moves forward one step at a time; the party is told each time; settled must reach them', async () => {
    const { ctx, s } = suite;
    const c = await confirmedCase(ctx, s);
    const picc = await insurerStaff(ctx, 'PICC');
    const url = `/api/insurer/claims/${c.claimA.id}/status`;
    const set = (body: object) => ctx.http.post(url).set(auth(picc)).send(body);

    const skip = await set({ status: 'SETTLED' });
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ code: 'INVALID_STATE', details: { from: 'SENT', to: 'SETTLED', next: 'RECEIVED' } });

    const received = await set({ status: 'RECEIVED', note: '已安排查勘员联系您' });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'RECEIVED', statusLabel: '保险公司已受理', note: '已安排查勘员联系您', next: 'ASSESSING' });
    expect(received.body.receivedAt).toBeTruthy();
    const entries = () => ctx.db.messageCentreEntry.findMany({ where: { driverId: c.a.id, event: { startsWith: 'claim.' } }, orderBy: { id: 'asc' } });
    expect((await entries()).map((e) => [e.event, e.title])).toEqual([['claim.received', '保险公司已受理']]);
    expect((await entries())[0].body).toContain('中国人保财险已受理您的理赔，说明：已安排查勘员联系您。理赔电话 95518');
    // B (another insurer's customer) hears nothing of it.
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: c.b.id, event: { startsWith: 'claim.' } } })).toBe(0);

    // The same status again: 200, nothing new (a retried request is safe).
    const again = await set({ status: 'RECEIVED', note: '另一条说明' });
    expect(again.status).toBe(200);
    expect(again.body.note).toBe('已安排查勘员联系您');
    expect(await entries()).toHaveLength(1);

    expectStatus(await set({ status: 'ASSESSING' }), 200);
    const back = await set({ status: 'RECEIVED' });
    expect(back.status).toBe(409);
    const settled = await set({ status: 'SETTLED', note: '赔款3200元已支付' });
    expect(settled.body).toMatchObject({ status: 'SETTLED', next: null });
    expect((await entries()).map((e) => e.event)).toEqual(['claim.received', 'claim.assessing', 'claim.settled']);
    const outbox = await ctx.db.notificationOutbox.findFirstOrThrow({ where: { event: 'claim.settled' } });
    expect(outbox).toMatchObject({ driverId: c.a.id, templateKey: 'accident_progress', dedupeKey: `claim:${c.claimA.id}:SETTLED` });
    // Settled must reach them: with no WeChat grant nor follow, an SMS to the phone they gave.
    expect(chooseChannel('claim.settled', { subscribeGrant: false, followsOfficialAccount: false, phone: '13800000001', smsAvailable: true })).toBe('SMS');
    expect(chooseChannel('claim.received', { subscribeGrant: false, followsOfficialAccount: false, phone: '13800000001', smsAvailable: true })).toBeNull();
    expect(await ctx.db.auditLog.count({ where: { action: 'claim.status_changed', entityId: String(c.claimA.id) } })).toBe(3);

    // The driver sees it in their case.
    const view = await s.get(c.a.token, c.id);
    expect(view.body.claims[0]).toMatchObject({ status: 'SETTLED', statusLabel: '理赔已办结', note: '赔款3200元已支付', hotline: '95518' });
    const mine = await ctx.http.get('/api/me/insurance-claims').set(auth(c.a.token));
    expect(mine.body.items[0]).toMatchObject({ status: 'SETTLED' });
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const { ctx, s } = suite;
    const c = await confirmedCase(ctx, s);
    const picc = await insurerStaff(ctx, 'PICC');
    const url = `/api/insurer/claims/${c.claimA.id}/status`;
    for (const body of [{}, { status: 'SENT' }, { status: 'received' }, { status: 'RECEIVED', note: 'x'.repeat(201) }, { status: 'RECEIVED', note: 5 }]) {
      const res = await ctx.http.post(url).set(auth(picc)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await ctx.http.post('/api/insurer/claims/abc/status').set(auth(picc)).send({ status: 'RECEIVED' })).status).toBe(400);
    expect((await ctx.http.post('/api/insurer/claims/99999999/status').set(auth(picc)).send({ status: 'RECEIVED' })).status).toBe(404);
    expect((await ctx.db.insuranceClaim.findUniqueOrThrow({ where: { id: c.claimA.id } })).status).toBe('SENT');
  });

  it('of two staff pressing at once, one moves the claim and the party is told once', async () => {
    const { ctx, s } = suite;
    const c = await confirmedCase(ctx, s);
    const one = await insurerStaff(ctx, 'PICC');
    const two = await insurerStaff(ctx, 'PICC');
    const url = `/api/insurer/claims/${c.claimA.id}/status`;
    const answers = await Promise.all([one, two, one, two].map((t) => ctx.http.post(url).set(auth(t)).send({ status: 'RECEIVED' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(await ctx.db.messageCentreEntry.count({ where: { event: 'claim.received' } })).toBe(1);
    expect(await ctx.db.auditLog.count({ where: { action: 'claim.status_changed' } })).toBe(1);
  });
});

describe('GET /api/insurer/claims filters', () => {
  it('by status, by days of hand-over (Asia/Shanghai) and by number or plate; a reversed range is 400', async () => {
    const { ctx, s } = suite;
    const c = await confirmedCase(ctx, s);
    const picc = await insurerStaff(ctx, 'PICC');
    // Handed over at 23:30 Shanghai time on 1 December (15:30 UTC).
    await ctx.db.insuranceClaim.update({ where: { id: c.claimA.id }, data: { createdAt: new Date('2026-12-01T15:30:00Z') } });
    const list = (q: string) => ctx.http.get(`/api/insurer/claims?${q}`).set(auth(picc));
    expect((await list('from=2026-12-01&to=2026-12-01')).body.total).toBe(1);
    expect((await list('from=2026-12-02')).body.total).toBe(0);
    expect((await list('status=SENT')).body.total).toBe(1);
    expect((await list('status=SETTLED')).body.total).toBe(0);
    expect((await list(`q=${c.caseNumber.slice(0, 8)}`)).body.total).toBe(1);
    expect((await list(`q=${encodeURIComponent('鲁D12345')}`)).body.total).toBe(1);
    expect((await list('q=ZZZ')).body.total).toBe(0);
    for (const q of ['from=2026-12-02&to=2026-12-01', 'from=2026-02-30', 'status=DONE', 'pageSize=101']) {
      const res = await list(q);
      expect(res.status).toBe(400);
    }
    expect((await ctx.http.get('/api/insurer/claims/export?from=2026-12-02&to=2026-12-01').set(auth(picc))).status).toBe(400);
  });
});
