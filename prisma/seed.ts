// Demo data for `npm start` (never production): staff, learners, exam sessions, licences,
// vehicles, violations, FAQ entries and accident cases, enough to try every screen. Idempotent:
// running it again updates the same rows instead of adding more.
import type { PrismaClient } from '../server/src/generated/prisma/client';
import { hashPassword } from '../server/src/modules/auth/password';
import { idNumberCheckChar } from '@jiaoguan/contracts/id-number';
import { vinCheckDigit } from '@jiaoguan/contracts/vin';
import type { FileStorage } from '../server/src/modules/uploads/storage';
import { notify } from '../server/src/modules/notifications/notify';
import { fakeOfficialAccountOpenId, fakeOpenId, fakeUnionId } from '../server/src/wechat/fake/ids';
import { seedAccidentDemoData } from './seed-accidents';
import { loadDirectory, matchInsurer } from '../server/src/modules/insurers/directory';

export const DEMO_PASSWORD = 'demo-pass-2026';

export const DEMO_STAFF = [
  { username: 'admin', role: 'ADMIN', displayName: '系统管理员', unit: null },
  { username: 'officer.tengzhou', role: 'OFFICER', displayName: '滕州大队民警', unit: 'tengzhou' },
  { username: 'officer.shizhong', role: 'OFFICER', displayName: '市中大队民警', unit: 'shizhong' },
  { username: 'agent1', role: 'AGENT', displayName: '客服一号', unit: null },
  // An insurer's claims staff: sees only 中国人保财险's claims (the insurer console).
  { username: 'insurer.picc', role: 'INSURER', displayName: '人保财险理赔员', unit: null, insurer: 'PICC' },
] as const;

/** Completes 17 digits with their GB 11643 check character. */
const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
/** Completes a VIN whose 9th character is a placeholder with its check digit. */
const vin = (draft: string) => draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);

export const DEMO_PEOPLE = {
  zhangWei: { name: '张伟', idNumber: idNumber('37040219850312101'), phone: '13800000001' },
  liNa: { name: '李娜', idNumber: idNumber('37048119920708202'), phone: '13900000002' },
  wangQiang: { name: '王强', idNumber: idNumber('37040319780125303'), phone: '13700000003' },
  zhaoMin: { name: '赵敏', idNumber: idNumber('37040420010915404'), phone: '13600000004' },
  sunLei: { name: '孙磊', idNumber: idNumber('37040520030402505'), phone: '13500000005' },
  zhouJie: { name: '周杰', idNumber: idNumber('37040619990621606'), phone: '13400000006' },
};

const DAY = 86_400_000;
const daysFromNow = (days: number, hourShanghai = 9) => {
  const d = new Date(Date.now() + days * DAY);
  // Midnight in Asia/Shanghai (UTC+8, no daylight saving) plus the hour.
  const shanghaiMidnightUtc = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - 8 * 3_600_000;
  return new Date(shanghaiMidnightUtc + hourShanghai * 3_600_000);
};
const date = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

