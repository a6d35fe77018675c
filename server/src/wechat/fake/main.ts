// Standalone entry: runs the fake WeChat alone on FAKE_WECHAT_PORT (default 3001), FAKE_WECHAT_HOST (default 127.0.0.1).
import pino from 'pino';
import { createFakeWechat } from './index';

const logger = pino({ name: 'fake-wechat' });

async function main(): Promise<void> {
  const port = Number(process.env.FAKE_WECHAT_PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`FAKE_WECHAT_PORT must be a port number, got ${process.env.FAKE_WECHAT_PORT}`);
  }
  const host = process.env.FAKE_WECHAT_HOST ?? '127.0.0.1';
  const server = await createFakeWechat().listen(port, host);
  logger.info({ url: server.url }, 'fake WeChat listening');
  const stop = (signal: string) => {
    logger.info({ signal }, 'fake WeChat stopping');
    server.close().then(
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
