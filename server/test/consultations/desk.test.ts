// Consultations: the text check paths, the agent queue, claiming under a race, replies that notify, transfer, close, rating.
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const ask = (token: string, content: string, category = 'licence') =>
  ctx.http.post('/api/consultations').set(auth(token)).send({ category, content });

async function agents() {
  await createStaff(ctx, { username: 'agent.a', role: 'AGENT' });
  await createStaff(ctx, { username: 'agent.b', role: 'AGENT' });
  return { a: await loginStaff(ctx, 'agent.a'), b: await loginStaff(ctx, 'agent.b') };
}

describe('asking', () => {
  it('creates an OPEN question with 201 and a first-reply deadline, after a msg_sec_check call', async () => {
    const d = await loginDriver(ctx);
    const res = await ask(d.token, '驾驶证到期了怎么换证？');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'OPEN', category: 'licence', replies: [] });
    const row = await ctx.db.consultation.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.firstReplyDueAt!.getTime()).toBeGreaterThan(row.createdAt.getTime());
    const inspected = await (await fetch(`${ctx.fakeWechatUrl}/__inspect/messages`)).json();
    expect(inspected.items.some((m: { path: string }) => m.path === '/wxa/msg_sec_check')).toBe(true);
  });

  it('rejects risky text with 422 CONTENT_REJECTED and stores nothing', async () => {
    const d = await loginDriver(ctx);
    const res = await ask(d.token, '有人能代开发票吗');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'CONTENT_REJECTED', details: { reason: 'RISKY_CONTENT' } });
    expect(await ctx.db.consultation.count()).toBe(0);
  });

  it('holds text WeChat wants reviewed, out of the OPEN queue until an agent approves it', async () => {
    const d = await loginDriver(ctx);
    const { a } = await agents();
    const res = await ask(d.token, '能加微信详细说吗');
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('HELD');
    expect((await ctx.http.get('/api/agent/consultations?status=OPEN').set(auth(a))).body.total).toBe(0);
    expect((await ctx.http.get('/api/agent/consultations?status=HELD').set(auth(a))).body.total).toBe(1);
    const approved = await ctx.http.post(`/api/agent/consultations/${res.body.id}/approve`).set(auth(a));
    expect(approved.body.status).toBe('OPEN');
  });

  it('holds the question for an agent when WeChat cannot check the text, rather than losing it', async () => {
    const d = await loginDriver(ctx);
    await fetch(`${ctx.fakeWechatUrl}/__faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/wxa/msg_sec_check', status: 503, times: 20 }),
    });
    try {
      const res = await ask(d.token, '驾驶证丢了怎么补办？');
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('HELD');
      expect(await ctx.db.auditLog.count({ where: { action: 'consultation.created' } })).toBe(1);
    } finally {
      await fetch(`${ctx.fakeWechatUrl}/__faults`, { method: 'DELETE' });
    }
  });

  it('offers matching FAQ answers for the text being typed', async () => {
    await ctx.db.faqEntry.createMany({
      data: [
        { category: 'licence', question: '驾驶证到期怎么换证？', answer: '到期前90天内可申请换证。', keywords: '换证,到期' },
        { category: 'violation', question: '怎么交罚款？', answer: '可在线缴纳。', keywords: '罚款,缴纳' },
      ],
    });
    const res = await ctx.http.get('/api/consultations/faq').query({ q: '我的驾驶证快到期了', category: 'licence' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { question: string }) => i.question)).toEqual(['驾驶证到期怎么换证？']);
  });
});

describe('agent desk', () => {
  it('lists the OPEN queue oldest first, masks the asker, and lets only one of two simultaneous claims win', async () => {
    const d = await loginDriver(ctx);
    const { a, b } = await agents();
    await ctx.db.driver.update({ where: { id: d.id }, data: { realName: '张伟' } });
    const first = await ask(d.token, '第一个问题：怎么预约科目一？', 'exam');
    await ask(d.token, '第二个问题：车辆年检需要什么？', 'vehicle');
    const queue = await ctx.http.get('/api/agent/consultations?status=OPEN').set(auth(a));
    expect(queue.body.items.map((i: { id: number }) => i.id)[0]).toBe(first.body.id);
    expect(queue.body.total).toBe(2);
    expect(queue.body.items[0].driver.name).toBe('张*');
    expect(JSON.stringify(queue.body)).not.toContain('张伟');
    const [r1, r2] = await Promise.all([
      ctx.http.post(`/api/agent/consultations/${first.body.id}/claim`).set(auth(a)),
      ctx.http.post(`/api/agent/consultations/${first.body.id}/claim`).set(auth(b)),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    expect([r1, r2].find((r) => r.status === 409)!.body.error.code).toBe('ALREADY_CLAIMED');
    expect(await ctx.db.auditLog.count({ where: { action: 'consultation.claimed' } })).toBe(1);
  });

  it('notifies the asker of each public reply separately, never of internal notes, which the asker never sees', async () => {
    const d = await loginDriver(ctx);
    const { a, b } = await agents();
    const q = await ask(d.token, '违章罚款怎么交？', 'violation');
    const id = q.body.id;
    expect((await ctx.http.post(`/api/agent/consultations/${id}/replies`).set(auth(a)).send({ content: '可以在本小程序缴纳。' })).status).toBe(201);
    await ctx.http.post(`/api/agent/consultations/${id}/replies`).set(auth(a)).send({ content: '此人上周也问过', internal: true });
    await ctx.http.post(`/api/agent/consultations/${id}/replies`).set(auth(a)).send({ content: '也可到窗口缴纳。' });
    const taken = await ctx.http.post(`/api/agent/consultations/${id}/replies`).set(auth(b)).send({ content: '我来答' });
    expect(taken.status).toBe(409);
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: d.id, event: 'consultation.replied' } })).toBe(2);
    const mine = await ctx.http.get(`/api/consultations/${id}`).set(auth(d.token));
    expect(mine.body.status).toBe('ANSWERED');
    expect(mine.body.replies.map((r: { content: string }) => r.content)).toEqual(['可以在本小程序缴纳。', '也可到窗口缴纳。']);
    expect(JSON.stringify(mine.body)).not.toContain('上周');
    const desk = await ctx.http.get(`/api/agent/consultations/${id}`).set(auth(a));
    expect(desk.body.replies.filter((r: { internal: boolean }) => r.internal)).toHaveLength(1);
    const row = await ctx.db.consultation.findUniqueOrThrow({ where: { id } });
    expect(row.firstReplyAt).not.toBeNull();
  });

  it('transfers to another category unclaimed, closes, and takes one rating 1–5 after closing', async () => {
    const d = await loginDriver(ctx);
    const { a } = await agents();
    const q = await ask(d.token, '事故后保险怎么理赔？', 'other');
    const id = q.body.id;
    await ctx.http.post(`/api/agent/consultations/${id}/claim`).set(auth(a));
    const moved = await ctx.http.post(`/api/agent/consultations/${id}/transfer`).set(auth(a)).send({ category: 'accident' });
    expect(moved.body).toMatchObject({ category: 'accident', status: 'OPEN', claimedBy: null });
    expect((await ctx.http.post(`/api/consultations/${id}/rating`).set(auth(d.token)).send({ score: 5 })).status).toBe(409);
    expect((await ctx.http.post(`/api/agent/consultations/${id}/close`).set(auth(a))).body.status).toBe('CLOSED');
    expect((await ctx.http.post(`/api/consultations/${id}/rating`).set(auth(d.token)).send({ score: 6 })).status).toBe(400);
    const rated = await ctx.http.post(`/api/consultations/${id}/rating`).set(auth(d.token)).send({ score: 4 });
    expect(rated.status).toBe(200);
    expect(rated.body.rating).toBe(4);
    expect((await ctx.http.post(`/api/consultations/${id}/rating`).set(auth(d.token)).send({ score: 1 })).body.error.code).toBe('ALREADY_RATED');
    expect((await ctx.db.consultation.findUniqueOrThrow({ where: { id } })).rating).toBe(4);
  });

  it('puts a follow-up back in front of the agent who has it, and refuses one after closing', async () => {
    const d = await loginDriver(ctx);
    const { a } = await agents();
    const id = (await ask(d.token, '年检预约在哪里办？', 'vehicle')).body.id;
    await ctx.http.post(`/api/agent/consultations/${id}/replies`).set(auth(a)).send({ content: '可在检测站预约。' });
    const more = await ctx.http.post(`/api/consultations/${id}/messages`).set(auth(d.token)).send({ content: '哪个检测站离市中区近？' });
    expect(more.status).toBe(201);
    expect(more.body.status).toBe('CLAIMED');
    expect((await ctx.http.get('/api/agent/consultations?status=CLAIMED&mine=true').set(auth(a))).body.total).toBe(1);
    await ctx.http.post(`/api/agent/consultations/${id}/close`).set(auth(a));
    const late = await ctx.http.post(`/api/consultations/${id}/messages`).set(auth(d.token)).send({ content: '还有一个问题' });
    expect(late.status).toBe(409);
    expect(await ctx.db.consultationReply.count({ where: { consultationId: id, authorType: 'DRIVER' } })).toBe(1);
  });

  it('hides one driver’s questions from another (404 and an empty list) and keeps drivers off the desk', async () => {
    const d = await loginDriver(ctx);
    const other = await loginDriver(ctx);
    const q = await ask(d.token, '怎么补领驾驶证？');
    expect((await ctx.http.get(`/api/consultations/${q.body.id}`).set(auth(other.token))).status).toBe(404);
    expect((await ctx.http.get('/api/consultations').set(auth(other.token))).body).toEqual({ items: [], total: 0 });
    expect((await ctx.http.post(`/api/consultations/${q.body.id}/rating`).set(auth(other.token)).send({ score: 1 })).status).toBe(404);
    expect((await ctx.http.get('/api/agent/consultations').set(auth(d.token))).status).toBe(403);
  });

  it('flags an unanswered question past its first-reply deadline as overdue', async () => {
    const d = await loginDriver(ctx);
    const { a } = await agents();
    const q = await ask(d.token, '机动车检验有效期怎么查？', 'vehicle');
    await ctx.db.consultation.update({ where: { id: q.body.id }, data: { firstReplyDueAt: new Date(Date.now() - 60_000) } });
    const queue = await ctx.http.get('/api/agent/consultations?category=vehicle').set(auth(a));
    expect(queue.body.items[0]).toMatchObject({ id: q.body.id, overdue: true });
  });
});
