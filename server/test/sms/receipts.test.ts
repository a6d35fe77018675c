// Receipts pulled from the fake gateway through the adapter are recorded once, masked.
import { createDb, type Db } from '../../src/db';
import { pullSmsReceipts, recordSmsReceipts } from '../../src/sms/receipts';
import { buildSms } from '../../src/sms/templates';
import { testDatabaseUrl } from '../support/databases';
import { startSmsHarness, type SmsHarness } from './helpers';

describe('SMS receipts', () => {
  let h: SmsHarness;
  let db: Db;
  beforeAll(async () => {
    h = await startSmsHarness({ undeliverablePhones: ['13900139000'] });
    db = createDb(testDatabaseUrl(), 2);
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });
  beforeEach(async () => {
    h.reset();
    await db.smsReceipt.deleteMany();
  });

  const msg = buildSms('accident_confirmed', { caseId: 1, caseNumber: 'SG20261209123456' });

  it('pulls and records each receipt once, the phone masked', async () => {
    const a = await h.provider.send({ phone: '13800138000', ...msg, sessionContext: 'outbox:7' });
    const b = await h.provider.send({ phone: '13900139000', ...msg });
    expect(await pullSmsReceipts(db, h.provider)).toEqual({ pulled: 2, recorded: 2 });
    expect(await pullSmsReceipts(db, h.provider)).toEqual({ pulled: 0, recorded: 0 });
    const rows = await db.smsReceipt.findMany({ orderBy: { id: 'asc' } });
    expect(rows).toEqual([
      expect.objectContaining({ messageId: a.messageId, phone: '138****8000', status: 'DELIVERED', sessionContext: 'outbox:7', deliveredAt: expect.any(Date) }),
      expect.objectContaining({ messageId: b.messageId, phone: '139****9000', status: 'FAILED', sessionContext: null }),
    ]);
  });

  it('a receipt recorded twice (two processes) stays one row', async () => {
    const receipt = { messageId: '2433:1', phone: '13800138000', status: 'DELIVERED' as const, deliveredAt: null };
    expect(await recordSmsReceipts(db, [receipt])).toBe(1);
    expect(await recordSmsReceipts(db, [receipt])).toBe(0);
    expect(await db.smsReceipt.count()).toBe(1);
  });
});
