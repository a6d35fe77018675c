// Asks the user to allow notification messages at the natural moments (a tap that submits an
// accident, books an exam or asks a question) and reports each answer to the server.
import Taro from '@tarojs/taro'
import { reportSubscriptions, templateIds, type SubscribeAnswer, type SubscribeKey } from '@/api/notifications'

let cachedIds: Record<SubscribeKey, string> | undefined

/**
 * Must run inside a tap handler (WeChat only shows the dialog then). In the browser build there is
 * no such dialog: it does nothing and reports nothing. Never throws: a refusal must not block the
 * action the user tapped for.
 */
export async function askToSubscribe(keys: SubscribeKey[]): Promise<Partial<Record<SubscribeKey, SubscribeAnswer>>> {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP || keys.length === 0) return {}
  try {
    cachedIds ??= (await templateIds()).templates
    const ids = cachedIds
    // At most 3 templates per call (WECHAT.md §3).
    const wanted = keys.slice(0, 3)
    // Taro's option type also requires Alipay's entityIds; WeChat takes tmplIds only.
    const option = { tmplIds: wanted.map((k) => ids[k]) } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0]
    const result = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>
    const answers: Partial<Record<SubscribeKey, SubscribeAnswer>> = {}
    for (const key of wanted) {
      const answer = result[ids[key]]
      if (answer !== undefined) answers[key] = answer === 'accept' || answer === 'acceptWithAudio' ? 'accept' : 'reject'
    }
    if (Object.keys(answers).length > 0) {
      rememberAnswers(answers)
      await reportSubscriptions(answers)
    }
    return answers
  } catch {
    return {}
  }
}

/** Fetches the template ids ahead of the taps (WeChat may refuse a dialog opened after a wait). */
export async function preloadSubscribeTemplates(): Promise<void> {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP || cachedIds) return
  try {
    cachedIds = (await templateIds()).templates
  } catch {
    // Asked again at the first tap.
  }
}

/** Forgets the cached template ids (tests). */
export function resetSubscribeCache(): void {
  cachedIds = undefined
}

const ANSWERS_KEY = 'jg.subscriptions'

/** The last answer given on this phone per template (我的 shows them; the server keeps the grants). */
export function lastAnswers(): Partial<Record<SubscribeKey, SubscribeAnswer>> {
  const stored = Taro.getStorageSync(ANSWERS_KEY) as unknown
  return stored && typeof stored === 'object' ? (stored as Partial<Record<SubscribeKey, SubscribeAnswer>>) : {}
}

function rememberAnswers(answers: Partial<Record<SubscribeKey, SubscribeAnswer>>): void {
  Taro.setStorageSync(ANSWERS_KEY, { ...lastAnswers(), ...answers })
}
