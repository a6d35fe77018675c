// The one-push rule, branch by branch (channel-rule.ts).
import { chooseChannel, MUST_REACH, noChannelReason, type Reach } from '../../src/modules/notifications/channel-rule';

const nobody: Reach = { subscribeGrant: false, followsOfficialAccount: false, phone: null, smsAvailable: true };

describe('chooseChannel', () => {
  it('1. a subscribe grant wins over everything else', () => {
    expect(chooseChannel('accident.confirmed', { subscribeGrant: true, followsOfficialAccount: true, phone: '13800000001', smsAvailable: true })).toBe('SUBSCRIBE');
  });

  it('2. without a grant, a follower gets the official-account template', () => {
    expect(chooseChannel('accident.confirmed', { ...nobody, followsOfficialAccount: true, phone: '13800000001' })).toBe('OFFICIAL_TEMPLATE');
  });

  it('3. without either, an event that must reach them goes by SMS to the phone known', () => {
    expect(chooseChannel('exam.result', { ...nobody, phone: '13800000001' })).toBe('SMS');
  });

  it('3. … but not without a phone, nor with SMS off', () => {
    expect(chooseChannel('exam.result', nobody)).toBeNull();
    expect(chooseChannel('exam.result', { ...nobody, phone: '13800000001', smsAvailable: false })).toBeNull();
  });

  it('4. an event that need not reach them gets no SMS: the message centre only', () => {
    expect(chooseChannel('accident.submitted', { ...nobody, phone: '13800000001' })).toBeNull();
    expect(chooseChannel('exam.reminder', { ...nobody, phone: '13800000001' })).toBeNull();
  });

  it('lists the events API.md says must reach people, and a new violation (the legal notice within 5 days)', () => {
    expect([...MUST_REACH].sort()).toEqual(
      [
        'accident.confirmed', 'accident.returned', 'accident.transferred', 'claim.settled', 'exam.booking_confirmed', 'exam.booking_rejected', 'exam.result', 'exam.session_cancelled',
        'violation.new',
      ].sort(),
    );
  });

  it('sends a new violation by SMS where WeChat cannot reach, but not the reminders a driver can look up', () => {
    const reachable = { ...nobody, phone: '13800000001' };
    expect(chooseChannel('violation.new', reachable)).toBe('SMS');
    for (const event of ['vehicle.inspection_due', 'licence.expiring', 'licence.points_high']) expect(chooseChannel(event, reachable)).toBeNull();
  });

  it('says in Chinese why nothing was pushed', () => {
    expect(noChannelReason('accident.submitted', nobody)).toContain('消息中心');
    expect(noChannelReason('exam.result', nobody)).toContain('手机号');
    expect(noChannelReason('exam.result', { ...nobody, phone: '13800000001', smsAvailable: false })).toContain('短信未开通');
  });
});
