import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  verifyTotp,
} from './totp.js';

// RFC 6238 appendix B, SHA-1 column; the seed is the ASCII string below.
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP codes (RFC 6238, HMAC-SHA-1)', () => {
  it.each(RFC_VECTORS)('at %i s gives the RFC 6238 test vector %s', (time, eight) => {
    expect(totpCode(RFC_SEED, time, 8)).toBe(eight);
  });

  it.each(RFC_VECTORS)(
    'at %i s gives the last six digits of %s as the 6-digit code',
    (time, eight) => {
      expect(totpCode(RFC_SEED, time)).toBe(eight.slice(-6));
    },
  );

  it('matches the RFC 4226 HOTP vectors for the first counters', () => {
    expect([0, 1, 2, 9].map((c) => hotp(RFC_SEED, c))).toEqual([
      '755224',
      '287082',
      '359152',
      '520489',
    ]);
  });

  it('accepts the code of the current step and one step either side, and nothing further', () => {
    const secret = base32Encode(RFC_SEED);
    const at = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    expect(verifyTotp(secret, '050471', at)).toBe(step);
    expect(verifyTotp(secret, hotp(RFC_SEED, step - 1), at)).toBe(step - 1);
    expect(verifyTotp(secret, hotp(RFC_SEED, step + 1), at)).toBe(step + 1);
    expect(verifyTotp(secret, hotp(RFC_SEED, step - 2), at)).toBeNull();
    expect(verifyTotp(secret, hotp(RFC_SEED, step + 2), at)).toBeNull();
    expect(verifyTotp(secret, '000000', at)).toBeNull();
  });

  it('refuses a code from a step that was already used to sign in', () => {
    const secret = base32Encode(RFC_SEED);
    const at = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    expect(verifyTotp(secret, '050471', at, step)).toBeNull();
    expect(verifyTotp(secret, hotp(RFC_SEED, step + 1), at, step)).toBe(step + 1);
  });
});

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s and decodes it back', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('decodes lower case, spaces and padding as authenticator apps show them', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
  });

  it('round-trips random secrets of 160 bits', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });
});

describe('otpauth URIs', () => {
  it('name the issuer and account and carry the parameters authenticator apps read', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'ana@example.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Liaison:ana@example.test');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Liaison',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
