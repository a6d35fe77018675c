// The eligibility rules as pure functions: one reason code per rule, the sort time and priority.
import { bookingRefusal, hasPriority, learnerRefusal, sortTime, waitingDays, type BookingFact, type LearnerFacts, type SessionFacts } from '../../src/modules/exams/rules';

const DAY = 86_400_000;
const now = new Date('2026-11-27T02:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const ahead = (days: number) => new Date(now.getTime() + days * DAY);

const learner = (over: Partial<LearnerFacts> = {}): LearnerFacts => ({
  licenceClass: 'C1',
  appliedAt: ago(200),
  permitIssuedAt: ago(100),
  passedAt: { 1: ago(100), 2: null, 3: null, 4: null },
  ...over,
});
const session = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  subject: 2,
  licenceClass: 'C1',
  startsAt: ahead(15),
  bookingOpensAt: ago(1),
  bookingClosesAt: ahead(12),
  allocatedAt: null,
  ...over,
});
let nextId = 1;
const sat = (subject: number, result: BookingFact['result'], startsAt: Date, over: Partial<BookingFact> = {}): BookingFact => ({
  id: nextId++,
  sessionId: nextId,
  subject,
  status: 'CONFIRMED',
  result,
  priority: false,
  startsAt,
  cancelledAt: null,
  decidedAt: startsAt,
  ...over,
});
const reason = (r: ReturnType<typeof bookingRefusal>) => r?.reason ?? null;

describe('bookingRefusal', () => {
  it('lets an eligible learner book', () => {
    expect(bookingRefusal(learner(), [], session(), now)).toBeNull();
  });

  it('LICENCE_CLASS_MISMATCH for a session of another class', () => {
    expect(reason(bookingRefusal(learner(), [], session({ licenceClass: 'C2' }), now))).toBe('LICENCE_CLASS_MISMATCH');
  });

  it('ALREADY_PASSED for a subject passed before', () => {
    expect(reason(bookingRefusal(learner(), [], session({ subject: 1 }), now))).toBe('ALREADY_PASSED');
  });

  it('SUBJECT_ORDER: 科目一 before 科目二 and 科目三, both skills tests before the safe-driving test', () => {
    const fresh = learner({ permitIssuedAt: null, passedAt: { 1: null, 2: null, 3: null, 4: null } });
    expect(reason(bookingRefusal(fresh, [], session({ subject: 2 }), now))).toBe('SUBJECT_ORDER');
    expect(reason(bookingRefusal(fresh, [], session({ subject: 3 }), now))).toBe('SUBJECT_ORDER');
    expect(bookingRefusal(fresh, [], session({ subject: 1 }), now)).toBeNull();
    const onlyTwo = learner({ passedAt: { 1: ago(100), 2: ago(50), 3: null, 4: null } });
    const refusal = bookingRefusal(onlyTwo, [], session({ subject: 4 }), now);
    expect(refusal?.reason).toBe('SUBJECT_ORDER');
    expect(refusal?.message).toContain('科目三');
    const both = learner({ passedAt: { 1: ago(100), 2: ago(50), 3: ago(20), 4: null } });
    expect(bookingRefusal(both, [], session({ subject: 4 }), now)).toBeNull();
  });

  it('WAITING_PERIOD after the permit, by class and subject, with the date it ends', () => {
    const recent = learner({ permitIssuedAt: ago(5), passedAt: { 1: ago(5), 2: null, 3: null, 4: null } });
    const refusal = bookingRefusal(recent, [], session(), now);
    expect(refusal?.reason).toBe('WAITING_PERIOD');
    expect(refusal?.availableFrom!.getTime()).toBeGreaterThan(now.getTime());
    const twelve = learner({ permitIssuedAt: ago(12), passedAt: { 1: ago(12), 2: null, 3: null, 4: null } });
    expect(bookingRefusal(twelve, [], session({ subject: 2 }), now)).toBeNull();
    expect(reason(bookingRefusal(twelve, [], session({ subject: 3 }), now))).toBe('WAITING_PERIOD');
    expect(reason(bookingRefusal({ ...twelve, licenceClass: 'B2' }, [], session({ licenceClass: 'B2' }), now))).toBe('WAITING_PERIOD');
    expect([waitingDays('C1', 2), waitingDays('C1', 3), waitingDays('C2', 3), waitingDays('A1', 2), waitingDays('A1', 3)]).toEqual([10, 30, 20, 20, 40]);
  });

  it('PERMIT_EXPIRED when the exam falls after the 3-year permit', () => {
    const old = learner({ permitIssuedAt: ago(3 * 365 + 1), passedAt: { 1: ago(3 * 365 + 1), 2: null, 3: null, 4: null } });
    expect(reason(bookingRefusal(old, [], session(), now))).toBe('PERMIT_EXPIRED');
    const almost = learner({ permitIssuedAt: ago(3 * 365 - 20), passedAt: { 1: ago(3 * 365 - 20), 2: null, 3: null, 4: null } });
    expect(reason(bookingRefusal(almost, [], session({ startsAt: ahead(25) }), now))).toBe('PERMIT_EXPIRED');
  });

  it('ATTEMPTS_EXHAUSTED after 5 sittings of 科目二 within the permit (a no-show counts)', () => {
    const history = [sat(2, 'FAIL', ago(90)), sat(2, 'NO_SHOW', ago(75)), sat(2, 'FAIL', ago(60)), sat(2, 'FAIL', ago(45)), sat(2, 'FAIL', ago(30))];
    expect(reason(bookingRefusal(learner(), history, session(), now))).toBe('ATTEMPTS_EXHAUSTED');
    expect(reason(bookingRefusal(learner(), history.slice(1), session(), now))).toBeNull();
  });

  it('RETAKE_WAIT for 10 days after failing 科目二 or 科目三', () => {
    const refusal = bookingRefusal(learner(), [sat(2, 'FAIL', ago(4))], session(), now);
    expect(refusal?.reason).toBe('RETAKE_WAIT');
    expect(refusal?.availableFrom!.getTime()).toBeGreaterThan(ahead(5).getTime());
    expect(bookingRefusal(learner(), [sat(2, 'FAIL', ago(11))], session(), now)).toBeNull();
    expect(reason(bookingRefusal(learner(), [sat(2, 'NO_SHOW', ago(4))], session(), now))).toBe('RETAKE_WAIT');
  });

  it('BOOKING_NOT_OPEN before the window and BOOKING_CLOSED after it or once allocated', () => {
    expect(reason(bookingRefusal(learner(), [], session({ bookingOpensAt: ahead(1) }), now))).toBe('BOOKING_NOT_OPEN');
    expect(reason(bookingRefusal(learner(), [], session({ bookingClosesAt: ago(0.01) }), now))).toBe('BOOKING_CLOSED');
    expect(reason(bookingRefusal(learner(), [], session({ allocatedAt: ago(0.01) }), now))).toBe('BOOKING_CLOSED');
  });

  it('learnerRefusal alone ignores the session: what the per-subject page shows', () => {
    expect(learnerRefusal(learner(), [], 2, now)).toBeNull();
    expect(learnerRefusal(learner(), [], 4, now)?.reason).toBe('SUBJECT_ORDER');
  });
});

