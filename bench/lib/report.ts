/**
 * Turns measurements into the DESIGN.md verdicts and a markdown table. Targets are stated for the
 * reference machine; each run measures a Fastify hello-world alongside and scales by it, so a
 * slower or busier machine is not blamed for being slow.
 */

/** Hello-world JSON on the reference machine (STACK.md: ~69,000–75,000 req/s, 2 cores). */
export const REFERENCE_HELLO_RPS = 72_000;

export interface ScenarioResult {
  key: string;
  title: string;
  durationS: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  statusCodes: Record<string, number>;
  status412: number;
  status5xx: number;
  errors: number;
  timeouts: number;
  ratioToHello: number;
  eventLoopDelayMs?: { p50: number; p99: number; max: number } | null;
  serverRssMiB?: number | null;
}

export interface Verdict {
  target: string;
  measured: string;
  /** Measured value scaled to the reference machine by the hello-world ratio. */
  normalised: string;
  met: boolean | null;
  note?: string;
}

export interface Measurements {
  helloRps: number;
  scenarios: ScenarioResult[];
  sequentialCreates: { count: number; seconds: number; failures: number };
  peakMemoryMiB: number | null;
  coldStartMs: number[];
  bulkImport: { rows: number; seconds: number; rowsPerSecond: number };
  export?: { items: number; format: string; ms: number[]; eventLoopMaxMs: number | null } | null;
  items: number;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The DESIGN.md "Non-functional targets", judged on these measurements. */
export function verdicts(m: Measurements): { machineFactor: number; verdicts: Verdict[] } {
  // < 1: this machine (as loaded during the run) serves hello-world slower than the reference.
  const factor = m.helloRps / REFERENCE_HELLO_RPS;
  const byKey = new Map(m.scenarios.map((s) => [s.key, s]));
  const out: Verdict[] = [];
  const latency = (key: string, target: string, limitMs: number, note?: string) => {
    const s = byKey.get(key);
    if (!s) return;
    const scaled = s.latencyMs.p99 * factor;
    out.push({
      target,
      measured: `p99 ${fmt(s.latencyMs.p99)} ms`,
      normalised: `p99 ${fmt(scaled, 1)} ms`,
      met: scaled <= limitMs && s.status5xx === 0 && s.errors === 0,
      ...(note ? { note } : {}),
    });
  };
  latency('list', 'list 50 with filters + total: p99 ≤ 100 ms', 100);
  latency('single', 'single item: p99 ≤ 20 ms', 20);
  latency('search-selective', 'selective search: p99 ≤ 50 ms', 50);
  latency(
    'search-common',
    'single-term search (very common term): p99 ≤ 200 ms',
    200,
    `measured on ${fmt(Math.floor(m.items / 10))} timeline events (${fmt(m.items)} items); DESIGN.md states it at 1,000,000 rows`,
  );
  const c = m.sequentialCreates;
  // Stopped early (time limit): judged on the time 1,000 would take at the measured pace.
  const thousand = (c.seconds * 1000) / Math.max(1, c.count);
  out.push({
    target: '1,000 sequential creates (audit + search text) ≤ 5 s',
    measured:
      c.count >= 1000
        ? `${fmt(c.seconds, 2)} s${c.failures ? `, ${c.failures} failed` : ''}`
        : `${fmt(c.count)} in ${fmt(c.seconds, 1)} s (time limit) → ~${fmt(thousand, 0)} s for 1,000`,
    normalised: `${fmt(thousand * factor, 2)} s`,
    met: thousand * factor <= 5 && c.failures === 0,
  });
  const writes = m.scenarios.filter((s) => ['create', 'update', 'mixed'].includes(s.key));
  const fivexx = writes.reduce((a, s) => a + s.status5xx + s.errors, 0);
  const stale = writes.reduce((a, s) => a + s.status412, 0);
  out.push({
    target: 'concurrent writes: zero 5xx',
    measured: `${fivexx} 5xx/errors, ${stale} × 412 in ${fmt(writes.reduce((a, s) => a + s.requests, 0))} requests`,
    normalised: '—',
    met: fivexx === 0,
  });
  if (m.export) {
    const worst = Math.max(...m.export.ms);
    const blocked = m.export.eventLoopMaxMs;
    // "Off the request thread": the event loop keeps serving while a report renders.
    const offThread = blocked === null ? null : blocked <= 50;
    out.push({
      target: 'a 1,000-item report ≤ 5 s, rendered off the request thread',
      measured: `${m.export.format.toUpperCase()} of ${fmt(m.export.items)} items: ${fmt(worst)} ms (worst of ${m.export.ms.length}); event loop blocked up to ${blocked ?? 'n/a'} ms`,
      normalised: `${fmt(worst * factor)} ms`,
      met: offThread === null ? null : worst * factor <= 5000 && offThread,
      note: 'only the XLSX plan export exists (no DOCX/PDF yet); "off the request thread" judged as event-loop delay ≤ 50 ms while it renders',
    });
  }
  out.push({
    target: 'peak memory ≤ 256 MiB for the whole benchmark',
    measured:
      m.peakMemoryMiB === null
        ? 'n/a'
        : `${fmt(m.peakMemoryMiB)} MiB (VmHWM of the Liaison process)`,
    normalised: '— (not scaled)',
    met: m.peakMemoryMiB === null ? null : m.peakMemoryMiB <= 256,
  });
  const cold = median(m.coldStartMs);
  out.push({
    target: `cold start ≤ 2 s on the ${fmt(m.items)}-item database`,
    measured: `median ${fmt(cold)} ms (${m.coldStartMs.map((v) => fmt(v)).join(', ')})`,
    normalised: `${fmt(cold * factor)} ms`,
    met: cold * factor <= 2000,
  });
  out.push({
    target: 'bulk import ≥ 10,000 rows/s',
    measured: `${fmt(m.bulkImport.rowsPerSecond)} rows/s (${fmt(m.bulkImport.rows)} rows in ${fmt(m.bulkImport.seconds, 1)} s)`,
    normalised: `${fmt(m.bulkImport.rowsPerSecond / factor)} rows/s`,
    met: m.bulkImport.rowsPerSecond / factor >= 10_000,
  });
  return { machineFactor: factor, verdicts: out };
}

/** The scenario table and the verdicts as markdown. */
export function markdown(title: string, m: Measurements, v: ReturnType<typeof verdicts>): string {
  const lines = [
    `### ${title}`,
    '',
    '| scenario | req/s | p50 ms | p99 ms | non-2xx | of which 412 | 5xx | errors | % of hello | server loop delay p99 / max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of m.scenarios) {
    const loop = s.eventLoopDelayMs
      ? `${fmt(s.eventLoopDelayMs.p99, 1)} / ${fmt(s.eventLoopDelayMs.max, 1)}`
      : 'n/a';
    lines.push(
      `| ${s.title} | ${fmt(s.requestsPerSecond)} | ${fmt(s.latencyMs.p50)} | ${fmt(s.latencyMs.p99)} | ${s.non2xx} | ${s.status412} | ${s.status5xx} | ${s.errors} | ${(s.ratioToHello * 100).toFixed(2)} % | ${loop} |`,
    );
  }
  lines.push(
    '',
    `Machine factor (hello-world req/s ÷ ${fmt(REFERENCE_HELLO_RPS)} reference): ${v.machineFactor.toFixed(2)}`,
    '',
    '| DESIGN.md target | measured | normalised to the reference machine | met |',
    '|---|---|---|---|',
  );
  for (const t of v.verdicts) {
    const met = t.met === null ? 'n/a' : t.met ? 'yes' : '**no**';
    lines.push(
      `| ${t.target} | ${t.measured}${t.note ? ` — ${t.note}` : ''} | ${t.normalised} | ${met} |`,
    );
  }
  return lines.join('\n');
}
