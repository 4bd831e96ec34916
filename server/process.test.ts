/**
 * The server as a process: SIGTERM lets a request in flight finish and exits 0; `npm start`
 * (scripts/start.mjs) passes on how the server ended, so a supervisor restarts a killed server.
 * Real child processes on SQLite, from the compiled server (as `npm start` runs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverDist } from '../scripts/build-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
const children: ChildProcess[] = [];

/** Starts `node <args>` with a fresh SQLite data directory; resolves once it listens. */
async function start(args: string[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-process-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LIAISON_DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      LIAISON_SHUTDOWN_GRACE_SECONDS: '20',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Liaison is running at http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`exited ${code} before listening:\n${out}`)));
  });
  return { child, port, exited, output: () => out };
}

/**
 * Sends a request whose body arrives in two parts, `between` running after the first: the
 * request is in flight (headers read, body pending) while `between` happens. The request asks
 * `Expect: 100-continue`, and `between` runs only once the server has answered `100 Continue`:
 * Node writes that answer as it hands the request to Fastify, so the server has really taken the
 * request in, however slow the machine (without it a signal could overtake the headers, and the
 * request would rightly be refused as a new one).
 */
function slowRequest(port: number, between: () => Promise<void>): Promise<string> {
  const body = JSON.stringify({ email: 'nobody@example.test', password: 'not the password' });
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let continued = false;
    socket.on('data', (d) => {
      answer += d.toString();
      if (!continued && /^HTTP\/1\.1 100 Continue\r\n\r\n/.test(answer)) {
        continued = true;
        answer = answer.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
        void between().then(() => socket.write(body.slice(10)), reject);
      }
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n` +
          `Connection: close\r\n\r\n${body.slice(0, 10)}`,
      );
    });
  });
}

/** Whether a new connection to the port is refused. */
const connectionRefused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.connect(port, '127.0.0.1');
    probe.on('connect', () => {
      probe.destroy();
      resolve(false);
    });
    probe.on('error', () => resolve(true));
  });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Both groups below run the compiled server, and tests run in a random order (groups too): build
// once for the file, before either. (The npm start group used to rely on the other group's build,
// and failed on a fresh clone whenever it came first.)
beforeAll(async () => {
  await buildServer();
}, 120_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('on SIGTERM finishes the request in flight, refuses new connections and exits 0', async () => {
    const server = await start([path.join(serverDist, 'main.js'), 'serve']);
    let refused = false;
    const answer = await slowRequest(server.port, async () => {
      server.child.kill('SIGTERM');
      // The server stops listening as soon as it has handled the signal: on a slow machine that
      // can take a moment, so probe for up to 10 s (well within the 20 s grace the request has).
      for (let waited = 0; !refused && waited < 10_000; waited += 100) {
        await pause(100);
        refused = await connectionRefused(server.port);
      }
    });
    // The slow request got its real answer (wrong password), not a reset connection.
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(refused).toBe(true);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('SIGTERM: finishing the requests in flight');
  }, 60_000);

  it('exits 0 on SIGINT too', async () => {
    const server = await start([path.join(serverDist, 'main.js'), 'serve']);
    server.child.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 60_000);
});

describe('npm start (scripts/start.mjs)', () => {
  const startScript = path.join(root, 'scripts', 'start.mjs');
  /** The server process start.mjs runs (its only child). */
  const serverPid = (parent: number) =>
    Number(
      spawnSync('ps', ['-o', 'pid=', '--ppid', String(parent)], { encoding: 'utf8' }).stdout.trim(),
    );

  it('exits 128 + 9 when its server is killed with SIGKILL (so a supervisor restarts it)', async () => {
    const npmStart = await start([startScript, '--skip-build']);
    const pid = serverPid(npmStart.child.pid!);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, 'SIGKILL');
    expect(await npmStart.exited).toEqual({ code: 137, signal: null });
    expect(npmStart.output()).toContain('The server was stopped by SIGKILL');
  }, 60_000);

  it('passes SIGTERM on to the server and exits 0 once it has drained', async () => {
    const npmStart = await start([startScript, '--skip-build']);
    const pid = serverPid(npmStart.child.pid!);
    npmStart.child.kill('SIGTERM');
    expect(await npmStart.exited).toEqual({ code: 0, signal: null });
    // The server is gone too.
    expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
