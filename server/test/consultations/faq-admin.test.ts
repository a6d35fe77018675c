// The FAQ and canned replies kept by agents and admins (GET/POST/PATCH/DELETE /api/agent/faq and
// /api/agent/canned-replies): what they write is what drivers are offered as they type.
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
let agent: string;
let admin: string;
let officer: string;
let driver: string;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await ctx.db.faqEntry.deleteMany();
  await ctx.db.cannedReply.deleteMany();
  await createStaff(ctx, { username: 'faq.agent', role: 'AGENT' });
  await createStaff(ctx, { username: 'faq.admin', role: 'ADMIN' });
  await createStaff(ctx, { username: 'faq.officer', role: 'OFFICER', unit: 'tengzhou' });
  [agent, admin, officer] = await Promise.all(['faq.agent', 'faq.admin', 'faq.officer'].map((u) => loginStaff(ctx, u)));
  driver = (await loginDriver(ctx)).token;
});

const entry = { category: 'licence', question: '驾驶证到期了怎么换证？', answer: '到期前90日内可在交管12123或任一车管所申请换证。', keywords: '换证， 到期、驾驶证 换证' };

describe('FAQ entries', () => {
  it('an agent adds one (keywords tidied) and a driver typing a matching question is offered it', async () => {
    const created = await ctx.http.post('/api/agent/faq').set(auth(agent)).send(entry);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...entry, id: expect.any(Number), keywords: '换证,到期,驾驶证' });
    const typed = await ctx.http.get('/api/consultations/faq').query({ q: '我的驾驶证快到期了' }).set(auth(driver));
    expect(typed.body.items.map((i: { id: number }) => i.id)).toEqual([created.body.id]);
    expect(await ctx.db.auditLog.count({ where: { action: 'faq.created', entityId: String(created.body.id) } })).toBe(1);
  });

  it('an admin changes and deletes one; the suggestions follow; a second delete is 404', async () => {
    const { body } = await ctx.http.post('/api/agent/faq').set(auth(admin)).send(entry);
    const changed = await ctx.http.patch(`/api/agent/faq/${body.id}`).set(auth(admin)).send({ keywords: '补领,遗失', question: '驾驶证丢了怎么补领？' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: body.id, answer: entry.answer, keywords: '补领,遗失' });
    expect((await ctx.http.get('/api/consultations/faq').query({ q: '驾驶证遗失了' })).body.items).toHaveLength(1);
    expect((await ctx.http.get('/api/consultations/faq').query({ q: '快到期了换证' })).body.items).toHaveLength(0);
    const listed = await ctx.http.get('/api/agent/faq').query({ search: '补领' }).set(auth(agent));
    expect(listed.body).toMatchObject({ total: 1, items: [{ id: body.id }] });
    expect((await ctx.http.delete(`/api/agent/faq/${body.id}`).set(auth(admin))).body).toEqual({ id: body.id, deleted: true });
    expect((await ctx.http.delete(`/api/agent/faq/${body.id}`).set(auth(admin))).status).toBe(404);
    expect((await ctx.http.get('/api/consultations/faq').query({ q: '驾驶证遗失了' })).body.items).toHaveLength(0);
  });

  it('refuses drivers and officers (403), anonymous callers (401), and bad input (400), writing nothing', async () => {
    expect((await ctx.http.post('/api/agent/faq').set(auth(driver)).send(entry)).status).toBe(403);
    expect((await ctx.http.post('/api/agent/faq').set(auth(officer)).send(entry)).status).toBe(403);
    expect((await ctx.http.post('/api/agent/faq').send(entry)).status).toBe(401);
    expect((await ctx.http.get('/api/agent/faq').set(auth(driver))).status).toBe(403);
    for (const bad of [{}, { ...entry, category: 'weather' }, { ...entry, question: 'x' }, { ...entry, answer: 'y'.repeat(5001) }, { ...entry, keywords: 'k'.repeat(256) }]) {
      expect((await ctx.http.post('/api/agent/faq').set(auth(agent)).send(bad)).status).toBe(400);
    }
    expect(await ctx.db.faqEntry.count()).toBe(0);
    const { body } = await ctx.http.post('/api/agent/faq').set(auth(agent)).send(entry);
    expect((await ctx.http.patch(`/api/agent/faq/${body.id}`).set(auth(agent)).send({})).status).toBe(400);
    expect((await ctx.http.patch('/api/agent/faq/999999').set(auth(agent)).send({ answer: '新的答案内容' })).status).toBe(404);
    expect((await ctx.http.delete(`/api/agent/faq/${body.id}`).set(auth(driver))).status).toBe(403);
    expect(await ctx.db.faqEntry.count()).toBe(1);
  });
});

describe('canned replies', () => {
  it('agents add, change and delete them; the desk lists a category’s with the general ones', async () => {
    const general = await ctx.http.post('/api/agent/canned-replies').set(auth(agent)).send({ title: '问候', content: '您好，请问还有什么可以帮您？' });
    expect(general.status).toBe(201);
    expect(general.body).toMatchObject({ category: null, title: '问候' });
    const exam = await ctx.http.post('/api/agent/canned-replies').set(auth(admin)).send({ category: 'exam', title: '约考', content: '请在考试预约页面选择场次。' });
    await ctx.http.post('/api/agent/canned-replies').set(auth(agent)).send({ category: 'vehicle', title: '年检', content: '请到检测站办理年检。' });
    const forExam = await ctx.http.get('/api/agent/canned-replies').query({ category: 'exam' }).set(auth(agent));
    expect(forExam.body.items.map((c: { id: number }) => c.id)).toEqual([general.body.id, exam.body.id]);
    const changed = await ctx.http.patch(`/api/agent/canned-replies/${exam.body.id}`).set(auth(agent)).send({ category: null, content: '请在小程序“考试预约”中选择场次。' });
    expect(changed.body).toMatchObject({ category: null, title: '约考', content: '请在小程序“考试预约”中选择场次。' });
    expect((await ctx.http.delete(`/api/agent/canned-replies/${general.body.id}`).set(auth(agent))).status).toBe(200);
    expect((await ctx.http.delete(`/api/agent/canned-replies/${general.body.id}`).set(auth(agent))).status).toBe(404);
    expect(await ctx.db.cannedReply.count()).toBe(2);
    expect(await ctx.db.auditLog.count({ where: { action: { startsWith: 'canned_reply.' } } })).toBe(5);
  });

  it('refuses other roles and bad input, writing nothing', async () => {
    expect((await ctx.http.post('/api/agent/canned-replies').set(auth(officer)).send({ title: '问候', content: '您好' })).status).toBe(403);
    expect((await ctx.http.post('/api/agent/canned-replies').set(auth(driver)).send({ title: '问候', content: '您好' })).status).toBe(403);
    expect((await ctx.http.post('/api/agent/canned-replies').set(auth(agent)).send({ title: '', content: '您好' })).status).toBe(400);
    expect((await ctx.http.post('/api/agent/canned-replies').set(auth(agent)).send({ title: '问候', content: 'x'.repeat(2001) })).status).toBe(400);
    expect((await ctx.http.patch('/api/agent/canned-replies/abc').set(auth(agent)).send({ title: '新' })).status).toBe(400);
    expect(await ctx.db.cannedReply.count()).toBe(0);
  });
});
