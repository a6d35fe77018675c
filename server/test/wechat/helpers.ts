// Test helpers: start the fake WeChat on a free loopback port and build clients and hook calls against it.
import { createFakeWechat, type FakeWechat, type FakeWechatOptions, type FakeWechatServer } from '../../src/wechat/fake';
import { MiniProgramClient, type MiniProgramClientOptions } from '../../src/wechat/mini-program-client';

export const APP_ID = 'wx-fake-appid';
export const SECRET = 'fake-secret';

export interface FakeHarness {
  fake: FakeWechat;
  server: FakeWechatServer;
  url: string;
  /** A client whose getAccessToken fetches a stable token once and reuses it until WeChat refuses it. */
  client: MiniProgramClient;
  newClient(overrides?: Partial<MiniProgramClientOptions>): MiniProgramClient;
  /** Calls a test hook or raw path of the fake; resolves with the status and parsed JSON (or text). */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startFake(options?: FakeWechatOptions): Promise<FakeHarness> {
  const fake = createFakeWechat(options);
  const server = await fake.listen(0);
  const newClient = (overrides: Partial<MiniProgramClientOptions> = {}): MiniProgramClient => {
    let token: string | undefined;
    const client: MiniProgramClient = new MiniProgramClient({
      baseUrl: server.url,
      appId: APP_ID,
      secret: SECRET,
      getAccessToken: async () => (token ??= (await client.getStableToken()).accessToken),
      // reset() forgets the fake's tokens: drop ours and fetch again, as the token store will.
      invalidateAccessToken: () => {
        token = undefined;
      },
      ...overrides,
    });
    return client;
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(server.url + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed as any };
  };
  return { fake, server, url: server.url, client: newClient(), newClient, call, close: () => server.close() };
}

/** Resolves with the WechatError (or any error) the promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
