// POST /api/me/identity: check character, names on record, one WeChat account per ID number.
import { idNumberCheckChar, loginDriver, startTestContext, type TestContext } from '../support/context';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestContext();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const ID = '37040219850312101' + idNumberCheckChar('37040219850312101');
const bind = (token: string, body: object) =>
  ctx.http.post('/api/me/identity').set('Authorization', `Bearer ${token}`).send(body);

async function addLicence(idNumber: string, name: string) {
  await ctx.db.licence.create({
    data: { idNumber, name, licenceClass: 'C1', firstIssuedAt: new Date('2010-01-01'), validUntil: new Date('2030-01-01'), status: 'A' },
  });
}

describe('POST /api/me/identity', () => {
  it('binds a valid number whose name matches the licence, and masks it afterwards', async () => {
    await addLicence(ID, '张伟');
    const d = await loginDriver(ctx);
    const res = await bind(d.token, { idNumber: ID, name: '张伟' });
    expect(res.status).toBe(200);
    expect(res.body.identity).toMatchObject({ bound: true, name: '张伟', idNumber: `${ID.slice(0, 6)}********${ID.slice(-4)}` });
    expect(JSON.stringify(res.body)).not.toContain(ID);
    const me = await ctx.http.get('/api/me').set('Authorization', `Bearer ${d.token}`);
    expect(me.body.identity.bound).toBe(true);
    expect(await ctx.db.auditLog.count({ where: { action: 'driver.identity_bound' } })).toBe(1);
  });

  it('answers 400 for a wrong check character and binds nothing', async () => {
    const d = await loginDriver(ctx);
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const res = await bind(d.token, { idNumber: wrong, name: '张伟' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0]).toMatchObject({ path: 'idNumber' });
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { id: d.id } })).idNumber).toBeNull();
  });

  it('accepts a lower-case x and stores it upper-case', async () => {
    const first17 = '11010519491231002';
    expect(idNumberCheckChar(first17)).toBe('X');
    const d = await loginDriver(ctx);
    const res = await bind(d.token, { idNumber: `${first17}x`, name: '王芳' });
    expect(res.status).toBe(200);
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { id: d.id } })).idNumber).toBe(`${first17}X`);
  });

  it('answers 422 when the name does not match the records', async () => {
    await addLicence(ID, '张伟');
    const d = await loginDriver(ctx);
    const res = await bind(d.token, { idNumber: ID, name: '李四' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.reason).toBe('NAME_MISMATCH');
    expect((await ctx.db.driver.findUniqueOrThrow({ where: { id: d.id } })).idNumber).toBeNull();
  });

  it('answers 409 IDENTITY_TAKEN when another WeChat account holds the number', async () => {
    const first = await loginDriver(ctx);
    const second = await loginDriver(ctx);
    expect((await bind(first.token, { idNumber: ID, name: '张伟' })).status).toBe(200);
    const res = await bind(second.token, { idNumber: ID, name: '张伟' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IDENTITY_TAKEN');
  });

  it('gives the number to exactly one of two accounts binding at once', async () => {
    const a = await loginDriver(ctx);
    const b = await loginDriver(ctx);
    const results = await Promise.all([bind(a.token, { idNumber: ID, name: '张伟' }), bind(b.token, { idNumber: ID, name: '张伟' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await ctx.db.driver.count({ where: { idNumber: ID } })).toBe(1);
  });

  it('is idempotent for the same number and refuses a different one once bound', async () => {
    const d = await loginDriver(ctx);
    expect((await bind(d.token, { idNumber: ID, name: '张伟' })).status).toBe(200);
    expect((await bind(d.token, { idNumber: ID, name: '张伟' })).status).toBe(200);
    const other = '11010519491231002X';
    const res = await bind(d.token, { idNumber: other, name: '张伟' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('IDENTITY_ALREADY_BOUND');
  });
});
