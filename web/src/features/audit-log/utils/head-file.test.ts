import { describe, expect, it } from 'vitest';
import { headFileContent, headFileName, parseHeadFile } from './head-file.js';

const hash = 'ab'.repeat(32);

describe('a saved audit-log head', () => {
  it('is named after its sequence number', () => {
    expect(headFileName({ seq: 42 })).toBe('liaison-audit-head-42.json');
  });

  it('reads back what was exported', () => {
    const text = headFileContent(
      { seq: 42, hash, occurredAt: '2026-11-29T10:00:00.000Z' },
      new Date('2026-11-30T08:00:00Z'),
    );
    expect(JSON.parse(text)).toMatchObject({
      seq: 42,
      hash,
      exportedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(parseHeadFile(text)).toEqual({ seq: 42, hash });
  });

  it.each([
    ['not JSON', 'seq=42'],
    ['no hash', '{"seq": 42}'],
    ['a short hash', '{"seq": 42, "hash": "abc"}'],
    ['sequence 0', `{"seq": 0, "hash": "${hash}"}`],
  ])('is refused when it has %s', (_, text) => {
    expect(parseHeadFile(text)).toBeNull();
  });
});
