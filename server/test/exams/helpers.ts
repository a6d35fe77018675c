// Builders for the exam tests: learners, venues, sessions and drivers bound to learners.
import { idNumberCheckChar, loginDriver, type TestContext } from '../support/context';

export const DAY = 86_400_000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

let seq = 0;
/**
 * A fresh valid ID number (distinct per call, up to 10,000 per run): varying area code, fixed birth
 * date. Born 2000-01-01, a date no other test's numbers use (they are born in the 1900s), so the
 * two never meet whatever the area code and the process id.
 */
export function newIdNumber(): string {
  seq++;
  const first17 = `37${String(seq % 10_000).padStart(4, '0')}20000101${String(process.pid % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export interface LearnerSpec {
  licenceClass?: string;
  appliedAt?: Date;
  permitIssuedAt?: Date | null;
  passed?: number[];
}

export async function addLearner(ctx: TestContext, spec: LearnerSpec = {}) {
  const permit = spec.permitIssuedAt === undefined ? daysFromNow(-100) : spec.permitIssuedAt;
  const passed = new Set(spec.passed ?? [1]);
  const at = (s: number) => (passed.has(s) ? (s === 1 ? permit ?? daysFromNow(-100) : daysFromNow(-50)) : null);
  return ctx.db.learner.create({
    data: {
      idNumber: newIdNumber(),
      name: '测试学员',
      licenceClass: spec.licenceClass ?? 'C1',
      appliedAt: spec.appliedAt ?? daysFromNow(-120),
      permitIssuedAt: permit,
      subject1PassedAt: at(1),
      subject2PassedAt: at(2),
      subject3PassedAt: at(3),
      subject4PassedAt: at(4),
    },
  });
}

/** A logged-in driver whose bound ID number is the learner's. */
export async function driverFor(ctx: TestContext, learner: { idNumber: string }) {
  const d = await loginDriver(ctx);
  await ctx.db.driver.update({ where: { id: d.id }, data: { idNumber: learner.idNumber, realName: '测试学员', identityBoundAt: new Date() } });
  return d;
}

export async function addVenue(ctx: TestContext) {
  return ctx.db.venue.upsert({ where: { name: '测试考场' }, create: { name: '测试考场', address: '测试路1号' }, update: {} });
}

export interface SessionSpec {
  subject?: number;
  licenceClass?: string;
  startsAt?: Date;
  capacity?: number;
  bookingOpensAt?: Date;
  bookingClosesAt?: Date;
  allocation?: 'RANKED' | 'FIRST_COME';
}

export async function addSession(ctx: TestContext, spec: SessionSpec = {}) {
  const venue = await addVenue(ctx);
  return ctx.db.examSession.create({
    data: {
      subject: spec.subject ?? 2,
      licenceClass: spec.licenceClass ?? 'C1',
      venueId: venue.id,
      startsAt: spec.startsAt ?? daysFromNow(15),
      capacity: spec.capacity ?? 10,
      bookingOpensAt: spec.bookingOpensAt ?? daysFromNow(-1),
      bookingClosesAt: spec.bookingClosesAt ?? daysFromNow(12),
      allocation: spec.allocation ?? 'FIRST_COME',
    },
  });
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
