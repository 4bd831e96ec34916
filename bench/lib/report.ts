/** The benchmark's markdown: the verdict table of issue #9 and the load scenarios behind it. */
import { fmt, REFERENCE_H, type Measurements, type Verdict } from './targets.js';

export interface ReportContext {
  title: string;
  tool: string;
  hello: { before: number; after: number };
  loadAverage: { before: number[]; after: number[] };
  cpuBusyElsewherePercent: { before: number | null; after: number | null };
  durationS: number;
  connections: number;
}

/** Why this run's verdicts are not to be trusted (other work on the machine), or '' when quiet. */
export function unsteady(c: ReportContext): string {
  const reasons: string[] = [];
  const busy = Math.max(
    c.cpuBusyElsewherePercent.before ?? 0,
    c.cpuBusyElsewherePercent.after ?? 0,
  );
  if (busy >= 25) reasons.push(`up to ${busy} % of the CPU busy with other work`);
  const { before, after } = c.hello;
  if (Math.abs(before - after) > 0.2 * Math.max(before, after)) {
    reasons.push(`H moved from ${fmt(before)} to ${fmt(after)} req/s`);
  }
  return reasons.join('; ');
}

export function markdown(
  c: ReportContext,
  m: Measurements,
  judged: { factor: number; verdicts: Verdict[] },
): string {
  const lines = [
    `### ${c.title}`,
    '',
    `H (Fastify hello-world, ${c.tool} 1 thread, ${c.connections} connections, ${c.durationS} s): ` +
      `**${fmt(m.helloRps)} req/s** (before ${fmt(c.hello.before)}, after ${fmt(c.hello.after)}); ` +
      `normalising factor H / ${fmt(REFERENCE_H)} = ${judged.factor.toFixed(3)} ` +
      `(normalised time = measured × H / ${fmt(REFERENCE_H)}). ` +
      `Machine load: load average ${c.loadAverage.before[0]?.toFixed(2)} → ${c.loadAverage.after[0]?.toFixed(2)}, ` +
      `CPU busy with other work ${c.cpuBusyElsewherePercent.before ?? 'n/a'} % before / ${c.cpuBusyElsewherePercent.after ?? 'n/a'} % after.`,
    ...(unsteady(c)
      ? [
          '',
          `**Warning: the machine was not quiet** (${unsteady(c)}): the normalisation assumes H and Liaison ` +
            'were slowed alike, which other work does not do; these verdicts are not reliable.',
        ]
      : []),
    '',
    '| target (issue #9) | measured | normalised | verdict |',
    '|---|---|---|---|',
  ];
  for (const v of judged.verdicts) {
    const verdict = v.verdict === 'NOT met' ? '**NOT met**' : v.verdict;
    lines.push(
      `| ${v.target} | ${v.measured}${v.note ? ` — ${v.note}` : ''} | ${v.normalised} | ${verdict} |`,
    );
  }
  lines.push(
    '',
    '| load scenario | req/s | share of H | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors | server loop delay p99 / max ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const s of m.scenarios) {
    const loop = s.eventLoopDelayMs
      ? `${fmt(s.eventLoopDelayMs.p99, 1)} / ${fmt(s.eventLoopDelayMs.max, 1)}`
      : 'n/a';
    lines.push(
      `| ${s.title} | ${fmt(s.requestsPerSecond)} | ${(s.shareOfH * 100).toFixed(3)} % | ${fmt(s.latencyMs.p50, 2)} | ${fmt(s.latencyMs.p90, 2)} | ${fmt(s.latencyMs.p99, 2)} | ${fmt(s.latencyMs.max, 1)} | ${s.non2xx}${s.non2xx ? ` ${JSON.stringify(s.statusCodes)}` : ''} | ${s.errors} | ${loop} |`,
    );
  }
  return lines.join('\n');
}
