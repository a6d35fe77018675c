// Consultation lists: the asker's own a page at a time, the agents' queue paged, canned replies by category.
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

it('pages the asker’s questions newest first and the agent queue oldest first, each with its total', async () => {
  const d = await loginDriver(ctx);
  const ids: number[] = [];
  for (const n of [1, 2, 3]) {
    const res = await ctx.http.post('/api/consultations').set(auth(d.token)).send({ category: 'exam', content: `第${n}个问题：约考怎么改期？` });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  const own = await ctx.http.get('/api/consultations?page=2&pageSize=2').set(auth(d.token));
  expect(own.status).toBe(200);
  expect(own.body).toMatchObject({ total: 3, items: [{ id: ids[0], replyCount: 0 }] });

  await createStaff(ctx, { username: 'agent.l', role: 'AGENT' });
  const agent = await loginStaff(ctx, 'agent.l');
  const queue = await ctx.http.get('/api/agent/consultations?page=1&pageSize=2').set(auth(agent));
  expect(queue.status).toBe(200);
  expect(queue.body.total).toBe(3);
  expect(queue.body.items.map((c: { id: number }) => c.id)).toEqual([ids[0], ids[1]]);
});

it('offers an agent the canned replies of a category and the general ones', async () => {
  await ctx.db.cannedReply.createMany({
    data: [
      { category: 'licence', title: '换证', content: '请携带身份证到车管所办理换证。' },
      { category: 'exam', title: '约考', content: '请在约考页面选择场次。' },
      { category: null, title: '问候', content: '您好，请问还有什么可以帮您？' },
    ],
  });
  await createStaff(ctx, { username: 'agent.c', role: 'AGENT' });
  const agent = await loginStaff(ctx, 'agent.c');
  const res = await ctx.http.get('/api/agent/canned-replies?category=licence').set(auth(agent));
  expect(res.status).toBe(200);
  expect(res.body.items.map((r: { title: string }) => r.title)).toEqual(['换证', '问候']);
  expect((await ctx.http.get('/api/agent/canned-replies').set(auth(agent))).body.total).toBe(3);
});
