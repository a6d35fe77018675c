// The SMS template table: each template's params match its text, fit their limits, and are
// accepted by the fake gateway through the real adapter.
import { FAKE_SMS } from '../../src/config';
import {
  SMS_TEMPLATES,
  SMS_TEMPLATE_KEYS,
  buildSms,
  fitSmsCode,
  fitSmsParam,
  paramCount,
  renderSms,
  smsTemplateOfEvent,
  type SmsTemplateData,
  type SmsTemplateKey,
} from '../../src/sms/templates';
import { startSmsHarness } from './helpers';

const startsAt = new Date('2026-12-09T01:00:00Z'); // 09:00 in Shanghai
const caseNumber = 'SG20261209123456';
const long = '这是一段远远超过十二个字的很长很长的说明文字';

/** Sample data per template, ordinary and overlong. */
const SAMPLES: { [K in SmsTemplateKey]: SmsTemplateData[K][] } = {
  exam_result: [
    { bookingId: 1, subject: 1, startsAt, venue: '枣庄考场', result: 'PASS' },
    { bookingId: 1, subject: 4, startsAt, venue: long, result: 'NO_SHOW' },
  ],
  exam_booking_confirmed: [
    { bookingId: 1, subject: 2, startsAt, venue: '滕州市机动车驾驶人考场' },
    { bookingId: 1, subject: 4, startsAt, venue: long },
  ],
  exam_booking_rejected: [{ bookingId: 1, subject: 3, startsAt, venue: '枣庄考场' }],
  exam_session_cancelled: [
    { bookingId: 1, subject: 1, startsAt, venue: '枣庄考场', reason: '考场设备检修' },
    { bookingId: 1, subject: 1, startsAt, venue: '枣庄考场' },
    { bookingId: 1, subject: 1, startsAt, venue: '枣庄考场', reason: long },
  ],
  accident_returned: [
    { caseId: 1, caseNumber, reason: '照片不清晰' },
    { caseId: 1, caseNumber, reason: `详见 https://example.com/x ${long}` },
    { caseId: 1, caseNumber, reason: '   ' },
  ],
  accident_confirmed: [{ caseId: 1, caseNumber }],
  accident_transferred: [{ caseId: 1, caseNumber, note: '有人受伤' }],
  claim_settled: [
    { caseId: 1, caseNumber, insurer: '人保财险' },
    { caseId: 1, caseNumber, insurer: '中国人民财产保险股份有限公司枣庄市分公司' },
  ],
  violation_new: [
    { violationId: 1, plate: '鲁D12345', occurredAt: startsAt, place: '光明大道', description: '闯红灯', fineFen: 20000, points: 6 },
    { violationId: 1, plate: '鲁DD12345', occurredAt: startsAt, place: long, description: long, fineFen: 0, points: 0 },
  ],
};

describe('SMS templates', () => {
  it('each key has a template whose params match its text, for an event', () => {
    expect(Object.keys(SMS_TEMPLATES).sort()).toEqual([...SMS_TEMPLATE_KEYS].sort());
    for (const key of SMS_TEMPLATE_KEYS) {
      const t = SMS_TEMPLATES[key];
      expect(t.key).toBe(key);
      expect(paramCount(t.text)).toBe(t.params.length);
      expect(smsTemplateOfEvent(t.event)).toBe(key);
      // Plain Simplified Chinese without a signature's brackets or links.
      expect(t.text).toMatch(/\p{Script=Han}/u);
      expect(t.text).not.toMatch(/[【】]|https?:|www\./);
    }
    expect(smsTemplateOfEvent('exam.reminder')).toBeNull();
  });

  it('the events that must reach people have a template (API.md)', () => {
    for (const event of ['exam.result', 'exam.booking_confirmed', 'exam.booking_rejected', 'exam.session_cancelled', 'accident.returned', 'accident.confirmed', 'accident.transferred', 'claim.settled']) {
      expect(smsTemplateOfEvent(event)).not.toBeNull();
    }
  });

  it('built params fit their limits, whatever the data', () => {
    for (const key of SMS_TEMPLATE_KEYS) {
      for (const data of SAMPLES[key] as SmsTemplateData[typeof key][]) {
        const { params } = buildSms(key, data as never);
        const specs = SMS_TEMPLATES[key].params;
        expect(params).toHaveLength(specs.length);
        params.forEach((p, i) => {
          expect(p.length).toBeGreaterThan(0);
          expect(p.length).toBeLessThanOrEqual(specs[i]!.max);
          expect(p).not.toMatch(/https?:|www\.|[{}【】]/);
        });
      }
    }
  });

  it('reads as expected', () => {
    const t = (key: SmsTemplateKey, data: unknown) => renderSms(SMS_TEMPLATES[key].text, buildSms(key, data as never).params);
    expect(t('exam_result', SAMPLES.exam_result[0])).toBe('您2026年12月9日参加的科目一考试结果为：合格。详情请在交管服务小程序查看。');
    expect(t('exam_booking_confirmed', SAMPLES.exam_booking_confirmed[0])).toBe(
      '您已成功预约科目二考试，时间：12月9日 09:00，地点：滕州市机动车驾驶人考场。请携带身份证按时参加。',
    );
    expect(t('exam_session_cancelled', SAMPLES.exam_session_cancelled[1])).toBe(
      '因考试安排调整，您预约的科目一考试（12月9日 09:00）已取消，请在交管服务小程序重新预约。',
    );
    expect(t('accident_returned', SAMPLES.accident_returned[2])).toBe(
      '您的事故快处案件SG20261209123456已被退回，原因：材料需补充。请在交管服务小程序补充后重新提交。',
    );
  });

  it('fitSmsParam: control characters and links out, whitespace collapsed, cut with … never inside a character', () => {
    expect(fitSmsParam('  照片\n\t模糊  ')).toBe('照片 模糊');
    expect(fitSmsParam('见 http://a.b/c 说明')).toBe('见 说明');
    expect(fitSmsParam('', 12, '无')).toBe('无');
    expect(fitSmsParam('一二三四五六七八九十壹贰叁')).toBe('一二三四五六七八九十壹…');
    // An emoji counts as two; it is never split.
    const cut = fitSmsParam('一二三四五六七八九十😀😀');
    expect(cut).toBe('一二三四五六七八九十…');
    expect(fitSmsParam('一二三四五六七八九十😀')).toBe('一二三四五六七八九十😀');
    expect(fitSmsParam('{1}【测试】')).toBe('1测试');
    expect(fitSmsCode('SG2026 1209-123456（x）')).toBe('SG20261209-123456x');
  });

  it('every template, built from sample data, is accepted by the fake gateway', async () => {
    const h = await startSmsHarness();
    try {
      for (const key of SMS_TEMPLATE_KEYS) {
        for (const data of SAMPLES[key]) await h.provider.send({ phone: '13800138000', ...buildSms(key, data as never) });
      }
      const items = h.gateway.messages();
      expect(items.every((m) => m.code === 'Ok')).toBe(true);
      expect(new Set(items.map((m) => m.templateId))).toEqual(new Set(Object.values(FAKE_SMS.templates)));
    } finally {
      await h.close();
    }
  });
});
