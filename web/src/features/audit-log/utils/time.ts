/** A moment in the log with its time zone, e.g. "7 Dec 2026, 19:42 UTC+1", in the reader's locale. */

/** "GMT+1", "GMT+01:00", "GMT-5:30", "GMT" → "UTC+1", "UTC+1", "UTC−5:30", "UTC". */
export function utcOffsetName(zoneName: string): string {
  const m = /^(?:GMT|UTC)(?:([+-−])(\d{1,2})(?::?(\d{2}))?)?$/.exec(zoneName.trim());
  if (!m) return zoneName;
  if (!m[1] || Number(m[2]) + Number(m[3] ?? 0) === 0) return 'UTC';
  const minutes = m[3] && m[3] !== '00' ? `:${m[3]}` : '';
  return `UTC${m[1] === '+' ? '+' : '−'}${Number(m[2])}${minutes}`;
}

/**
 * Formats an ISO moment for the log: day, short month, year, hours and minutes in the reader's
 * time zone (or `timeZone`), followed by the offset from UTC.
 */
export function formatAuditTime(iso: string, intlLocale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  return parts.map((p) => (p.type === 'timeZoneName' ? utcOffsetName(p.value) : p.value)).join('');
}
