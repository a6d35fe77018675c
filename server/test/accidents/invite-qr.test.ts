// GET /api/accidents/:id/invite-qr: the reporter's invitation as a QR code of the join link.
import QRCode from 'qrcode';
import { loginDriver, type TestContext } from '../support/context';
import { startAccidentContext, steps } from './flow';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(() => ctx.reset());

const qr = (token: string, id: number) => ctx.http.get(`/api/accidents/${id}/invite-qr`).set('Authorization', `Bearer ${token}`);

describe('GET /api/accidents/:id/invite-qr', () => {
  it('gives the reporter an SVG QR code of the join link carrying the code', async () => {
    const a = await loginDriver(ctx);
    const { body } = await s.report(a.token);
    const res = await qr(a.token, body.id);
    expect(res.status).toBe(200);
    expect(res.body.inviteCode).toBe(body.inviteCode);
    expect(res.body.joinUrl).toMatch(new RegExp(`/#/pages/accident/join/index\\?code=${body.inviteCode}$`));
    const svg = Buffer.from(res.body.image.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString();
    expect(svg).toContain('<svg');
    // The same modules as a QR code made from the join link itself.
    expect(svg).toBe(await QRCode.toString(res.body.joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
  });

  it('is not shown to another driver (404) nor once the other party has joined (409)', async () => {
    const a = await loginDriver(ctx);
    const { body } = await s.report(a.token);
    const stranger = await loginDriver(ctx);
    expect((await qr(stranger.token, body.id)).status).toBe(404);
    await s.join(stranger.token, body.inviteCode);
    const after = await qr(a.token, body.id);
    expect(after.status).toBe(409);
    expect(after.body.error.code).toBe('INVALID_STATE');
  });
});
