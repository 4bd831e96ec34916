import { describe, expect, it } from 'vitest';
import { formatAuditTime, utcOffsetName } from './time.js';

const moment = '2026-12-07T18:42:00Z';

describe('a moment in the audit log', () => {
  it('carries its offset from UTC, in the reader’s language', () => {
    expect(formatAuditTime(moment, 'en-GB', 'Europe/Belgrade')).toBe('7 Dec 2026, 19:42 UTC+1');
    expect(formatAuditTime(moment, 'sr-Latn', 'Europe/Belgrade')).toMatch(
      /^7\. dec\.? 2026\.? 19:42 UTC\+1$/,
    );
    expect(formatAuditTime(moment, 'sr-Cyrl', 'Europe/Belgrade')).toMatch(/дец.*19:42 UTC\+1$/);
  });

  it('names UTC itself, half-hour zones and summer time', () => {
    expect(formatAuditTime(moment, 'en-GB', 'UTC')).toBe('7 Dec 2026, 18:42 UTC');
    expect(formatAuditTime(moment, 'en-GB', 'Asia/Kolkata')).toBe('8 Dec 2026, 00:12 UTC+5:30');
    expect(formatAuditTime('2026-07-01T10:00:00Z', 'en-GB', 'Europe/Belgrade')).toBe(
      '1 Jul 2026, 12:00 UTC+2',
    );
  });

  it('writes offsets the same whichever way the browser spells them', () => {
    expect(utcOffsetName('GMT+01:00')).toBe('UTC+1');
    expect(utcOffsetName('GMT-5')).toBe('UTC−5');
    expect(utcOffsetName('GMT')).toBe('UTC');
  });
});
