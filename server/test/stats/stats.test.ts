// GET /api/admin/stats and /api/admin/stats.csv on fixed fixtures written straight into the
// database, the figures computed by hand in the comments. The range is 2026-11-30..2026-12-01
// (Asia/Shanghai): it begins at 2026-11-29T16:00Z, and Shanghai's 12-01 begins at 2026-11-30T16:00Z,
// so 15:59Z and 16:01Z fall on different days. Percentiles are PERCENTILE_CONT's: the value at rank
// p·(n−1) of the sorted values (from 0), interpolated linearly between its two neighbours.
import { createStaff, loginDriver, loginStaff, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
let admin: string;
let officer: string;
let agent: string;
beforeAll(async () => {
  ctx = await startTestContext();
  await ctx.reset();
  await createStaff(ctx, { username: 'stats.admin', role: 'ADMIN' });
  await createStaff(ctx, { username: 'stats.officer', role: 'OFFICER', unit: 'tengzhou' });
  await createStaff(ctx, { username: 'stats.agent', role: 'AGENT' });
  [admin, officer, agent] = await Promise.all(['stats.admin', 'stats.officer', 'stats.agent'].map((u) => loginStaff(ctx, u)));
  await fixtures();
});
afterAll(() => ctx.close());

const at = (iso: string) => new Date(iso);
const RANGE = { from: '2026-11-30', to: '2026-12-01' };
const get = (token: string | null, query: Record<string, string>, path = '/api/admin/stats') => {
  const req = ctx.http.get(path).query(query);
  return token ? req.set({ Authorization: `Bearer ${token}` }) : req;
};

async function fixtures() {
  const db = ctx.db;
  const units = Object.fromEntries((await db.unit.findMany()).map((u) => [u.code, u.id]));
  const driver = await db.driver.create({ data: { nickname: '统计' } });
  let n = 0;

  // ---- accident cases: each with its entries into review and its decisions ----
  async function accident(unit: string, events: [type: string, at: string, details?: object][]) {
    const c = await db.accidentCase.create({
      data: {
        caseNumber: `STATS${++n}`,
        status: 'CONFIRMED',
        unitId: units[unit],
        reporterId: driver.id,
        occurredAt: at('2026-11-29T00:00:00Z'),
        address: '测试路1号',
        vehicleCount: 2,
      },
    });
    await db.caseEvent.createMany({ data: events.map(([type, when, details]) => ({ caseId: c.id, type, actorType: 'STAFF' as const, at: at(when), details })) });
  }
  // 1: in review at 11-30 23:00 Shanghai, confirmed at 23:59 (11-30): 59 min.
  await accident('tengzhou', [['SUBMITTED', '2026-11-30T15:00:00Z'], ['CONFIRMED', '2026-11-30T15:59:00Z']]);
  // 2: in review 11-30 23:30, returned 12-01 00:01 (31 min, a 12-01 decision); resubmitted 12-01 10:00,
  //    confirmed 10:10 (10 min, timed from the resubmission).
  await accident('tengzhou', [
    ['SUBMITTED', '2026-11-30T15:30:00Z'],
    ['RETURNED', '2026-11-30T16:01:00Z'],
    ['RESUBMITTED', '2026-12-01T02:00:00Z'],
    ['CONFIRMED', '2026-12-01T02:10:00Z'],
  ]);
  // 3: transferred after 45 min (12-01). 4: confirmed after 120 min (12-01).
  await accident('tengzhou', [['SUBMITTED', '2026-12-01T01:00:00Z'], ['TRANSFERRED', '2026-12-01T01:45:00Z']]);
  await accident('tengzhou', [['SUBMITTED', '2026-12-01T03:00:00Z'], ['CONFIRMED', '2026-12-01T05:00:00Z']]);
  // 5: another unit (市中): 5 min on 12-01.
  await accident('shizhong', [['SUBMITTED', '2026-12-01T01:00:00Z'], ['CONFIRMED', '2026-12-01T01:05:00Z']]);
  // 6: all on 11-29 (before the range). 7: in review 12-01 23:59 (counted), confirmed 12-02 00:00 (after it).
  await accident('tengzhou', [['SUBMITTED', '2026-11-29T10:00:00Z'], ['CONFIRMED', '2026-11-29T15:59:00Z']]);
  await accident('tengzhou', [['SUBMITTED', '2026-12-01T15:59:00Z'], ['CONFIRMED', '2026-12-01T16:00:00Z']]);
  // 9: in review at 滕州 12-01 11:00, handed to 市中 at 11:20 (a 滕州 handover), confirmed there at 12:00:
  //    市中's case now, 60 min from its entry into review.
  await accident('shizhong', [
    ['SUBMITTED', '2026-12-01T03:00:00Z'],
    ['HANDED_OVER', '2026-12-01T03:20:00Z', { fromUnit: 'tengzhou', toUnit: 'shizhong', reason: '属市中大队辖区' }],
    ['CONFIRMED', '2026-12-01T04:00:00Z'],
  ]);
  // Other events of a case are not outcomes.
  await accident('tengzhou', [['CREATED', '2026-12-01T01:00:00Z'], ['PARTY_JOINED', '2026-12-01T01:10:00Z']]);

  // ---- consultations (the whole detachment) ----
  const ask = (createdAt: string, firstReplyAt: string | null, firstReplyDueAt: string, rating: number | null = null) =>
    db.consultation.create({
      data: {
        driverId: driver.id,
        category: 'licence',
        content: '驾驶证怎么换？',
        status: firstReplyAt ? 'ANSWERED' : 'OPEN',
        createdAt: at(createdAt),
        firstReplyAt: firstReplyAt ? at(firstReplyAt) : null,
        firstReplyDueAt: at(firstReplyDueAt),
        rating,
      },
    });
  await ask('2026-11-30T15:58:00Z', '2026-11-30T16:10:00Z', '2026-12-01T04:00:00Z'); // 11-30: 12 min, in time
  await ask('2026-11-30T16:02:00Z', '2026-12-01T01:02:00Z', '2026-12-01T00:30:00Z', 4); // 12-01: 540 min, late
  await ask('2026-12-01T01:00:00Z', '2026-12-01T01:30:00Z', '2026-12-01T03:00:00Z', 5); // 12-01: 30 min, in time
  await ask('2026-12-01T02:00:00Z', null, '2026-12-01T05:00:00Z'); // 12-01: unanswered past its due time
  await ask('2026-12-01T06:00:00Z', null, '2099-01-01T00:00:00Z'); // 12-01: unanswered, not due yet
  await ask('2026-11-29T10:00:00Z', '2026-11-29T10:05:00Z', '2026-11-29T12:00:00Z', 1); // before the range

  // ---- exam sessions: capacity, seats taken, no-shows ----
  const venues = {
    tengzhou: await db.venue.create({ data: { name: '滕州考场', address: '滕州', unitId: units.tengzhou } }),
    shizhong: await db.venue.create({ data: { name: '市中考场', address: '市中', unitId: units.shizhong } }),
  };
  async function session(
    unit: 'tengzhou' | 'shizhong',
    subject: number,
    startsAt: string,
    capacity: number,
    confirmedCount: number,
    results: ('PASS' | 'NO_SHOW')[],
    status: 'SCHEDULED' | 'CANCELLED' = 'SCHEDULED',
  ) {
    const s = await db.examSession.create({
      data: {
        subject,
        licenceClass: 'C1',
        venueId: venues[unit].id,
        startsAt: at(startsAt),
        capacity,
        confirmedCount,
        bookingOpensAt: at('2026-11-01T00:00:00Z'),
        bookingClosesAt: at('2026-11-20T00:00:00Z'),
        allocation: 'FIRST_COME',
        status,
      },
    });
    for (const result of results) {
      const learner = await db.learner.create({
        data: { idNumber: `37040219900101${String(++n).padStart(4, '0')}`, name: '学员', licenceClass: 'C1', appliedAt: at('2026-10-01T00:00:00Z') },
      });
      await db.examBooking.create({
        data: { sessionId: s.id, learnerId: learner.id, subject, status: 'CONFIRMED', sortTime: at('2026-11-02T00:00:00Z'), result },
      });
    }
  }
  await session('tengzhou', 1, '2026-11-30T16:30:00Z', 10, 8, ['NO_SHOW', 'NO_SHOW', 'PASS']); // 12-01 00:30
  await session('tengzhou', 1, '2026-11-30T01:00:00Z', 10, 10, ['NO_SHOW']);
  await session('tengzhou', 2, '2026-12-01T02:00:00Z', 5, 2, []);
  await session('shizhong', 1, '2026-12-01T02:00:00Z', 20, 5, ['NO_SHOW']);
  await session('tengzhou', 1, '2026-11-29T15:59:00Z', 50, 50, ['NO_SHOW']); // 11-29 23:59: before the range
  await session('tengzhou', 2, '2026-12-01T06:00:00Z', 30, 12, [], 'CANCELLED'); // cancelled: no seats, counted apart

  // ---- notifications: outbox rows by channel and status, message-centre entries ----
  const rows: [channel: 'SUBSCRIBE' | 'OFFICIAL_TEMPLATE' | 'SMS' | 'AUTO', status: 'SENT' | 'FAILED' | 'PENDING' | 'SKIPPED', createdAt: string][] = [
    ['SUBSCRIBE', 'SENT', '2026-11-30T08:00:00Z'],
    ['SUBSCRIBE', 'SENT', '2026-11-30T16:00:00Z'],
    ['SUBSCRIBE', 'FAILED', '2026-12-01T08:00:00Z'],
    ['SUBSCRIBE', 'SKIPPED', '2026-12-01T08:00:00Z'],
    ['OFFICIAL_TEMPLATE', 'SENT', '2026-12-01T08:00:00Z'],
    ['SMS', 'SENT', '2026-12-01T08:00:00Z'],
    ['SMS', 'FAILED', '2026-12-01T09:00:00Z'],
    ['AUTO', 'PENDING', '2026-12-01T15:59:00Z'],
    ['SUBSCRIBE', 'SENT', '2026-11-29T15:59:00Z'], // before the range
    ['SMS', 'FAILED', '2026-12-01T16:00:00Z'], // after it
  ];
  await db.notificationOutbox.createMany({
    data: rows.map(([channel, status, createdAt], i) => ({
      driverId: driver.id,
      channel,
      status,
      event: 'BOOKING_CONFIRMED',
      templateKey: 'EXAM_BOOKING',
      dedupeKey: `stats:${i}`,
      payload: {},
      createdAt: at(createdAt),
    })),
  });
  const entries: [createdAt: string, read: boolean][] = [
    ['2026-11-30T08:00:00Z', true],
    ['2026-12-01T08:00:00Z', false],
    ['2026-12-01T15:00:00Z', false],
    ['2026-11-29T08:00:00Z', true], // before the range
  ];
  await db.messageCentreEntry.createMany({
    data: entries.map(([createdAt, read], i) => ({
      driverId: driver.id,
      event: 'BOOKING_CONFIRMED',
      title: '预约成功',
      body: '您已预约成功',
      dedupeKey: `stats:${i}`,
      createdAt: at(createdAt),
      readAt: read ? at(createdAt) : null,
    })),
  });
}

// 滕州 (cases 1-4 and 7):
//   11-30: in review 1 and 2 (2); confirmed 1.
//   12-01: in review 3, 4, 7 and 2 again (4, 1 of them a resubmission); confirmed 2 and 4; returned 2; transferred 3;
//   case 9 handed over to 市中 (counted here; its entry into review and its confirmation are 市中's now).
//   Decision minutes: 10, 31, 45, 59, 120 → median rank 2 = 45; p90 rank 3.6 = 59 + 0.6 × (120 − 59) = 95.6.
//   By day: 11-30 [59] → 59, 59; 12-01 [10, 31, 45, 120] → median rank 1.5 = (31 + 45) / 2 = 38,
//   p90 rank 2.7 = 45 + 0.7 × (120 − 45) = 97.5.
const TENGZHOU_DAYS = [
  { date: '2026-11-30', submitted: 2, resubmitted: 0, confirmed: 1, returned: 0, transferred: 0, handedOver: 0 },
  { date: '2026-12-01', submitted: 4, resubmitted: 1, confirmed: 2, returned: 1, transferred: 1, handedOver: 1 },
];
// Consultations asked in the range: 12, 540 and 30 min to the first reply → sorted 12, 30, 540: median 30,
// p90 rank 1.8 = 30 + 0.8 × 510 = 438. In time: 2; overdue: the late reply and the unanswered one past
// its due time (2); waiting: 1. Ratings 4 and 5 → 4.5 (the 1 of 11-29 is outside the range).
const CONSULTATIONS = {
  created: 5,
  replied: 3,
  firstReplyMinutes: { count: 3, median: 30, p90: 438 },
  limitHours: 4, // CONSULTATION_FIRST_REPLY_HOURS' default
  withinLimit: 2,
  overdue: 2,
  waiting: 1,
  rating: { average: 4.5, count: 2 },
  byDay: [
    { date: '2026-11-30', created: 1, withinLimit: 1, overdue: 0, waiting: 0 },
    { date: '2026-12-01', created: 4, withinLimit: 1, overdue: 2, waiting: 1 },
  ],
};
// Outbox rows of the range (the 11-29 and 12-02 ones left out); message centre: 3 written, 1 read.
const NOTIFICATIONS = {
  byChannel: {
    SUBSCRIBE: { sent: 2, failed: 1, pending: 0, skipped: 1 },
    OFFICIAL_TEMPLATE: { sent: 1, failed: 0, pending: 0, skipped: 0 },
    SMS: { sent: 1, failed: 1, pending: 0, skipped: 0 },
    AUTO: { sent: 0, failed: 0, pending: 1, skipped: 0 },
    MESSAGE_CENTRE: { sent: 3, failed: 0, pending: 0, skipped: 0 },
  },
  messageCentreRead: 1,
};

describe('GET /api/admin/stats', () => {
  it("gives an officer their unit's figures by Shanghai day, equal to the hand-computed ones", async () => {
    const res = await get(officer, RANGE);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2026-11-30',
      to: '2026-12-01',
      unit: { code: 'tengzhou', name: '滕州' },
      accidents: {
        byDay: TENGZHOU_DAYS,
        totals: { submitted: 6, resubmitted: 1, confirmed: 3, returned: 1, transferred: 1, handedOver: 1 },
        decisionMinutes: { count: 5, median: 45, p90: 95.6 },
        decisionByDay: [
          { date: '2026-11-30', count: 1, median: 59, p90: 59 },
          { date: '2026-12-01', count: 4, median: 38, p90: 97.5 },
        ],
      },
      consultations: CONSULTATIONS,
      // 滕州's sessions of the range: 科目一 10 seats/8 taken (2 no-shows) and 10/10 (1), 科目二 5/2.
      // 科目一 18/20 = 0.9, 科目二 2/5 = 0.4 (its cancelled session offers no seats); all 20/25 = 0.8; no-shows 3.
      exams: {
        sessions: 3,
        cancelled: 1,
        capacity: 25,
        confirmed: 20,
        fillRate: 0.8,
        noShows: 3,
        bySubject: [
          { subject: 1, sessions: 2, cancelled: 0, capacity: 20, confirmed: 18, fillRate: 0.9, noShows: 3 },
          { subject: 2, sessions: 1, cancelled: 1, capacity: 5, confirmed: 2, fillRate: 0.4, noShows: 0 },
        ],
      },
      notifications: NOTIFICATIONS,
    });
  });

  it('keeps an officer to their own unit whatever unit they ask for', async () => {
    const mine = await get(officer, RANGE);
    const asked = await get(officer, { ...RANGE, unit: 'shizhong' });
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual(mine.body);
  });

  it('gives an admin every unit, or the one asked for', async () => {
    const all = await get(admin, RANGE);
    expect(all.status).toBe(200);
    expect(all.body.unit).toBeNull();
    // With 市中's cases 5 (5 min) and 9 (60 min), both 12-01: 5, 10, 31, 45, 59, 60, 120 → median rank 3 = 45;
    // p90 rank 5.4 = 60 + 0.4 × (120 − 60) = 84. 12-01: 10, 31, 45, 120, 5, 60 → sorted 5, 10, 31, 45, 60, 120:
    // median rank 2.5 = (31 + 45) / 2 = 38, p90 rank 4.5 = 60 + 0.5 × 60 = 90.
    expect(all.body.accidents.byDay).toEqual([TENGZHOU_DAYS[0], { ...TENGZHOU_DAYS[1], submitted: 6, confirmed: 4 }]);
    expect(all.body.accidents.decisionMinutes).toEqual({ count: 7, median: 45, p90: 84 });
    expect(all.body.accidents.decisionByDay[1]).toEqual({ date: '2026-12-01', count: 6, median: 38, p90: 90 });
    // With 市中's 20 seats (5 taken, 1 no-show): 科目一 23/40 = 0.575; all 25/45 = 0.5556.
    expect(all.body.exams).toMatchObject({ sessions: 4, cancelled: 1, capacity: 45, confirmed: 25, fillRate: 0.5556, noShows: 4 });
    expect(all.body.exams.bySubject[0]).toEqual({ subject: 1, sessions: 3, cancelled: 0, capacity: 40, confirmed: 23, fillRate: 0.575, noShows: 4 });
    expect(all.body.consultations).toEqual(CONSULTATIONS);
    expect(all.body.notifications).toEqual(NOTIFICATIONS);

    const one = await get(admin, { ...RANGE, unit: 'tengzhou' });
    expect(one.status).toBe(200);
    expect(one.body).toEqual((await get(officer, RANGE)).body);
  });

  it('lists every day of the range, empty days as zeros and no percentiles', async () => {
    const res = await get(admin, { from: '2026-11-28', to: '2026-11-28' });
    expect(res.status).toBe(200);
    expect(res.body.accidents.byDay).toEqual([{ date: '2026-11-28', submitted: 0, resubmitted: 0, confirmed: 0, returned: 0, transferred: 0, handedOver: 0 }]);
    expect(res.body.accidents.decisionMinutes).toEqual({ count: 0, median: null, p90: null });
    expect(res.body.consultations).toMatchObject({ created: 0, firstReplyMinutes: { count: 0, median: null, p90: null }, rating: { average: null, count: 0 } });
    expect(res.body.exams).toMatchObject({ sessions: 0, fillRate: null, bySubject: [] });
  });

  it('defaults to the last 30 Shanghai days up to today', async () => {
    const res = await get(admin, {});
    expect(res.status).toBe(200);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(res.body.to).toBe(today);
    expect(res.body.accidents.byDay).toHaveLength(30);
  });

  it('takes 366 days and refuses 367, a start after the end and days that do not exist with 400', async () => {
    expect((await get(admin, { from: '2025-12-01', to: '2026-12-01' })).status).toBe(200);
    for (const query of <Record<string, string>[]>[
      { from: '2025-11-30', to: '2026-12-01' },
      { from: '2026-12-02', to: '2026-12-01' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-13-01' },
      { from: '20261201' },
      { to: '2026-12-01T00:00:00Z' },
      { from: "2026-12-01' OR 1=1" },
      { unit: '' },
    ]) {
      const res = await get(admin, query);
      expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('answers 404 for a unit that does not exist', async () => {
    const res = await get(admin, { ...RANGE, unit: 'nowhere' });
    expect([res.status, res.body.error?.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('is for admins and officers only: agents and drivers 403, nobody 401', async () => {
    const driver = await loginDriver(ctx);
    for (const path of ['/api/admin/stats', '/api/admin/stats.csv']) {
      expect((await get(agent, RANGE, path)).status).toBe(403);
      expect((await get(driver.token, RANGE, path)).status).toBe(403);
      expect((await get(null, RANGE, path)).status).toBe(401);
    }
  });
});

describe('GET /api/admin/stats.csv', () => {
  it('gives the numbers behind every chart with a BOM and Chinese headers', async () => {
    const res = await get(officer, RANGE, '/api/admin/stats.csv').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="stats-all-2026-11-30-2026-12-01.csv"');
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      '事故快处：每日案件（滕州大队，2026-11-30 至 2026-12-01）',
      '日期,提交审核,其中重新提交,确认,退回补充,转现场处理,移交其他大队',
      '2026-11-30,2,0,1,0,0,0',
      '2026-12-01,4,1,2,1,1,1',
      '合计,6,1,3,1,1,1',
    ]);
    expect(lines).toContain('全部,5,45,95.6');
    expect(lines).toContain('合计,5,2,2,1');
    expect(lines).toContain('科目一,2,20,18,90.0%,3,0');
    expect(lines).toContain('短信,1,1,0,0');
  });

  it('gives one chart\'s table with ?chart=', async () => {
    const res = await get(admin, { ...RANGE, chart: 'exams' }, '/api/admin/stats.csv');
    expect(res.status).toBe(200);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual([
      '约考：名额使用（全部大队，2026-11-30 至 2026-12-01）',
      '科目,考试场次,名额,已约,约满率,缺考,取消场次',
      '科目一,3,40,23,57.5%,4,0',
      '科目二,1,5,2,40.0%,0,1',
      '合计,4,45,25,55.6%,4,1',
    ]);
    expect(res.headers['content-disposition']).toContain('stats-exams-2026-11-30-2026-12-01.csv');
    expect((await get(admin, { ...RANGE, chart: 'pie' }, '/api/admin/stats.csv')).status).toBe(400);
  });
});
