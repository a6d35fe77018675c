// The dispatcher as a periodic job (every second): used by `npm start` and by the standalone worker.
import type { AppDeps } from '../../deps';
import type { Job } from '../../workers/runner';
import { createWechatClients, type WechatClientOptions } from '../../wechat';
import { createSmsProvider } from '../../sms';
import { Dispatcher, type DispatcherOptions } from './dispatcher';

type DispatcherDeps = Pick<AppDeps, 'config' | 'db' | 'log'> & Partial<Pick<AppDeps, 'limits'>>;

/** The dispatcher with WeChat and, where configured, SMS (which needs `limits` for its per-phone cap). */
export function createDispatcher(deps: DispatcherDeps, options: DispatcherOptions = {}, wechatOptions: WechatClientOptions = {}): Dispatcher {
  return new Dispatcher(deps.db, deps.config, createWechatClients(deps.config, deps.db, wechatOptions), deps.log, {
    sms: createSmsProvider(deps.config, deps.log),
    limits: deps.limits,
    ...options,
  });
}

export function createDispatcherJob(deps: DispatcherDeps, everyMs = 1_000): Job {
  const dispatcher = createDispatcher(deps);
  return { name: 'notification-dispatcher', everyMs, run: () => dispatcher.drain() };
}
