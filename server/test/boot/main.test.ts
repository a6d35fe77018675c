// The real boot: a bad setting exits with one line; SIGTERM drains and exits cleanly.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { testDatabaseUrl } from '../support/databases';

const SERVER_DIR = path.resolve(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function boot(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('main.ts', () => {
  it('exits 1 with a one-line reason on a bad setting', async () => {
    const p = boot({ PORT: 'not-a-port' });
    expect(await p.exited).toBe(1);
    expect(p.err().trim().split('\n')).toHaveLength(1);
    expect(p.err()).toMatch(/configuration error: invalid PORT/);
  });

  it('refuses production with the default secret', async () => {
    const p = boot({ NODE_ENV: 'production', WECHAT_APPID: 'wx1', WECHAT_SECRET: 's' });
    expect(await p.exited).toBe(1);
    expect(p.err()).toMatch(/APP_SECRET/);
  });

  it('serves, then on SIGTERM finishes in-flight requests, stops and exits 0', async () => {
    const [port, fakePort] = [await freePort(), await freePort()];
    const p = boot({ PORT: String(port), FAKE_WECHAT_PORT: String(fakePort), DATABASE_URL: testDatabaseUrl() });
    const base = `http://127.0.0.1:${port}`;
    let ready = false;
    for (let i = 0; i < 100 && !ready; i++) {
      ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
      if (!ready) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready).toBe(true);
    // The fake WeChat came up with it (no AppID configured).
    expect((await fetch(`http://127.0.0.1:${fakePort}/__inspect/messages`)).status).toBe(200);
    const inFlight = fetch(`${base}/readyz`);
    p.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('"msg":"stopped"');
  }, 60_000);
});
