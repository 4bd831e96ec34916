/**
 * The marking a document must carry: the highest label of what it contains, releasable only to
 * those every part is releasable to ("NATO UNCLASSIFIED Releasable to NATO, RS").
 */
export interface BannerLabel {
  policy: string;
  level: string;
  rank: number;
  releasableTo: readonly string[];
  /** Printed name of the level, e.g. "NATO UNCLASSIFIED". */
  levelName: string;
}

/** Banner text for a set of records; "PUBLIC" when all are public or there are none. */
export function bannerFor(labels: readonly BannerLabel[]): string {
  const marked = labels.filter((l) => l.rank > 0 || !l.releasableTo.includes('PUBLIC'));
  if (marked.length === 0) return 'PUBLIC';
  const highest = marked.reduce((a, b) =>
    b.rank > a.rank || (b.rank === a.rank && b.policy === 'NATO' && a.policy !== 'NATO') ? b : a,
  );
  // Releasable to a nation only if every marked part is (public parts restrict nothing).
  let releasable: string[] | null = null;
  for (const label of marked) {
    const list = label.releasableTo.filter((r) => r !== 'PUBLIC');
    releasable = releasable === null ? [...list] : releasable.filter((r) => list.includes(r));
  }
  const to = (releasable ?? []).sort();
  return to.length
    ? `${highest.levelName} Releasable to ${to.join(', ')}`
    : `${highest.levelName} — not releasable outside the originator`;
}
