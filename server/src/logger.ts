// Structured JSON logs (pino); request logs carry the request id.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'jiaoguan' },
    redact: { paths: ['req.headers.authorization', 'password', '*.password', 'token'], remove: true },
  });
}
