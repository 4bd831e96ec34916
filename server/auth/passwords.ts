/** argon2id password hashing (library defaults: argon2id, memory-hard) and random secrets. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a random password: verifying unknown e-mails costs the same as known ones.
let decoy: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the time, then answers false. */
export async function verifyPassword(
  stored: string | undefined,
  password: string,
): Promise<boolean> {
  if (!stored) {
    decoy ??= hash(randomBytes(16).toString('hex'));
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A random token for sessions and CSRF (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A one-time password that is easy to type from a terminal: 4 groups of 5 characters. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; i < 20; i += 1) {
    out += alphabet[bytes[i]! % alphabet.length];
    if (i % 5 === 4 && i < 19) out += '-';
  }
  return out;
}

export const PASSWORD_RULE = { min: 12, max: 200 } as const;
