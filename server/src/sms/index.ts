// The SMS channel's provider from configuration: the Tencent Cloud adapter (against Tencent or the
// project's fake gateway), or none when SMS is off.
import type { Config } from '../config';
import type { Logger } from '../logger';
import { SMS_TEMPLATE_KEYS } from './templates';
import { TencentSmsProvider } from './tencent';

export * from './provider';
export * from './templates';
export { TencentSmsProvider, RECEIPTS_PER_PULL } from './tencent';

/**
 * The provider, or undefined when the SMS channel is off (`config.sms.offReason` says why; main.ts
 * logs whether the channel is on). Warns about template keys without an id: those are not sent.
 */
export function createSmsProvider(config: Config, log?: Logger): TencentSmsProvider | undefined {
  const sms = config.sms;
  if (sms.provider === 'off') return undefined;
  const missing = SMS_TEMPLATE_KEYS.filter((key) => !sms.templates[key]);
  if (missing.length > 0) log?.warn({ missing }, 'SMS templates without an id are not sent (SMS_TEMPLATE_<KEY>)');
  return new TencentSmsProvider(sms);
}
