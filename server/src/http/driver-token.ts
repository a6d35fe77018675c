// A driver's session token says whose it is: a claim (driver id, expiry) and random bytes, signed
// with a key derived from APP_SECRET. The LoginSession row (the token's SHA-256) stays what makes
// a token valid, revocable at once; the claim is read only where a request may be refused from
// memory before that row is read (RouteSpec.refuseBeforeAuth: a session known full), so a
// booking morning's refusals cost no query. Hand-written rather than a JWT library: 41 bytes and one
// HMAC, no header to negotiate, and nothing in it a client may read or choose.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashToken } from './auth';

const VERSION = 1;
/** version (1) + driver id (4) + expiry in Unix seconds (4) + random (16) */
const SIGNED = 25;
/** HMAC-SHA256 truncated to 128 bits. */
const MAC = 16;
const LENGTH = SIGNED + MAC;
/** Its base64url text, unpadded. */
const TEXT_LENGTH = Math.ceil((LENGTH * 4) / 3);

export interface DriverClaim {
  driverId: number;
}

export class DriverTokens {
  private readonly key: Buffer;

  constructor(appSecret: string) {
    // A key of its own, so that nothing else signed with APP_SECRET can pass for a token.
    this.key = createHmac('sha256', appSecret).update('jiaoguan driver session token v1').digest();
  }

  /** A new token for the driver's session ending at `expiresAt`, and the hash the database keeps. */
  mint(driverId: number, expiresAt: Date): { token: string; tokenHash: string } {
    const bytes = Buffer.alloc(LENGTH);
    bytes.writeUInt8(VERSION, 0);
    bytes.writeUInt32BE(driverId, 1);
    bytes.writeUInt32BE(Math.floor(expiresAt.getTime() / 1000), 5);
    randomBytes(16).copy(bytes, 9);
    this.mac(bytes.subarray(0, SIGNED)).copy(bytes, SIGNED);
    const token = bytes.toString('base64url');
    return { token, tokenHash: hashToken(token) };
  }

  /**
   * The claim of a token this key signed and that has not expired; undefined for anything else
   * (another key, a staff token, a forged or altered one). Says nothing of revocation.
   */
  claim(token: string | undefined): DriverClaim | undefined {
    if (!token || token.length !== TEXT_LENGTH) return undefined;
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length !== LENGTH || bytes[0] !== VERSION) return undefined;
    if (!timingSafeEqual(this.mac(bytes.subarray(0, SIGNED)), bytes.subarray(SIGNED))) return undefined;
    if (bytes.readUInt32BE(5) * 1000 <= Date.now()) return undefined;
    return { driverId: bytes.readUInt32BE(1) };
  }

  private mac(signed: Buffer): Buffer {
    return createHmac('sha256', this.key).update(signed).digest().subarray(0, MAC);
  }
}

const keys = new Map<string, DriverTokens>();

/** The tokens of this APP_SECRET (one key per secret, made once). */
export function driverTokens(appSecret: string): DriverTokens {
  let tokens = keys.get(appSecret);
  if (!tokens) keys.set(appSecret, (tokens = new DriverTokens(appSecret)));
  return tokens;
}
