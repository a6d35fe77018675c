// The dispatcher as a periodic job (every second): used by `npm start` and by the standalone worker.
import type { AppDeps } from '../../deps';
import type { Job } from '../../workers/runner';
import { createWechatClients, type WechatClientOptions } from '../../wechat';
import { Dispatcher, type DispatcherOptions } from './dispatcher';

export function createDispatcher(
  deps: Pick<AppDeps, 'config' | 'db' | 'log'>,
  options: DispatcherOptions = {},
  wechatOptions: WechatClientOptions = {},
): Dispatcher {
  return new Dispatcher(deps.db, deps.config, createWechatClients(deps.config, deps.db, wechatOptions), deps.log, options);
}

export function createDispatcherJob(deps: Pick<AppDeps, 'config' | 'db' | 'log'>, everyMs = 1_000): Job {
  const dispatcher = createDispatcher(deps);
  return { name: 'notification-dispatcher', everyMs, run: () => dispatcher.drain() };
}
