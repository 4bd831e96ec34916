import { describe, expect, it } from 'vitest';
import { createUuidv7Generator, isUuid, uuidv7 } from './uuidv7.js';

/** The 48-bit millisecond timestamp at the front of a UUIDv7. */
function timestampOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/** The 12-bit counter that follows the version digit. */
function counterOf(id: string): number {
  return parseInt(id.slice(15, 18), 16);
}

describe('uuidv7', () => {
  it('writes ids as lower-case 8-4-4-4-12 hexadecimal', () => {
    expect(uuidv7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('sets version 7 and the RFC 9562 variant bits', () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7();
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
  });

  it('puts the current Unix time in milliseconds at the front', () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();
    // A burst of ids may borrow a few milliseconds from the future to stay in order.
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(after + 10);
  });

  it('makes 10,000 ids that sort as strings in the order they were made', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    for (let i = 1; i < ids.length; i++) {
      expect(ids[i]! > ids[i - 1]!).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts up within one millisecond and keeps the timestamp', () => {
    const next = createUuidv7Generator(() => 1_700_000_000_000);
    const first = next();
    const second = next();
    expect(timestampOf(second)).toBe(1_700_000_000_000);
    expect(counterOf(second)).toBe(counterOf(first) + 1);
  });

  it('starts a new millisecond with a counter that leaves room to count up', () => {
    let ms = 1_700_000_000_000;
    const next = createUuidv7Generator(() => ms++);
    for (let i = 0; i < 200; i++) expect(counterOf(next())).toBeLessThan(0x800);
  });

  it('borrows the next millisecond when the counter runs out, so order is kept', () => {
    const next = createUuidv7Generator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 5000 }, () => next());
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(timestampOf(ids.at(-1)!)).toBeGreaterThan(1_700_000_000_000);
  });

  it('stays in order when the clock goes backwards', () => {
    let ms = 1_700_000_000_000;
    const next = createUuidv7Generator(() => ms);
    const first = next();
    ms -= 5000;
    const second = next();
    expect(second > first).toBe(true);
    expect(timestampOf(second)).toBe(1_700_000_000_000);
  });
});

describe('isUuid', () => {
  it('accepts UUIDs of any version in either case', () => {
    expect(isUuid(uuidv7())).toBe(true);
    expect(isUuid('0192d7a0-7c1e-7000-8000-000000000000')).toBe(true);
    expect(isUuid('123E4567-E89B-42D3-A456-426614174000')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  it('rejects text that is not written 8-4-4-4-12 in hexadecimal', () => {
    for (const text of [
      '',
      'not-a-uuid',
      '0192d7a07c1e70008000000000000000',
      '{0192d7a0-7c1e-7000-8000-000000000000}',
      '0192d7a0-7c1e-7000-8000-00000000000',
      '0192d7a0-7c1e-7000-8000-0000000000000',
      '0192d7a0-7c1e-7000-8000-00000000000g',
      '0192d7a0_7c1e_7000_8000_000000000000',
      ' 0192d7a0-7c1e-7000-8000-000000000000',
      '0192d7a0-7c1e-7000-8000-000000000000\n',
    ]) {
      expect(isUuid(text)).toBe(false);
    }
  });
});
