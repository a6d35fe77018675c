// Shared steps of the insurer tests: a confirmed case whose claims went to PICC (party A, 中国人保)
// and PAIC (party B, 平安保险), and insurer staff logged in.
import { hashPassword } from '../../src/modules/auth/password';
import { loginStaff, TEST_PASSWORD, type TestContext } from '../support/context';
import { expectStatus, steps } from '../accidents/flow';

export async function insurerStaff(ctx: TestContext, code: string, username = `insurer.${code.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}`) {
  const insurer = await ctx.db.insurer.findUniqueOrThrow({ where: { code } });
  await ctx.db.staff.create({
    data: { username, role: 'INSURER', displayName: `${insurer.name}理赔员`, insurerId: insurer.id, passwordHash: await hashPassword(TEST_PASSWORD) },
  });
  return loginStaff(ctx, username);
}

/** A case confirmed by a Tengzhou officer: A's claim went to PICC, B's to PAIC. */
export async function confirmedCase(ctx: TestContext, s: ReturnType<typeof steps>) {
  const c = await s.pendingReview();
  const officer = await s.officer();
  expectStatus(await s.decide(officer, c.id, { decision: 'CONFIRM', note: '事实清楚' }), 200);
  const claims = await ctx.db.insuranceClaim.findMany({ where: { caseId: c.id }, orderBy: { id: 'asc' }, include: { company: true } });
  return { ...c, officer, claimA: claims[0], claimB: claims[1] };
}
