// Staff password hashing with argon2id (the library's default algorithm).
import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

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

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A one-time password (three groups of four, about 70 bits), to be changed at first login. */
export function temporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += TEMPORARY_ALPHABET[randomInt(0, TEMPORARY_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
