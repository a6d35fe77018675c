// WeChat's content check (msg_sec_check) of text a driver writes for others to read: consultations,
// and an accident's place and descriptions.
import type { AppDeps } from '../deps';
import { ruleSaysNo } from '../http/errors';

export type TextVerdict = 'pass' | 'review' | 'risky' | 'unchecked';

/**
 * Asks WeChat's msg_sec_check about a driver's text. When WeChat cannot answer, the text is
 * 'unchecked': the caller decides whether it waits for a person to look at it or goes on marked.
 */
export async function checkText(deps: AppDeps, driverId: number, content: string): Promise<TextVerdict> {
  if (!deps.wechat.msgSecCheck) return 'unchecked';
  const driver = await deps.db.driver.findUniqueOrThrow({ where: { id: driverId }, select: { openid: true } });
  // A deleted account has no openid left to ask WeChat about.
  if (!driver.openid) return 'unchecked';
  try {
    const result = await deps.wechat.msgSecCheck({ openid: driver.openid, content, scene: 2 });
    return result.suggest;
  } catch (err) {
    deps.log.warn({ err }, 'msg_sec_check failed; the text is marked unchecked');
    return 'unchecked';
  }
}

/** 422 CONTENT_REJECTED: WeChat judged the text risky. Nothing is stored. */
export const contentRejected = () =>
  ruleSaysNo('CONTENT_REJECTED', 'RISKY_CONTENT', '内容包含不适宜发布的信息，请修改后再提交');

/**
 * Checks several texts in one call (the empty ones left out): risky → throws 422 CONTENT_REJECTED;
 * otherwise the verdict, 'pass' when there was nothing to check.
 */
export async function requireAcceptableText(deps: AppDeps, driverId: number, texts: (string | null | undefined)[]): Promise<Exclude<TextVerdict, 'risky'>> {
  const content = texts.filter((t): t is string => !!t && t.trim() !== '').join('\n');
  if (!content) return 'pass';
  const verdict = await checkText(deps, driverId, content);
  if (verdict === 'risky') throw contentRejected();
  return verdict;
}
