// The template table: each keyword value rule, and every event rendering data WeChat accepts.
import {
  fitAmount, fitCarNumber, fitCharacterString, fitDate, fitName, fitNumber, fitPhoneNumber, fitPhrase, fitThing, fitTime,
  invalidKeyword, officialTemplateData, renderMessage, TEMPLATE_KEYWORDS,
} from '../../src/modules/notifications/templates';
import type { EventData, EventName } from '../../src/modules/notifications/events';
import { isValidKeywordValue } from '../../src/wechat/keyword-rules';
import { SUBJECT_LABELS } from '@jiaoguan/contracts/labels';
import { PAGES } from '@jiaoguan/contracts/pages';
import { appPages } from '../support/app-pages';

describe('keyword value rules', () => {
  it('thing: keeps up to 20 characters and cuts longer ones at a character boundary with an ellipsis', () => {
    expect(fitThing('一二三四五六七八九十一二三四五六七八九十')).toBe('一二三四五六七八九十一二三四五六七八九十');
    const cut = fitThing('一二三四五六七八九十一二三四五六七八九十超出');
    expect([...cut]).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
    // A character outside the BMP (two UTF-16 units) is never split.
    const emoji = fitThing('😀'.repeat(25));
    expect([...emoji]).toHaveLength(20);
    expect(emoji).toBe('😀'.repeat(19) + '…');
    expect(isValidKeywordValue('thing', emoji)).toBe(true);
    expect(fitThing('第一行\n第二行\t')).toBe('第一行 第二行');
    expect(fitThing('   ')).toBe('详见小程序');
  });

  it('time and date: Asia/Shanghai, in formats WeChat accepts', () => {
    const at = new Date('2026-12-08T17:05:00Z'); // 2026-12-09 01:05 in Shanghai
    expect(fitTime(at)).toBe('2026年12月9日 01:05');
    expect(fitDate(at)).toBe('2026年12月9日');
    expect(isValidKeywordValue('time', fitTime(at))).toBe(true);
    expect(isValidKeywordValue('date', fitDate(at))).toBe(true);
  });

  it('car_number: at most 8, Chinese only first or last, upper-cased; impossible values give null', () => {
    expect(fitCarNumber('鲁d·12345')).toBe('鲁D12345');
    expect(fitCarNumber('鲁D 1234学')).toBe('鲁D1234学');
    expect(isValidKeywordValue('car_number', fitCarNumber('鲁D12345')!)).toBe(true);
    expect(fitCarNumber('鲁D123456789')).toBeNull();
    expect(fitCarNumber('鲁鲁D123')).toBeNull();
  });

  it('phrase: at most 5 Chinese characters only', () => {
    expect(fitPhrase('已确认OK!')).toBe('已确认');
    expect(fitPhrase('对方已经加入了案件')).toBe('对方已经加');
    expect(fitPhrase('OK')).toBe('已更新');
    for (const v of ['已确认', '对方已经加']) expect(isValidKeywordValue('phrase', v)).toBe(true);
  });

  it('character_string, number, name, phone_number and amount fit their rules', () => {
    expect(fitCharacterString('SG-2026 中文 0001')).toBe('SG-20260001');
    expect(fitCharacterString('x'.repeat(40))).toHaveLength(32);
    expect(isValidKeywordValue('character_string', fitCharacterString('SG-2026 中文 0001'))).toBe(true);
    expect(fitNumber(12)).toBe('12');
    expect(isValidKeywordValue('number', fitNumber(3.14159))).toBe(true);
    expect(fitName('欧阳娜娜娜娜娜娜娜娜娜')).toHaveLength(10);
    expect(isValidKeywordValue('name', fitName('张伟123'))).toBe(true);
    expect(fitPhoneNumber('0632-1234 5678')).toBe('0632-12345678');
    expect(isValidKeywordValue('phone_number', fitPhoneNumber('+86 0632 1234567')!)).toBe(true);
    expect(fitAmount(20050)).toBe('¥200.50');
    expect(isValidKeywordValue('amount', fitAmount(20050))).toBe(true);
  });
});

