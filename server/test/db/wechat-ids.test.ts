// WeChat openids and unionids differ by letter case alone: the columns holding them compare bytes.
import { startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

describe('WeChat ids', () => {
  it('are stored in binary-collated columns', async () => {
    const rows = await ctx.db.$queryRaw<{ t: string; c: string; collation: string }[]>`
      SELECT TABLE_NAME t, COLUMN_NAME c, COLLATION_NAME collation FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE()
         AND ((TABLE_NAME = 'Driver' AND COLUMN_NAME IN ('openid', 'unionid'))
           OR (TABLE_NAME = 'OfficialAccountFollower' AND COLUMN_NAME IN ('openid', 'unionid')))
       ORDER BY TABLE_NAME, COLUMN_NAME`;
    expect(rows.map((r) => `${r.t}.${r.c} ${r.collation}`)).toEqual([
      'Driver.openid utf8mb4_bin',
      'Driver.unionid utf8mb4_bin',
      'OfficialAccountFollower.openid utf8mb4_bin',
      'OfficialAccountFollower.unionid utf8mb4_bin',
    ]);
  });

  it('two users whose openids differ only in case are two drivers, each found by their own id', async () => {
    const lower = await ctx.db.driver.create({ data: { openid: 'oAbCdEfGh123', unionid: 'uXyZ1' } });
    const upper = await ctx.db.driver.create({ data: { openid: 'OABCDEFGH123', unionid: 'UXYZ1' } });
    expect(upper.id).not.toBe(lower.id);
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { openid: 'oAbCdEfGh123' } })).id).toBe(lower.id);
    expect(await ctx.db.driver.findUnique({ where: { openid: 'oabcdefgh123' } })).toBeNull();
  });
});
