// POST /api/accidents/join: the second party joins once, within 30 minutes; guessing is throttled.
import { loginDriver, type TestContext } from '../support/context';
import { startAccidentContext, steps } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

async function reported() {
  const a = await loginDriver(ctx);
  const res = await s.report(a.token);
  return { a, id: res.body.id as number, code: res.body.inviteCode as string };
}

describe('POST /api/accidents/join', () => {
  it('adds the second party as B, starts negotiating and tells the reporter', async () => {
    const { a, id, code } = await reported();
    const b = await loginDriver(ctx);
    const res = await s.join(b.token, code);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'NEGOTIATING', myRole: 'B' });
    expect(res.body.parties.map((p: { role: string }) => p.role)).toEqual(['A', 'B']);
    expect(res.body.events.at(-1)).toMatchObject({ type: 'PARTY_JOINED', actor: 'B', from: 'WAITING_FOR_PARTY', to: 'NEGOTIATING' });
    const seenByA = await s.get(a.token, id);
    expect(seenByA.body.status).toBe('NEGOTIATING');
    expect(seenByA.body.inviteCode).toBeUndefined();
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: a.id, event: 'accident.partner_joined' } })).toBe(1);
    expect(await ctx.db.notificationOutbox.count({ where: { driverId: a.id, event: 'accident.partner_joined' } })).toBeGreaterThan(0);
  });

  it('is idempotent for the party who joined, and refuses a third driver with 409 CASE_FULL', async () => {
    const { code } = await reported();
    const b = await loginDriver(ctx);
    expect((await s.join(b.token, code)).status).toBe(200);
    expect((await s.join(b.token, code)).status).toBe(200);
    const third = await s.join((await loginDriver(ctx)).token, code);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('CASE_FULL');
    expect(await ctx.db.accidentParty.count()).toBe(2);
  });

  it('lets exactly one of two drivers joining at the same moment in', async () => {
    const { code, id } = await reported();
    const [x, y] = [await loginDriver(ctx), await loginDriver(ctx)];
    const results = await Promise.all([s.join(x.token, code), s.join(y.token, code)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('CASE_FULL');
    expect(await ctx.db.accidentParty.count({ where: { caseId: id } })).toBe(2);
    expect(await ctx.db.caseEvent.count({ where: { caseId: id, type: 'PARTY_JOINED' } })).toBe(1);
  });

  it('refuses the reporter joining their own case', async () => {
    const { a, code } = await reported();
    const res = await s.join(a.token, code);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CANNOT_JOIN_OWN_CASE');
  });

  it('refuses a code older than 30 minutes with 422 INVITE_EXPIRED', async () => {
    const { id, code } = await reported();
    await ctx.db.accidentCase.update({ where: { id }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });
    const res = await s.join((await loginDriver(ctx)).token, code);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVITE_EXPIRED');
    expect(await ctx.db.accidentParty.count({ where: { caseId: id } })).toBe(1);
  });

  it('throttles guessing: after 5 wrong codes even the right one gets 429', async () => {
    const { code } = await reported();
    const guesser = await loginDriver(ctx);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await s.join(guesser.token, wrong)).status).toBe(404);
    const res = await s.join(guesser.token, code);
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
    expect(await ctx.db.accidentParty.count()).toBe(1);
  });

  it('counts a parallel burst of guesses atomically: five tries, the rest 429', async () => {
    const { code } = await reported();
    const guesser = await loginDriver(ctx);
    const guesses = Array.from({ length: 30 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(guesses.map((g) => s.join(guesser.token, g)));
    expect(answers.filter((r) => r.status === 404)).toHaveLength(5);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(25);
    expect(answers.find((r) => r.status === 429)!.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('answers 400 for a code that is not six digits', async () => {
    const b = await loginDriver(ctx);
    expect((await s.join(b.token, '12345')).status).toBe(400);
    expect((await s.join(b.token, 'abcdef')).status).toBe(400);
  });
});