describe('sortTime (DOMAIN.md §B4)', () => {
  it('is the application date for the first booking', () => {
    expect(sortTime(learner(), [])).toEqual(ago(200));
  });
  it('is the last exam date later on', () => {
    expect(sortTime(learner(), [sat(1, 'PASS', ago(100)), sat(2, 'FAIL', ago(30))])).toEqual(ago(30));
  });
  it('is the cancellation time of a confirmed booking when that is latest', () => {
    const cancelled = sat(2, null, ahead(5), { status: 'CANCELLED', cancelledAt: ago(3), decidedAt: ago(10) });
    expect(sortTime(learner(), [sat(2, 'FAIL', ago(30)), cancelled])).toEqual(ago(3));
  });
  it('ignores a withdrawn application that was never confirmed', () => {
    const withdrawn = sat(2, null, ahead(5), { status: 'CANCELLED', cancelledAt: ago(3), decidedAt: null });
    expect(sortTime(learner(), [withdrawn])).toEqual(ago(200));
  });
});

describe('hasPriority', () => {
  const nearEnd = learner({ permitIssuedAt: ago(3 * 365 - 100), passedAt: { 1: ago(3 * 365 - 100), 2: null, 3: null, 4: null } });
  it('is given when less than the configured months of permit are left at the exam', () => {
    expect(hasPriority(nearEnd, [], 2, ahead(15), 6)).toBe(true);
    expect(hasPriority(learner(), [], 2, ahead(15), 6)).toBe(false);
    expect(hasPriority(nearEnd, [], 2, ahead(15), 2)).toBe(false);
  });
  it('is used up by one confirmed priority booking of the subject', () => {
    const used = sat(2, 'FAIL', ago(20), { priority: true });
    expect(hasPriority(nearEnd, [used], 2, ahead(15), 6)).toBe(false);
    expect(hasPriority(nearEnd, [used], 3, ahead(15), 6)).toBe(true);
    const rejected = sat(2, null, ago(20), { priority: true, status: 'REJECTED' });
    expect(hasPriority(nearEnd, [rejected], 2, ahead(15), 6)).toBe(true);
  });
});
