/** Splits a name into at most `lines` lines of about `width` characters; the last one ends in "…". */
export function wrapLabel(text: string, width: number, lines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width || !line) {
      line = next;
    } else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  const kept = out.slice(0, lines).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (out.length > lines) {
    const last = kept[lines - 1]!;
    kept[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  }
  return kept;
}
