// The expiry job: unfinished cases close after their deadline, once, whichever process gets there first.
import { expireCases } from '../../src/modules/accidents/use-cases/expire-cases';
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

const MINUTE = 60_000;

describe('expireCases', () => {
  it('expires a case still waiting for the second party after 30 minutes, and frees its invite code', async () => {
    const a = await loginDriver(ctx);
    const created = await s.report(a.token);
    expect(await expireCases(ctx.deps, { now: new Date(Date.now() + 29 * MINUTE) })).toBe(0);
    expect(await expireCases(ctx.deps, { now: new Date(Date.now() + 31 * MINUTE) })).toBe(1);
    const view = await s.get(a.token, created.body.id);
    expect(view.body.status).toBe('EXPIRED');
    expect(view.body.events.at(-1)).toMatchObject({ type: 'EXPIRED', actor: 'system', from: 'WAITING_FOR_PARTY', to: 'EXPIRED' });
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: created.body.id } })).inviteCode).toBeNull();
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: a.id, event: 'accident.expired' } })).toBe(1);
    expect((await s.join((await loginDriver(ctx)).token, created.body.inviteCode)).status).toBe(404);
  });

  it('gives a negotiating case 24 hours from the join', async () => {
    const c = await s.negotiating();
    expect(await expireCases(ctx.deps, { now: new Date(Date.now() + 23 * 60 * MINUTE) })).toBe(0);
    expect(await expireCases(ctx.deps, { now: new Date(Date.now() + 25 * 60 * MINUTE) })).toBe(1);
    expect((await s.get(c.b.token, c.id)).body.status).toBe('EXPIRED');
    expect(await ctx.db.messageCentreEntry.count({ where: { driverId: c.b.id, event: 'accident.expired' } })).toBe(1);
  });

  it('never expires a case under review or decided', async () => {
    const c = await s.pendingReview();
    expect(await expireCases(ctx.deps, { now: new Date(Date.now() + 30 * 86_400_000) })).toBe(0);
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('PENDING_REVIEW');
  });

  it('expires each case once when several processes run the job together', async () => {
    const a = await loginDriver(ctx);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await s.report(a.token, { occurredAt: new Date(Date.now() - (i + 1) * MINUTE).toISOString() })).body.id);
    const later = new Date(Date.now() + 31 * MINUTE);
    const counts = await Promise.all([expireCases(ctx.deps, { now: later }), expireCases(ctx.deps, { now: later }), expireCases(ctx.deps, { now: later })]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(5);
    expect(await ctx.db.caseEvent.count({ where: { caseId: { in: ids }, type: 'EXPIRED' } })).toBe(5);
    expect(await ctx.db.messageCentreEntry.count({ where: { event: 'accident.expired' } })).toBe(5);
  });

  it('loses to a party who acted first: a case that moved meanwhile is left alone', async () => {
    const c = await s.negotiating();
    const row = await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } });
    // The job read the case, then B cancelled nothing but changed the liability: the version moved on.
    await s.liability(c.b.token, c.id, 'LANE_CHANGE', 'B');
    const { count } = await ctx.db.accidentCase.updateMany({
      where: { id: c.id, status: row.status, version: row.version },
      data: { status: 'EXPIRED' },
    });
    expect(count).toBe(0);
    expect((await ctx.db.accidentCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('NEGOTIATING');
  });
});
