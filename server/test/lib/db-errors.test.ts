// One recogniser for unique violations and lock conflicts, whatever layer raised them, and one retry.
import { isLockConflict, isUniqueViolation, withRetry } from '../../src/lib/db-errors';
import { pageArgs, pageQuery, slicePage } from '../../src/lib/pagination';
import { startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());
const afterCleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const undo of afterCleanup.splice(0)) await undo();
});

describe('database errors', () => {
  it('knows a duplicate key from Prisma and from the raw driver, and by index name', async () => {
    await ctx.db.unit.create({ data: { code: 'dup-test', name: '测试' } });
    // Units survive ctx.reset() (they come with the migrations): this one must not outlive the test.
    afterCleanup.push(() => ctx.db.unit.deleteMany({ where: { code: 'dup-test' } }));
    const viaPrisma = await ctx.db.unit.create({ data: { code: 'dup-test', name: '测试' } }).catch((e: unknown) => e);
    expect(isUniqueViolation(viaPrisma)).toBe(true);
    expect(isUniqueViolation(viaPrisma, 'code')).toBe(true);
    expect(isUniqueViolation(viaPrisma, 'no_such_index')).toBe(false);
    const viaDriver = await ctx.db.sql.query("INSERT INTO Unit (code, name) VALUES ('dup-test', '测试')").catch((e: unknown) => e);
    expect(isUniqueViolation(viaDriver)).toBe(true);
    expect(isLockConflict(viaDriver)).toBe(false);
  });

  it("keeps a failed statement's values (personal data) out of the driver's error messages", async () => {
    const idNumber = '370402198503121010';
    const failed = await ctx.db.sql.query('SELECT ? FROM no_such_table', [idNumber]).catch((e: unknown) => e as Error);
    expect((failed as Error).message).toMatch(/no_such_table/);
    expect((failed as Error).message).not.toContain(idNumber);
  });

  it('knows a lock conflict from its errno or its message, and nothing else', () => {
    expect(isLockConflict({ errno: 1213, message: 'Deadlock found when trying to get lock' })).toBe(true);
    expect(isLockConflict({ errno: 1205, message: 'Lock wait timeout exceeded' })).toBe(true);
    expect(isLockConflict(new Error('WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction'))).toBe(true);
    expect(isLockConflict(new Error('Unknown column'))).toBe(false);
    expect(isLockConflict(undefined)).toBe(false);
  });

  it('retries a lock conflict and gives up after the attempts, never retrying other errors', async () => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls += 1;
      if (calls < 3) throw { errno: 1213, message: 'Deadlock found' };
      return 'done';
    }, { attempts: 3, backoffMs: () => 0 });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });

    calls = 0;
    await expect(withRetry(async () => { calls += 1; throw { errno: 1213 }; }, { attempts: 2, backoffMs: () => 0 })).rejects.toEqual({ errno: 1213 });
    expect(calls).toBe(2);

    calls = 0;
    await expect(withRetry(async () => { calls += 1; throw new Error('bad input'); })).rejects.toThrow('bad input');
    expect(calls).toBe(1);
  });
});

describe('pagination', () => {
  it('turns a page into skip/take and cuts lists in memory the same way', () => {
    const q = pageQuery.parse({ page: '3', pageSize: '10' });
    expect(pageArgs(q)).toEqual({ skip: 20, take: 10 });
    expect(slicePage([...Array(25).keys()], q)).toEqual({ items: [20, 21, 22, 23, 24], total: 25 });
    expect(pageQuery.safeParse({ pageSize: '101' }).success).toBe(false);
    expect(pageQuery.parse({})).toEqual({ page: 1, pageSize: 20 });
  });
});
