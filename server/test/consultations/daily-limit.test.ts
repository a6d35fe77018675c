// A driver's questions and follow-ups a Shanghai day (DAILY_CONSULTATIONS_PER_DRIVER,
// DAILY_FOLLOW_UPS_PER_DRIVER): counted before WeChat's text check, atomically, per driver; a
// refused request does not count.
import { shanghaiDayParts, startOfDayAfter } from '@jiaoguan/contracts/time';
import { loginDriver, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext({ DAILY_CONSULTATIONS_PER_DRIVER: '5', DAILY_FOLLOW_UPS_PER_DRIVER: '3' });
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await fetch(`${ctx.fakeWechatUrl}/__inspect/messages`, { method: 'DELETE' });
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const ask = (token: string, content: string) => ctx.http.post('/api/consultations').set(auth(token)).send({ category: 'licence', content });
const followUp = (token: string, id: number, content: string) =>
  ctx.http.post(`/api/consultations/${id}/messages`).set(auth(token)).send({ content });

/** How many texts the fake WeChat was asked to check. */
async function textChecks(): Promise<number> {
  const inspected = (await (await fetch(`${ctx.fakeWechatUrl}/__inspect/messages?path=/wxa/msg_sec_check`)).json()) as { items: unknown[] };
  return inspected.items.length;
}

function expectRefusedUntilMidnight(res: { status: number; body: { error: { code: string; message: string; details: Record<string, unknown> } } }, message: RegExp) {
  expect(res.status).toBe(429);
  const lifts = startOfDayAfter(new Date(), 1);
  expect(res.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAt: lifts.toISOString() } });
  expect(res.body.error.message).toMatch(message);
  const [, month, day] = shanghaiDayParts(lifts);
  expect(res.body.error.message).toContain(`请明天（${month}月${day}日）再试`);
}

describe('questions a day', () => {
  it('refuses the sixth with 429 until the next Shanghai midnight, before asking WeChat, and stores nothing', async () => {
    const d = await loginDriver(ctx);
    for (let i = 1; i <= 5; i++) expect((await ask(d.token, `第${i}个问题：驾驶证怎么换？`)).status).toBe(201);
    const checksBefore = await textChecks();
    const sixth = await ask(d.token, '第6个问题：驾驶证怎么换？');
    expectRefusedUntilMidnight(sixth, /^今天提交的咨询已达5条，请明天（\d+月\d+日）再试$/);
    expect(sixth.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await textChecks()).toBe(checksBefore);
    expect(await ctx.db.consultation.count()).toBe(5);
  });

  it('lets exactly five of twenty parallel questions in', async () => {
    const d = await loginDriver(ctx);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(d.token, `并发问题${i}：年审在哪里办？`)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(15);
    expect(await ctx.db.consultation.count({ where: { driverId: d.id } })).toBe(5);
    expect(await textChecks()).toBe(5);
  });

  it("counts each driver on their own: one driver's spent day leaves another's untouched", async () => {
    const one = await loginDriver(ctx);
    const other = await loginDriver(ctx);
    for (let i = 0; i < 5; i++) await ask(one.token, `问题${i}：怎么预约考试？`);
    expect((await ask(one.token, '再问一个：怎么预约考试？')).status).toBe(429);
    expect((await ask(other.token, '怎么预约考试？')).status).toBe(201);
  });

  it('does not count refused questions: risky text and a bad request leave the day untouched', async () => {
    const d = await loginDriver(ctx);
    expect((await ask(d.token, '有人能代开发票吗')).status).toBe(422);
    expect((await ctx.http.post('/api/consultations').set(auth(d.token)).send({ category: 'nonsense', content: '？' })).status).toBe(400);
    for (let i = 1; i <= 5; i++) expect((await ask(d.token, `第${i}个问题：罚款怎么交？`)).status).toBe(201);
    expect((await ask(d.token, '第6个问题：罚款怎么交？')).status).toBe(429);
  });
});

describe('follow-ups a day', () => {
  it('refuses the fourth with 429 until the next Shanghai midnight, before asking WeChat, and stores nothing', async () => {
    const d = await loginDriver(ctx);
    const id = (await ask(d.token, '驾驶证到期了怎么换证？')).body.id as number;
    for (let i = 1; i <= 3; i++) expect((await followUp(d.token, id, `补充说明${i}`)).status).toBe(201);
    const checksBefore = await textChecks();
    const fourth = await followUp(d.token, id, '补充说明4');
    expectRefusedUntilMidnight(fourth, /^今天的追问已达3条，请明天（\d+月\d+日）再试$/);
    expect(await textChecks()).toBe(checksBefore);
    expect(await ctx.db.consultationReply.count({ where: { consultationId: id } })).toBe(3);
  });

  it('lets exactly three of twenty parallel follow-ups in', async () => {
    const d = await loginDriver(ctx);
    const id = (await ask(d.token, '驾驶证到期了怎么换证？')).body.id as number;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => followUp(d.token, id, `并发补充${i}`)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    expect(await ctx.db.consultationReply.count({ where: { consultationId: id } })).toBe(3);
  });

  it('does not count refused follow-ups (risky text, a stranger, a closed question), nor another driver', async () => {
    const d = await loginDriver(ctx);
    const other = await loginDriver(ctx);
    const id = (await ask(d.token, '驾驶证到期了怎么换证？')).body.id as number;
    const closed = (await ask(d.token, '另一个问题：怎么补证？')).body.id as number;
    expect((await ctx.http.post(`/api/consultations/${closed}/close`).set(auth(d.token))).status).toBe(200);
    expect((await followUp(d.token, id, '能代开发票吗')).status).toBe(422);
    expect((await followUp(d.token, closed, '还在吗')).status).toBe(409);
    expect((await followUp(other.token, id, '我也想问')).status).toBe(404);
    for (let i = 1; i <= 3; i++) expect((await followUp(d.token, id, `补充说明${i}`)).status).toBe(201);
    expect((await followUp(d.token, id, '补充说明4')).status).toBe(429);
    const mine = (await ask(other.token, '我的问题')).body.id as number;
    expect((await followUp(other.token, mine, '补充')).status).toBe(201);
  });
});
