// Test helpers: the fake SMS gateway on a free loopback port, attached to a fake WeChat (whose port
// answers /__inspect/sms and /__faults), and the real Tencent SDK adapter pointed at the gateway.
import { FAKE_SMS } from '../../src/config';
import { createFakeSmsGateway, type FakeSmsGateway, type FakeSmsGatewayOptions, type FakeSmsGatewayServer } from '../../src/sms/fake';
import { TencentSmsProvider, type TencentSmsOptions } from '../../src/sms/tencent';
import { createFakeWechat, type FakeWechat, type FakeWechatServer } from '../../src/wechat/fake';

export interface SmsHarness {
  gateway: FakeSmsGateway;
  gatewayServer: FakeSmsGatewayServer;
  wechat: FakeWechat;
  wechatServer: FakeWechatServer;
  /** The adapter with the fake's credentials and template ids. */
  provider: TencentSmsProvider;
  newProvider(overrides?: Partial<TencentSmsOptions>): TencentSmsProvider;
  /** Calls the fake WeChat's port (its hooks). */
  wechatCall(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  reset(): void;
  close(): Promise<void>;
}

export async function startSmsHarness(options: FakeSmsGatewayOptions = {}): Promise<SmsHarness> {
  const gateway = createFakeSmsGateway(options);
  const gatewayServer = await gateway.listen(0);
  const wechat = createFakeWechat({ sms: gateway });
  const wechatServer = await wechat.listen(0);
  const providers: TencentSmsProvider[] = [];
  const newProvider = (overrides: Partial<TencentSmsOptions> = {}) => {
    const provider = new TencentSmsProvider({
      endpoint: gatewayServer.url,
      region: 'ap-guangzhou',
      secretId: FAKE_SMS.secretId,
      secretKey: FAKE_SMS.secretKey,
      sdkAppId: FAKE_SMS.sdkAppId,
      signName: FAKE_SMS.signName,
      templates: { ...FAKE_SMS.templates },
      timeoutMs: 5000,
      ...overrides,
    });
    providers.push(provider);
    return provider;
  };
  const wechatCall = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(wechatServer.url + path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed as any };
  };
  return {
    gateway,
    gatewayServer,
    wechat,
    wechatServer,
    provider: newProvider(),
    newProvider,
    wechatCall,
    reset: () => wechat.reset(),
    close: async () => {
      for (const p of providers) p.close();
      await wechatServer.close();
      await gatewayServer.close();
    },
  };
}

/** Resolves with the error the promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
