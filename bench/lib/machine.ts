/** The machine the benchmark runs on: what it is, and how busy other work keeps it. */
import fs from 'node:fs';
import os from 'node:os';

/** JSON with two-space indents but short arrays of numbers or strings on one line. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s*([^[\]{}]*?)\s*\]/g, (_, inner: string) =>
    inner.length > 100 ? `[${inner}]` : `[${inner.replace(/\s*\n\s*/g, ' ')}]`,
  );
}

/** Percentage of all cores busy over one second, read from /proc/stat (null off Linux). */
export async function busyElsewhere(): Promise<number | null> {
  const sample = () => {
    try {
      const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
      const values = line.trim().split(/\s+/).slice(1).map(Number);
      const idle = values[3]! + (values[4] ?? 0);
      return { total: values.reduce((a, b) => a + b, 0), idle };
    } catch {
      return null;
    }
  };
  const a = sample();
  await new Promise((r) => setTimeout(r, 1000));
  const b = sample();
  if (!a || !b || b.total === a.total) return null;
  return Math.round((1 - (b.idle - a.idle) / (b.total - a.total)) * 100);
}

/**
 * Other work on the machine skews every figure: wait (up to `seconds`, BENCH_QUIET_WAIT) until less
 * than a quarter of the CPU is busy elsewhere; then go on regardless and let the report say so.
 */
export async function waitForQuiet(seconds: number): Promise<number | null> {
  const deadline = performance.now() + seconds * 1000;
  let busy = await busyElsewhere();
  while (busy !== null && busy >= 25 && performance.now() < deadline) {
    process.stdout.write(`  waiting for a quieter machine (${busy} % busy elsewhere) …\r`);
    busy = await busyElsewhere();
  }
  return busy;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}
