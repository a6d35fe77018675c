// The staff password rules, stated once: the change-password page lists them and checks as the user
// types, the server refuses what breaks them (POST /api/me/password, npm run admin).
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** The rules in the words the page shows. */
export const PASSWORD_RULES = [`至少${PASSWORD_MIN_LENGTH}个字符`, '不能与用户名相同', '不能与当前密码相同'] as const;

/** What is wrong with a new password, in plain Chinese; null when it may be used. */
export function passwordProblem(next: string, context: { username: string; current?: string }): string | null {
  if ([...next].length < PASSWORD_MIN_LENGTH) return `新密码至少需要${PASSWORD_MIN_LENGTH}个字符`;
  if (next.length > PASSWORD_MAX_LENGTH) return `新密码不能超过${PASSWORD_MAX_LENGTH}个字符`;
  if (next.trim().toLowerCase() === context.username.trim().toLowerCase()) return '新密码不能与用户名相同';
  if (context.current !== undefined && next === context.current) return '新密码不能与当前密码相同';
  return null;
}
