/**
 * The production server as the benchmark runs it: `node <serverNodeOptions> dist/main.js serve`,
 * the same command and Node options scripts/start.mjs (`npm start`) uses, compiled by
 * scripts/build-server.mjs, configured through the environment only (rate limits raised with
 * LIAISON_RATE_LIMIT_PER_MINUTE and LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE, as an operator would).
 *
 * Memory is read from outside (/proc/<pid>/status and smaps_rollup). The event-loop delay needs a
 * look inside: bench/lib/probe.mjs is preloaded with `--import` and answers SIGUSR2 by writing its
 * histogram to a file; it changes nothing the server does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverEnvironment, serverNodeOptions } from '../../scripts/build-server.mjs';
import { spawnNode, stopChild, waitForOk, type NodeChild } from './processes.js';

export interface ProbeStats {
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  memoryMiB: {
    rss: number;
    heapTotal: number;
    heapUsed: number;
    external: number;
    arrayBuffers: number;
  };
}

export interface MemoryDetail {
  /** VmHWM: the peak resident set since the process started. */
  peakMiB: number;
  rssMiB: number;
  /** Anonymous memory (heaps, malloc: V8, SQLite page cache, pg buffers) vs. file-backed pages. */
  anonymousMiB: number | null;
  fileMiB: number | null;
  threads: number | null;
}

/** Generous limits the operator sets for a load test (the defaults: 600 and 10 per minute). */
export const BENCH_RATE_LIMITS = {
  LIAISON_RATE_LIMIT_PER_MINUTE: '100000000',
  LIAISON_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
};

const PROBE = path.join(import.meta.dirname, 'probe.mjs');

export interface ProductionServer {
  node: NodeChild;
  base: string;
  startMs: number;
  /** Event-loop delay since the last call (or the start) and memory as the process sees it. */
  probe(): Promise<ProbeStats | null>;
  memory(): MemoryDetail | null;
  stop(): Promise<void>;
}

export async function startProduction(
  env: NodeJS.ProcessEnv,
  port: number,
  { probe = true } = {},
): Promise<ProductionServer> {
  const probeFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-probe-')),
    'stats.json',
  );
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const node = spawnNode(
    'dist/main.js',
    ['serve'],
    {
      ...serverEnvironment,
      ...env,
      ...BENCH_RATE_LIMITS,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(probe ? { BENCH_PROBE_FILE: probeFile } : {}),
    },
    { nodeArgs: [...serverNodeOptions, ...(probe ? ['--import', PROBE] : [])] },
  );
  const startMs = Math.round(await waitForOk(`${base}/api/v1/health`, node, t0, 60_000));
  const pid = node.child.pid;
  return {
    node,
    base,
    startMs,
    async probe() {
      if (!probe || !pid || node.child.exitCode !== null) return null;
      const before = fs.existsSync(probeFile) ? fs.statSync(probeFile).mtimeMs : 0;
      node.child.kill('SIGUSR2');
      const deadline = performance.now() + 3000;
      while (performance.now() < deadline) {
        if (fs.existsSync(probeFile) && fs.statSync(probeFile).mtimeMs !== before) {
          return JSON.parse(fs.readFileSync(probeFile, 'utf8')) as ProbeStats;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return null;
    },
    memory: () => memoryDetail(pid),
    async stop() {
      await stopChild(node, 25_000);
      fs.rmSync(path.dirname(probeFile), { recursive: true, force: true });
    },
  };
}

/** Peak and current resident memory of a process and what it is made of, from /proc (Linux). */
export function memoryDetail(pid: number | undefined): MemoryDetail | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (text: string, field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1]);
    const peak = kb(status, 'VmHWM');
    if (!Number.isFinite(peak)) return null;
    let anonymous: number | null = null;
    let file: number | null = null;
    try {
      // RssAnon / RssFile (status) split the current resident set by kind.
      anonymous = kb(status, 'RssAnon');
      file = kb(status, 'RssFile') + (kb(status, 'RssShmem') || 0);
    } catch {
      // older kernels
    }
    const mib = (v: number | null) =>
      v === null || !Number.isFinite(v) ? null : Math.round((v / 1024) * 10) / 10;
    return {
      peakMiB: mib(peak)!,
      rssMiB: mib(kb(status, 'VmRSS'))!,
      anonymousMiB: mib(anonymous),
      fileMiB: mib(file),
      threads: Number.isFinite(kb(status, 'Threads')) ? kb(status, 'Threads') : null,
    };
  } catch {
    return null;
  }
}
