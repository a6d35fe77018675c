// Staff password hashing with argon2id (the library's default algorithm).
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password);

// A real hash of a random password, so an unknown username costs as much time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$74oIpHubM1SH+gQYCaFVOg$rT+DiCFmC9XE/c02PolJNrQMLkiUfcronBQo/U5m3Ow';

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  try {
    return await verify(storedHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}