const SAMPLES: { [E in EventName]: EventData[E] } = {
  'accident.partner_joined': { caseId: 1, caseNumber: 'SG20260001', partnerPlate: '鲁D·A1234' },
  'accident.signature_awaited': { caseId: 1, caseNumber: 'SG20260001' },
  'accident.submitted': { caseId: 1, caseNumber: 'SG20260001' },
  'accident.confirmed': { caseId: 1, caseNumber: 'SG20260001' },
  'accident.returned': { caseId: 1, caseNumber: 'SG20260001', reason: '碰撞部位照片看不清楚，请在光线充足处重新拍摄两张近景照片' },
  'accident.transferred': { caseId: 1, caseNumber: 'SG20260001', note: '双方对责任有争议' },
  'accident.expired': { caseId: 1, caseNumber: 'SG20260001' },
  'exam.booking_confirmed': { bookingId: 2, subject: 1, startsAt: new Date('2026-12-09T01:00:00Z'), venue: '枣庄市车管所科目一考场（光明大道2666号东门进入）' },
  'exam.booking_rejected': { bookingId: 2, subject: 2, startsAt: new Date('2026-12-09T01:00:00Z'), venue: '滕州科目二考场' },
  'exam.reminder': { bookingId: 2, subject: 3, startsAt: new Date('2026-12-09T01:00:00Z'), venue: '薛城科目三考场' },
  'exam.result': { bookingId: 2, subject: 4, startsAt: new Date('2026-12-09T01:00:00Z'), venue: '薛城科目三考场', result: 'NO_SHOW' },
  'exam.session_changed': {
    bookingId: 2,
    subject: 2,
    startsAt: new Date('2026-12-10T01:00:00Z'),
    venue: '滕州科目二考场',
    previousStartsAt: new Date('2026-12-09T01:00:00Z'),
    previousVenue: '薛城科目二考场',
  },
  'exam.session_cancelled': { bookingId: 2, subject: 2, startsAt: new Date('2026-12-09T01:00:00Z'), venue: '滕州科目二考场', reason: '考场设备检修' },
  'consultation.replied': { consultationId: 3, excerpt: '您好，驾驶证到期前90日内可以在交管12123或者任一车管所窗口申请换证。' },
  'claim.received': { caseId: 1, caseNumber: 'SG20260001', claimId: 7, insurer: '中国人保财险', hotline: '95518' },
  'claim.assessing': { caseId: 1, caseNumber: 'SG20260001', claimId: 7, insurer: '中国人保财险', hotline: '95518', note: '已安排查勘员，请保持电话畅通，定损地点为滕州市善国北路维修站' },
  'claim.settled': { caseId: 1, caseNumber: 'SG20260001', claimId: 7, insurer: '中国人保财险', hotline: '95518', note: '赔款3200元已转入您的账户' },
  'violation.new': {
    violationId: 4,
    plate: '鲁DD12345',
    occurredAt: new Date('2026-11-30T10:30:00Z'),
    place: '枣庄市市中区光明大道与青檀路交叉口（由东向西）',
    description: '驾驶机动车违反道路交通信号灯通行的',
    fineFen: 20000,
    points: 6,
  },
  'vehicle.inspection_due': { vehicleId: 5, plate: '鲁D12345', dueAt: new Date('2026-12-30T16:00:00Z'), daysLeft: 29 },
  'licence.expiring': { licenceId: 6, validUntil: new Date('2027-02-28T16:00:00Z'), daysLeft: 89 },
  'licence.points_high': { licenceId: 6, points: 9, cycleEndsAt: new Date('2027-03-14T16:00:00Z') },
};

describe('every event renders a message WeChat accepts', () => {
  it.each(Object.keys(SAMPLES) as EventName[])('%s', (event) => {
    // Stored payloads come back from JSON, with times as strings.
    const stored = JSON.parse(JSON.stringify(SAMPLES[event]));
    const m = renderMessage(event, stored, new Date('2026-12-01T02:00:00Z'));
    expect(Object.keys(m.data).sort()).toEqual(Object.keys(TEMPLATE_KEYWORDS[m.templateKey]).sort());
    expect(invalidKeyword(m.data)).toBeNull();
    expect(m.page).toMatch(/^pages\//);
    // The page a message opens (message centre and WeChat alike) must be a page of the app.
    expect(appPages()).toContain(`/${m.page.split('?')[0]}`);
    expect(officialTemplateData(m)).toMatchObject({ first: m.title, remark: m.body, keyword1: Object.values(m.data)[0] });
  });

  it('puts the exam time in Shanghai time and the result as a phrase', () => {
    const m = renderMessage('exam.result', JSON.parse(JSON.stringify(SAMPLES['exam.result'])), new Date());
    expect(m.data).toMatchObject({ thing1: `${SUBJECT_LABELS[4]}考试`, time2: '2026年12月9日 09:00', phrase4: '缺考' });
    expect(m.body).toContain(SUBJECT_LABELS[4]);
  });
});

describe('pages linked to', () => {
  it('are exactly the pages of the mini-program (app.config.ts)', () => {
    expect([...Object.values(PAGES)].sort()).toEqual([...appPages()].sort());
  });
});
