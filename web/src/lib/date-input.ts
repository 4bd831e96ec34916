/**
 * Dates typed in an <input type="date"> (YYYY-MM-DD, the reader's own calendar day) as the
 * instants the API compares with: the first or the last moment of that day in the reader's time zone.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDay(value: string, end: boolean): Date | null {
  const match = DAY.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = end
    ? new Date(year, month, day, 23, 59, 59, 999)
    : new Date(year, month, day, 0, 0, 0, 0);
  // 2026-02-31 would roll over into March: refuse it rather than guess.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day)
    return null;
  return date;
}

/** The first moment of a typed day as an ISO instant; null when the text is not a real date. */
export function startOfDayIso(value: string): string | null {
  return localDay(value, false)?.toISOString() ?? null;
}

/** The last moment of a typed day as an ISO instant; null when the text is not a real date. */
export function endOfDayIso(value: string): string | null {
  return localDay(value, true)?.toISOString() ?? null;
}

/** Today in the reader's calendar, as <input type="date"> writes it. */
export function todayInput(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
