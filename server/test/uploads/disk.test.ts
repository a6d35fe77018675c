// What an upload leaves in the upload folder: every refused upload nothing at all; a case at most
// 40 files, also under a parallel burst, with exactly one file on disk per row.
import { mkdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app';
import { MAX_FILES_PER_CASE } from '../../src/modules/accidents/use-cases/add-photo';
import { loginDriver, type TestContext } from '../support/context';
import { startAccidentContext, steps } from '../accidents/flow';
import { filesUnder, jpeg, png } from './images';

let ctx: TestContext;
let s: ReturnType<typeof steps>;
beforeAll(async () => {
  ctx = await startAccidentContext();
  s = steps(ctx);
});
afterAll(() => ctx.close());
beforeEach(async () => {
  await ctx.reset();
  await rm(ctx.deps.config.uploadDir, { recursive: true, force: true });
  await mkdir(ctx.deps.config.uploadDir);
});

const onDisk = () => filesUnder(ctx.deps.config.uploadDir);

async function openCase() {
  const a = await loginDriver(ctx);
  const res = await s.report(a.token);
  return { a, id: res.body.id as number };
}

type Refusal = [string, number, (c: { token: string; id: number }) => Promise<{ status: number }>];

const refusals: Refusal[] = [
  ['a file over 10 MB', 413, (c) => s.upload(c.token, c.id, 'EXTRA', jpeg(1000, 800, { padTo: 10 * 1024 * 1024 + 1 }), 'big.jpg')],
  ['a file that is not an image', 415, (c) => s.upload(c.token, c.id, 'EXTRA', Buffer.from('<?php echo 1; ?>'.repeat(500)), 'photo.jpg')],
  ['a photo under 320×240', 422, (c) => s.upload(c.token, c.id, 'OVERVIEW_FRONT', png(300, 200))],
  ['a good image with an unknown slot', 400, (c) => s.upload(c.token, c.id, 'SELFIE', png(640, 480))],
  [
    'two files in one request',
    400,
    (c) =>
      ctx.http.post(`/api/accidents/${c.id}/photos`).set(s.auth(c.token)).field('slot', 'EXTRA').attach('file', png(640, 480, 1), 'a.png').attach('file', png(640, 480, 2), 'b.png'),
  ],
  [
    'a body that breaks off inside the file',
    400,
    (c) =>
      ctx.http
        .post(`/api/accidents/${c.id}/photos`)
        .set(s.auth(c.token))
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send(Buffer.concat([Buffer.from('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n'), png(640, 480)])),
  ],
  [
    "a case that is not the caller's",
    404,
    async (c) => s.upload((await loginDriver(ctx)).token, c.id, 'EXTRA', png(640, 480)),
  ],
  [
    'a case that has left the parties',
    409,
    async (c) => {
      await ctx.http.post(`/api/accidents/${c.id}/cancel`).set(s.auth(c.token));
      return s.upload(c.token, c.id, 'EXTRA', png(640, 480));
    },
  ],
];

describe('a refused upload', () => {
  it.each(refusals)('leaves no file behind: %s → %i', async (_what, status, send) => {
    const { a, id } = await openCase();
    expect((await s.upload(a.token, id, 'EXTRA')).status).toBe(201);
    const before = await onDisk();
    expect(before).toHaveLength(1);
    expect((await send({ token: a.token, id })).status).toBe(status);
    expect(await onDisk()).toEqual(before);
    expect(await ctx.db.evidenceFile.count()).toBe(1);
  });

  it('leaves no file behind when the client goes away halfway through the file', async () => {
    const { a, id } = await openCase();
    const app = buildApp(ctx.deps);
    // Koa would print the cut-off request's parse error.
    app.silent = true;
    const server = http.createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const boundary = 'cutoff';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="slot"\r\n\r\nEXTRA\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      );
      const req = http.request({
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        method: 'POST',
        path: `/api/accidents/${id}/photos`,
        headers: { Authorization: `Bearer ${a.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + 4_000_000 },
      });
      req.on('error', () => undefined);
      req.write(head);
      // Two megabytes of a four-megabyte photo, then the connection drops.
      req.write(jpeg(2000, 1500, { padTo: 2_000_000 }).subarray(0, 2_000_000));
      await new Promise((resolve) => setTimeout(resolve, 300));
      req.destroy();
      for (let i = 0; i < 50 && (await onDisk()).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await onDisk()).toEqual([]);
      expect(await ctx.db.evidenceFile.count()).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the 40 files of a case', () => {
  it('refuses the 41st before its body is read, with nothing written', async () => {
    const { a, id } = await openCase();
    for (let i = 0; i < MAX_FILES_PER_CASE; i++) expect((await s.upload(a.token, id, 'EXTRA')).status).toBe(201);
    const before = await onDisk();
    expect(before).toHaveLength(MAX_FILES_PER_CASE);
    const refused = await s.upload(a.token, id, 'EXTRA', jpeg(2000, 1500, { padTo: 5 * 1024 * 1024 }), 'big.jpg');
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'TOO_MANY_FILES', message: '每起事故最多上传40张照片' });
    expect(await onDisk()).toEqual(before);
    expect(await ctx.db.evidenceFile.count({ where: { caseId: id } })).toBe(MAX_FILES_PER_CASE);
  });

  it('stores exactly 40 of a parallel burst of 50, one file on disk for each row', async () => {
    const { a, id } = await openCase();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => s.upload(a.token, id, 'EXTRA', png(400, 300, 1000 + i))));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(MAX_FILES_PER_CASE);
    expect(answers.filter((r) => r.status === 422)).toHaveLength(10);
    const rows = await ctx.db.evidenceFile.findMany({ where: { caseId: id }, select: { storageKey: true } });
    expect(rows).toHaveLength(MAX_FILES_PER_CASE);
    expect(await onDisk()).toEqual(rows.map((r) => r.storageKey).sort());
  });
});
