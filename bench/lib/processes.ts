/**
 * Child processes for the benchmark: spawn Node with tsx, wait for an HTTP health answer, read
 * peak memory from /proc, and make sure nothing outlives the run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

const children = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL); safe to call more than once. */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}
process.on('exit', killAllChildren);

export interface NodeChild {
  child: ChildProcess;
  /** The last few kilobytes the child wrote, for error messages. */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `node …nodeArgs <script> …args` in the project root; TypeScript through tsx
 * (`--import tsx`).
 */
export function spawnNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  { ipc = false, nodeArgs = [] as string[] } = {},
): NodeChild {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, script, ...args], {
    cwd: ROOT,
    env,
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  return { child, output: () => tail, exited };
}

/** Stops a child: SIGTERM, then SIGKILL when it has not gone after `graceMs`. */
export async function stopChild(node: NodeChild, graceMs = 5000): Promise<void> {
  const { child } = node;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await node.exited;
  clearTimeout(timer);
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200; returns milliseconds since `startedAt`. */
export async function waitForOk(
  url: string,
  node: NodeChild,
  startedAt: number,
  timeoutMs = 30_000,
): Promise<number> {
  for (;;) {
    if (node.child.exitCode !== null) {
      throw new Error(`The server exited (code ${node.child.exitCode}):\n${node.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - startedAt;
    } catch {
      // not listening yet
    }
    if (performance.now() - startedAt > timeoutMs) {
      throw new Error(`No answer from ${url} within ${timeoutMs} ms:\n${node.output()}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Peak and current resident memory of a process in MiB, from /proc (Linux); null elsewhere. */
export function memoryOf(pid: number | undefined): { peakMiB: number; rssMiB: number } | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const peak = kb('VmHWM');
    const rss = kb('VmRSS');
    if (!Number.isFinite(peak)) return null;
    return { peakMiB: peak / 1024, rssMiB: rss / 1024 };
  } catch {
    return null;
  }
}
