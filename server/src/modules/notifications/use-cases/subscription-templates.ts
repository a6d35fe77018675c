// The subscribe-message template id of each key, for the client's requestSubscribeMessage.
import type { AppDeps } from '../../../deps';

export async function subscriptionTemplates(deps: Pick<AppDeps, 'config'>, _input: Record<string, never> = {}) {
  return { templates: deps.config.wechat.templates };
}
