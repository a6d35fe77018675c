// Driver tokens carry a signed claim (driver id, expiry): only a token this key signed, unaltered
// and unexpired, yields one; everything else is left to the database look-up.
import { randomBytes } from 'node:crypto';
import { DriverTokens } from '../../src/http/driver-token';
import { hashToken, newToken } from '../../src/http/auth';

const tokens = new DriverTokens('a-test-secret-of-some-length');
const inAnHour = () => new Date(Date.now() + 3_600_000);

it('reads back the driver of a token it minted, and the database keeps its hash', () => {
  const { token, tokenHash } = tokens.mint(123_456, inAnHour());
  expect(token).toMatch(/^[A-Za-z0-9_-]{55}$/);
  expect(tokenHash).toBe(hashToken(token));
  expect(tokens.claim(token)).toEqual({ driverId: 123_456 });
});

it('two tokens of one driver differ', () => {
  const expires = inAnHour();
  expect(tokens.mint(7, expires).token).not.toBe(tokens.mint(7, expires).token);
});

it('gives no claim for an altered token, another key, an expired token, a staff token or junk', () => {
  const { token } = tokens.mint(42, inAnHour());
  for (let at = 0; at < token.length; at++) {
    // Every position altered, the last one included: a base64url character whose low bits the
    // decoder drops is still changed in a way the MAC sees or the length refuses.
    const altered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    const claim = tokens.claim(altered);
    if (claim) expect(Buffer.from(altered, 'base64url').equals(Buffer.from(token, 'base64url'))).toBe(true);
  }
  expect(new DriverTokens('another-secret-entirely').claim(token)).toBeUndefined();
  expect(tokens.claim(tokens.mint(42, new Date(Date.now() - 1000)).token)).toBeUndefined();
  expect(tokens.claim(newToken().token)).toBeUndefined();
  expect(tokens.claim(randomBytes(41).toString('base64url'))).toBeUndefined();
  expect(tokens.claim(undefined)).toBeUndefined();
  expect(tokens.claim(token.slice(0, 54))).toBeUndefined();
});