/** `storage` receives the demo cases' photos and signatures (the server's upload directory). */
export async function seedDemoData(db: PrismaClient, storage: FileStorage): Promise<Record<string, number>> {
  const units = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The insurers' directory comes with the migrations (reference data, like the units).
  const insurers = new Map((await db.insurer.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  for (const s of DEMO_STAFF) {
    const unitId = s.unit ? units.get(s.unit) ?? null : null;
    const insurerId = 'insurer' in s ? insurers.get(s.insurer) ?? null : null;
    // Keeps a password an admin has changed; only creates missing accounts and fixes role/unit.
    await db.staff.upsert({
      where: { username: s.username },
      create: { username: s.username, passwordHash, role: s.role, displayName: s.displayName, unitId, insurerId },
      update: { role: s.role, displayName: s.displayName, unitId, insurerId, active: true },
      select: { id: true },
    });
  }

  const p = DEMO_PEOPLE;
  const licences = [
    { ...p.zhangWei, fileNumber: '370400100001', licenceClass: 'C1', firstIssuedAt: date('2010-05-20'), validUntil: date('2030-05-20'), status: 'A', points: 3 },
    { ...p.liNa, fileNumber: '370400100002', licenceClass: 'C2', firstIssuedAt: date('2016-09-01'), validUntil: date('2026-09-01'), status: 'A', points: 0 },
    { ...p.wangQiang, fileNumber: '370400100003', licenceClass: 'A2', firstIssuedAt: date('2001-03-15'), validUntil: date('2031-03-15'), status: 'A', points: 9 },
  ];
  for (const l of licences) {
    await db.licence.upsert({ where: { idNumber: l.idNumber }, create: l, update: l, select: { id: true } });
  }

  const learners = [
    { ...p.zhaoMin, licenceClass: 'C1', appliedAt: date('2026-09-01'), permitIssuedAt: date('2026-09-20'), subject1PassedAt: date('2026-09-20') },
    { ...p.sunLei, licenceClass: 'C1', appliedAt: date('2026-11-10'), permitIssuedAt: null, subject1PassedAt: null },
    {
      ...p.zhouJie, licenceClass: 'C2', appliedAt: date('2026-06-01'), permitIssuedAt: date('2026-06-25'),
      subject1PassedAt: date('2026-06-25'), subject2PassedAt: date('2026-08-30'),
    },
  ];
  for (const l of learners) {
    await db.learner.upsert({ where: { idNumber: l.idNumber }, create: l, update: l, select: { id: true } });
  }

  const venues = [
    { name: '枣庄市车管所科目一考场', address: '枣庄市市中区光明大道2666号', unitId: units.get('shizhong') ?? null },
    { name: '滕州科目二考场', address: '滕州市善国北路1号', unitId: units.get('tengzhou') ?? null },
    { name: '薛城科目三考场', address: '枣庄市薛城区黄河路88号', unitId: units.get('xuecheng') ?? null },
  ];
  const venueIds: number[] = [];
  for (const v of venues) {
    const row = await db.venue.upsert({ where: { name: v.name }, create: v, update: v, select: { id: true } });
    venueIds.push(row.id);
  }
  // Sessions are dated from today, so they are only added when none lie ahead.
  const upcoming = await db.examSession.count({ where: { startsAt: { gt: new Date() } } });
  if (upcoming === 0) {
    const open = new Date(Date.now() - DAY);
    await db.examSession.createMany({
      data: [
        { subject: 1, licenceClass: 'C1', venueId: venueIds[0], startsAt: daysFromNow(12, 9), capacity: 60, bookingOpensAt: open, bookingClosesAt: daysFromNow(9, 17), allocation: 'FIRST_COME' },
        { subject: 1, licenceClass: 'C1', venueId: venueIds[0], startsAt: daysFromNow(14, 14), capacity: 60, bookingOpensAt: open, bookingClosesAt: daysFromNow(11, 17), allocation: 'FIRST_COME' },
        { subject: 2, licenceClass: 'C1', venueId: venueIds[1], startsAt: daysFromNow(15, 8), capacity: 30, bookingOpensAt: open, bookingClosesAt: daysFromNow(12, 17), allocation: 'RANKED' },
        { subject: 2, licenceClass: 'C2', venueId: venueIds[1], startsAt: daysFromNow(16, 8), capacity: 20, bookingOpensAt: open, bookingClosesAt: daysFromNow(13, 17), allocation: 'RANKED' },
        { subject: 3, licenceClass: 'C2', venueId: venueIds[2], startsAt: daysFromNow(18, 8), capacity: 20, bookingOpensAt: open, bookingClosesAt: daysFromNow(15, 17), allocation: 'RANKED' },
        { subject: 4, licenceClass: 'C2', venueId: venueIds[0], startsAt: daysFromNow(20, 9), capacity: 80, bookingOpensAt: open, bookingClosesAt: daysFromNow(17, 17), allocation: 'FIRST_COME' },
      ],
    });
  }

  const vehicles = [
    { plate: '鲁D12345', plateType: '02', vin: vin('LSVAM4180C2184847'), ownerIdNumber: p.zhangWei.idNumber, brand: '大众', model: '朗逸', registeredAt: date('2018-04-10'), inspectionDueAt: date('2027-04-30'), insuranceExpiresAt: date('2027-04-09'), status: 'A' },
    { plate: '鲁DD12345', plateType: '52', vin: vin('LGXCE4CB0N0123456'), ownerIdNumber: p.zhangWei.idNumber, brand: '比亚迪', model: '秦PLUS', registeredAt: date('2022-08-18'), inspectionDueAt: date('2028-08-31'), insuranceExpiresAt: date('2027-08-17'), status: 'A' },
    { plate: '鲁D6M789', plateType: '02', vin: vin('LFV2A21K0A3012345'), ownerIdNumber: p.liNa.idNumber, brand: '丰田', model: '卡罗拉', registeredAt: date('2012-01-05'), inspectionDueAt: date('2026-10-31'), insuranceExpiresAt: date('2026-12-31'), status: 'A' },
  ];
  for (const v of vehicles) {
    await db.vehicle.upsert({ where: { vin: v.vin }, create: v, update: v, select: { id: true } });
  }

  const violations = [
    { plate: '鲁D12345', plateType: '02', occurredAt: new Date('2026-10-12T01:35:00Z'), place: '枣庄市市中区光明路与君山路交叉口', code: '1625', description: '驾驶机动车违反道路交通信号灯通行的', fineFen: 20000, points: 6, status: 'UNPROCESSED' as const },
    { plate: '鲁D12345', plateType: '02', occurredAt: new Date('2026-08-03T09:10:00Z'), place: '滕州市荆河路', code: '1039', description: '机动车违反规定停放、临时停车，驾驶人不在现场，妨碍其他车辆、行人通行的', fineFen: 10000, points: 0, status: 'PAID' as const },
    { plate: '鲁D6M789', plateType: '02', occurredAt: new Date('2026-11-02T03:20:00Z'), place: '枣庄市薛城区泰山路', code: '1352', description: '驾驶中型以上载客载货汽车、危险物品运输车辆以外的其他机动车行驶超过规定时速10%未达20%的', fineFen: 5000, points: 1, status: 'PROCESSED' as const },
  ];
  for (const v of violations) {
    await db.violation.upsert({
      where: { plate_plateType_occurredAt_code: { plate: v.plate, plateType: v.plateType, occurredAt: v.occurredAt, code: v.code } },
      create: v,
      update: v,
      select: { id: true },
    });
  }

  const faqs = [
    { category: 'violation' as const, question: '违法记录在哪里处理？', answer: '可在"业务查询-违法记录"中查看，记分的违法需到违法行为发生地或车辆登记地的交警大队窗口处理，罚款可网上缴纳。', keywords: '违法,罚款,记分,处理,缴纳' },
    { category: 'exam' as const, question: '考试预约后可以取消吗？', answer: '已确认的预约在考试前一个工作日之前可以在线取消，之后不能取消；缺考按不合格计。', keywords: '取消,预约,考试,缺考' },
    { category: 'accident' as const, question: '什么样的事故可以快处快赔？', answer: '仅造成车辆损失、无人员伤亡、车辆能够移动、双方证件齐全有效的事故，可以使用快处快赔；有人受伤请立即拨打122。', keywords: '事故,快处,快赔,剐蹭,追尾' },
    { category: 'licence' as const, question: '驾驶证到期怎么换证？', answer: '驾驶证有效期满前90日内，可携带身份证和体检证明到车管所或通过线上渠道申请换证。', keywords: '驾驶证,到期,换证,有效期,体检' },
  ];
  for (const f of faqs) {
    const existing = await db.faqEntry.findFirst({ where: { question: f.question }, select: { id: true } });
    if (existing) await db.faqEntry.update({ where: { id: existing.id }, data: f, select: { id: true } });
    else await db.faqEntry.create({ data: f, select: { id: true } });
  }

  await seedExamDemoData(db);
  await seedConsultationDemoData(db);
  await seedNotificationDemoData(db);
  const accidents = await seedAccidentDemoData(db, storage, {
    A: { plate: '鲁D12345', driverName: p.zhangWei.name, licenceNumber: p.zhangWei.idNumber, phone: '13800000001', insurer: '中国人保', policyNumber: 'PICC2026001', vehicleType: '小型轿车', collisionPart: '车头' },
    B: { plate: '鲁D6M789', driverName: p.liNa.name, licenceNumber: p.liNa.idNumber, phone: '13900000002', insurer: '平安保险', policyNumber: 'PA2026002', vehicleType: '小型轿车', collisionPart: '车尾' },
  });
  // The demo cases' claims go to the directory's insurers their parties named, as a decision does.
  const directory = await loadDirectory(db);
  for (const claim of await db.insuranceClaim.findMany({ where: { insurerId: null }, select: { id: true, insurer: true } })) {
    const insurer = matchInsurer(directory, claim.insurer);
    if (insurer) await db.insuranceClaim.update({ where: { id: claim.id }, data: { insurerId: insurer.id }, select: { id: true } });
  }

  return {
    staff: DEMO_STAFF.length,
    licences: licences.length,
    learners: learners.length,
    sessions: await db.examSession.count(),
    vehicles: vehicles.length,
    violations: violations.length,
    accidents,
  };
}

/** Learners for the exam journeys: one to book first-come, three to compete for a ranked session. */
export const DEMO_EXAM_LEARNERS = {
  fengXue: { name: '冯雪', idNumber: idNumber('37040219950404444'), phone: '15800000007' },
  qianCheng: { name: '钱程', idNumber: idNumber('37040219960505111'), phone: '15800000008' },
  wuHao: { name: '吴昊', idNumber: idNumber('37040219970606222'), phone: '15800000009' },
  zhengShuang: { name: '郑爽', idNumber: idNumber('37040219980707333'), phone: '15800000010' },
};
export const DEMO_RANKED_VENUE = '枣庄市车管所科目二演示考场';

/** Exam booking demo data: learners, a small ranked session (2 seats for 3 applicants), a holiday. */
async function seedExamDemoData(db: PrismaClient): Promise<void> {
  const e = DEMO_EXAM_LEARNERS;
  const learners = [
    { ...e.fengXue, licenceClass: 'C1', appliedAt: date('2026-11-01'), permitIssuedAt: null, subject1PassedAt: null },
    // Sort times are the application dates: 钱程 and 吴昊 rank ahead of 郑爽.
    { ...e.qianCheng, licenceClass: 'C1', appliedAt: date('2026-05-10'), permitIssuedAt: date('2026-06-01'), subject1PassedAt: date('2026-06-01') },
    { ...e.wuHao, licenceClass: 'C1', appliedAt: date('2026-06-15'), permitIssuedAt: date('2026-07-01'), subject1PassedAt: date('2026-07-01') },
    { ...e.zhengShuang, licenceClass: 'C1', appliedAt: date('2026-07-20'), permitIssuedAt: date('2026-08-01'), subject1PassedAt: date('2026-08-01') },
  ];
  for (const l of learners) {
    await db.learner.upsert({ where: { idNumber: l.idNumber }, create: l, update: l, select: { id: true } });
  }
  const venue = await db.venue.upsert({
    where: { name: DEMO_RANKED_VENUE },
    create: { name: DEMO_RANKED_VENUE, address: '枣庄市市中区光明大道2666号' },
    update: {},
    select: { id: true },
  });
  const open = await db.examSession.count({ where: { venueId: venue.id, allocatedAt: null, bookingClosesAt: { gt: new Date() } } });
  if (open === 0) {
    await db.examSession.create({
      data: {
        subject: 2,
        licenceClass: 'C1',
        venueId: venue.id,
        startsAt: daysFromNow(16, 9),
        capacity: 2,
        bookingOpensAt: new Date(Date.now() - DAY),
        bookingClosesAt: daysFromNow(13, 17),
        allocation: 'RANKED',
      },
      select: { id: true },
    });
  }
  const newYear = new Date('2027-01-01T00:00:00Z');
  await db.calendarDay.upsert({
    where: { date: newYear },
    create: { date: newYear, isWorkday: false, name: '元旦' },
    update: {},
    select: { date: true },
  });
}

/** The agent desk's canned replies and FAQ entries for the categories the list above leaves out. */
async function seedConsultationDemoData(db: PrismaClient): Promise<void> {
  const canned = [
    { category: null, title: '问候', content: '您好，这里是枣庄交警在线客服，很高兴为您服务。' },
    { category: null, title: '结束语', content: '如还有其他问题，欢迎随时咨询。祝您出行平安！' },
    { category: 'violation' as const, title: '网上缴款', content: '已处理的罚款可在“业务查询-违法记录”中在线缴纳，逾期每日加处罚款数额3%的滞纳金。' },
    { category: 'licence' as const, title: '换证材料', content: '换证请携带身份证、驾驶证和县级以上医院出具的体检证明，有效期满前90日内均可办理。' },
    { category: 'vehicle' as const, title: '年检提醒', content: '机动车应在检验有效期届满前3个月内检验，逾期未检验的不得上路行驶。' },
    { category: 'exam' as const, title: '预约规则', content: '考试预约按排序时间分配名额，预约结果会通过消息通知您，请留意。' },
  ];
  for (const c of canned) {
    const existing = await db.cannedReply.findFirst({ where: { title: c.title }, select: { id: true } });
    if (existing) await db.cannedReply.update({ where: { id: existing.id }, data: c, select: { id: true } });
    else await db.cannedReply.create({ data: c, select: { id: true } });
  }
  const faqs = [
    { category: 'vehicle' as const, question: '机动车什么时候需要年检？', answer: '非营运小型汽车自注册登记起10年内实行6年免检（每2年申领检验标志），之后按规定周期上线检验；检验有效期可在“业务查询-机动车”中查看。', keywords: '年检,检验,免检,机动车,审车' },
    { category: 'other' as const, question: '怎样联系人工客服？', answer: '在“在线咨询”中选择类别并描述问题，工作时间内客服会尽快回复；紧急情况请拨打122。', keywords: '人工,客服,电话,联系' },
  ];
  for (const f of faqs) {
    const existing = await db.faqEntry.findFirst({ where: { question: f.question }, select: { id: true } });
    if (existing) await db.faqEntry.update({ where: { id: existing.id }, data: f, select: { id: true } });
    else await db.faqEntry.create({ data: f, select: { id: true } });
  }
}

/** The demo WeChat user of the notification demo: log in with the fake-login name `demo`. */
export const DEMO_NOTIFIED_DRIVER = 'demo';

/**
 * Notification demo: the fake user `demo` follows the official account, has accepted three
 * accident-progress and exam messages, and has one message (a confirmed exam booking) that the
 * dispatcher pushes to the fake WeChat at start and that waits in the message centre.
 */
async function seedNotificationDemoData(db: PrismaClient): Promise<void> {
  const openid = fakeOpenId(DEMO_NOTIFIED_DRIVER);
  const unionid = fakeUnionId(DEMO_NOTIFIED_DRIVER);
  const driver = await db.driver.upsert({
    where: { openid },
    create: { openid, unionid, nickname: DEMO_NOTIFIED_DRIVER, followsOfficialAccount: true },
    update: { unionid, followsOfficialAccount: true },
    select: { id: true },
  });
  await db.officialAccountFollower.upsert({
    where: { unionid },
    create: { unionid, openid: fakeOfficialAccountOpenId(DEMO_NOTIFIED_DRIVER) },
    update: {},
    select: { unionid: true },
  });
  for (const templateKey of ['accident_progress', 'exam_booking']) {
    const existing = await db.subscriptionQuota.findUnique({ where: { driverId_templateKey: { driverId: driver.id, templateKey } } });
    if (!existing) await db.subscriptionQuota.create({ data: { driverId: driver.id, templateKey, remaining: 3, accepted: 3 } });
  }
  await notify(db, {
    driverId: driver.id,
    event: 'exam.booking_confirmed',
    data: { bookingId: 0, subject: 1, startsAt: daysFromNow(7, 9), venue: '枣庄市车管所科目一考场' },
    dedupeKey: 'demo:exam-booking-confirmed',
  });
}
