// Deterministic ids the fake WeChat hands out for a login code `fake:<name>`, so tests and seeds can predict them.
import { createHash } from 'node:crypto';

function digest(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('base64url');
}

/** The mini-program openid of fake user `name` (28 characters, like a real one). */
export function fakeOpenId(name: string): string {
  return `o${digest(name).slice(0, 27)}`;
}

/** The unionid of fake user `name` (28 characters, different prefix and hash from the openid). */
export function fakeUnionId(name: string): string {
  return `u${digest(`unionid:${name}`).slice(0, 27)}`;
}

/** The official-account openid of fake user `name` (differs from the mini-program openid, as on WeChat). */
export function fakeOfficialAccountOpenId(name: string): string {
  return `oa-${fakeOpenId(name).slice(1)}`;
}

/** The user name in a fake login code `fake:<name>` or `fake:<name>:<anything>`, or null for any other code. */
export function fakeCodeName(code: string): string | null {
  const match = /^fake:([^:]+)(?::[\s\S]*)?$/.exec(code);
  return match ? match[1]! : null;
}
