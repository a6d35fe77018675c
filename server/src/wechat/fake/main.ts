// Standalone entry: runs the fake WeChat alone on FAKE_WECHAT_PORT (default 3001), FAKE_WECHAT_HOST (default 127.0.0.1).
// With DEMO_DATA=true the demo user follows its official account, as when main.ts runs it; with
// FAKE_SMS_PORT the fake SMS gateway runs beside it (its list at this port's /__inspect/sms), with
// the credentials and templates a server given WECHAT_FAKE uses. npm run cluster runs this one.
import pino from 'pino';
import { createFakeSmsGateway } from '../../sms/fake';
import { createFakeWechat, fakeOfficialAccountOpenId, fakeUnionId } from './index';

const logger = pino({ name: 'fake-wechat' });

async function main(): Promise<void> {
  const port = Number(process.env.FAKE_WECHAT_PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`FAKE_WECHAT_PORT must be a port number, got ${process.env.FAKE_WECHAT_PORT}`);
  }
  const host = process.env.FAKE_WECHAT_HOST ?? '127.0.0.1';
  const demo = ['true', '1', 'yes'].includes(process.env.DEMO_DATA ?? '');
  const followers = demo ? [{ openid: fakeOfficialAccountOpenId('demo'), unionid: fakeUnionId('demo') }] : [];
  const sms = process.env.FAKE_SMS_PORT ? createFakeSmsGateway() : undefined;
  const server = await createFakeWechat({ followers, sms }).listen(port, host);
  logger.info({ url: server.url }, 'fake WeChat listening');
  const smsServer = sms ? await sms.listen(Number(process.env.FAKE_SMS_PORT), host) : undefined;
  if (smsServer) logger.info({ url: smsServer.url, inspect: `${server.url}/__inspect/sms` }, 'fake SMS gateway listening');
  const stop = (signal: string) => {
    logger.info({ signal }, 'fake WeChat stopping');
    Promise.all([server.close(), smsServer?.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'fake WeChat failed to start');
  process.exit(1);
});
