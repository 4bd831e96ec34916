/** How far an indicator has come from its baseline towards its target, as a percentage. */
export function progressToTarget(
  baseline: number | null,
  target: number | null,
  latest: number | null,
): number | null {
  if (target === null || latest === null) return null;
  const from = baseline ?? 0;
  if (target === from) return latest === target ? 100 : 0;
  // Works for falling targets too (e.g. incidents from 40 down to 10): the sign cancels.
  const share = ((latest - from) / (target - from)) * 100;
  return Math.round(Math.min(100, Math.max(0, share)) * 10) / 10;
}
