/**
 * The scenarios that are not a plain load run: collecting the cursors of deep list pages, 1,000
 * sequential creates, ten concurrent writers, a few sequential timings (tree, dashboard, export),
 * and the import benchmark run as a child process.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Pools } from './prepare.js';
import { ROOT } from './processes.js';
import { createBodies, STATUSES } from './requests.js';
import { median, type Timing } from './targets.js';

type Headers = Record<string, string>;

async function getJson(url: string, headers: Headers) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: response.status, body, text };
}

export interface DeepPages {
  /** Paths of ~20 pages around `page`, requested in rotation. */
  paths: string[];
  page: number;
  via: 'cursor' | 'page';
  note?: string;
  walkSeconds: number;
}

/**
 * Paths of the list pages around page `target` (or the last pages of a shorter list). With keyset
 * paging (`nextCursor` in the answer) the list is walked once from the first page to collect their
 * cursors; without it they are `page=` (offset) requests.
 */
export async function deepPages(
  base: string,
  headers: Headers,
  planId: string,
  target: number,
  { pageSize = 50, spread = 20, limitS = 180 } = {},
): Promise<DeepPages> {
  const list = `/api/v1/plans/${planId}/items?pageSize=${pageSize}`;
  const started = performance.now();
  const first = await getJson(`${base}${list}`, headers);
  if (first.status !== 200) throw new Error(`The list answered ${first.status}: ${first.text}`);
  const total = Number(first.body.total ?? 0);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const high = Math.min(lastPage, target);
  const low = Math.max(2, high - spread + 1);
  if (!('nextCursor' in first.body)) {
    const paths: string[] = [];
    for (let p = low; p <= high; p++) paths.push(`${list}&page=${p}`);
    return {
      paths,
      page: high,
      via: 'page',
      note: 'the answer has no `nextCursor` (keyset paging not there yet): `page=` offsets',
      walkSeconds: 0,
    };
  }
  // The last `spread` pages reached, up to page `high` (or wherever the cursors end).
  const paths: string[] = [];
  let cursor = first.body.nextCursor as string | null | undefined;
  let at = 1; // the page the last kept path opens
  let stopped = '';
  while (cursor && at < high) {
    const path = `${list}&cursor=${encodeURIComponent(cursor)}`;
    at += 1;
    paths.push(path);
    if (paths.length > spread) paths.shift();
    if (at === high) break;
    const next = await getJson(`${base}${path}`, headers);
    if (next.status !== 200) throw new Error(`Page ${at} answered ${next.status}: ${next.text}`);
    cursor = next.body.nextCursor as string | null | undefined;
    if (performance.now() - started > limitS * 1000) {
      stopped = `walk stopped at page ${at} after ${limitS} s`;
      break;
    }
  }
  const walkSeconds = (performance.now() - started) / 1000;
  if (paths.length === 0) {
    return { paths: [list], page: 1, via: 'cursor', note: 'the list has one page', walkSeconds };
  }
  const from = at - paths.length + 1;
  return {
    paths,
    page: at,
    via: 'cursor',
    note:
      `${paths.length} pages (${from}–${at} of ${lastPage}) in rotation, walked in ${walkSeconds.toFixed(1)} s` +
      (at < Math.min(target, lastPage) && !stopped ? `; the cursors ended at page ${at}` : '') +
      (stopped ? `; ${stopped}` : ''),
    walkSeconds,
  };
}

/** `count` creates one after another (stopped after `limitS`). */
export async function sequentialCreates(
  base: string,
  json: Headers,
  pools: Pools,
  count: number,
  limitS: number,
) {
  const body = createBodies(pools);
  let failures = 0;
  let done = 0;
  const started = performance.now();
  while (done < count) {
    const response = await fetch(`${base}/api/v1/plan-items`, {
      method: 'POST',
      headers: json,
      body: body(),
    });
    await response.arrayBuffer();
    done += 1;
    if (response.status !== 201) failures += 1;
    if (performance.now() - started > limitS * 1000) break;
  }
  return { count: done, seconds: (performance.now() - started) / 1000, failures };
}

/**
 * `writers` concurrent writers for `seconds`: each in turn creates an activity in the big plan (the
 * plan's codes are handed out under contention) and changes the status of an item of its own slice
 * of the update pool, read first for its ETag and written with If-Match.
 */
export async function concurrentWriters(
  base: string,
  headers: { auth: Headers; json: Headers },
  pools: Pools,
  seconds: number,
  writers = 10,
) {
  const body = createBodies(pools);
  const statusCodes: Record<string, number> = {};
  let creates = 0;
  let updates = 0;
  let errors = 0;
  const count = (status: number) => (statusCodes[status] = (statusCodes[status] ?? 0) + 1);
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const own = pools.updateIds.filter((_, i) => i % writers === w);
      let turn = 0;
      while (performance.now() < until) {
        turn += 1;
        try {
          const created = await fetch(`${base}/api/v1/plan-items`, {
            method: 'POST',
            headers: headers.json,
            body: body(),
          });
          await created.arrayBuffer();
          count(created.status);
          creates += 1;
          if (own.length === 0) continue;
          const id = own[turn % own.length]!;
          const read = await fetch(`${base}/api/v1/plan-items/${id}`, { headers: headers.auth });
          await read.arrayBuffer();
          const etag = read.headers.get('etag');
          if (read.status !== 200 || !etag) {
            count(read.status);
            continue;
          }
          const changed = await fetch(`${base}/api/v1/plan-items/${id}`, {
            method: 'PATCH',
            headers: { ...headers.json, 'if-match': etag },
            body: JSON.stringify({ status: STATUSES[turn % STATUSES.length] }),
          });
          await changed.arrayBuffer();
          count(changed.status);
          updates += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const of = (test: (code: number) => boolean) =>
    Object.entries(statusCodes)
      .filter(([c]) => test(Number(c)))
      .reduce((a, [, n]) => a + n, 0);
  return {
    seconds: (performance.now() - started) / 1000,
    creates,
    updates,
    errors,
    status5xx: of((c) => c >= 500),
    status412: of((c) => c === 412),
    statusCodes,
  };
}

/**
 * `runs` sequential GETs of `url` after one unrecorded warm-up (skipped, as are further runs, when
 * a single request takes longer than `slowMs`: the first answer is then the figure).
 */
export async function timed(
  title: string,
  url: string,
  headers: Headers,
  { runs = 3, slowMs = 5000, note }: { runs?: number; slowMs?: number; note?: string } = {},
): Promise<Timing> {
  const once = async () => {
    const t = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    return { ms: performance.now() - t, status: response.status };
  };
  const warm = await once();
  const ms: number[] = [];
  let status = warm.status;
  if (warm.ms > slowMs || warm.status !== 200) {
    ms.push(warm.ms);
  } else {
    for (let i = 0; i < runs; i++) {
      const r = await once();
      ms.push(r.ms);
      if (r.status !== 200) status = r.status;
    }
  }
  const rounded = ms.map((v) => Math.round(v * 10) / 10);
  return {
    title,
    ms: rounded,
    median: median(rounded),
    max: Math.max(...rounded),
    status,
    ...(note ? { note } : {}),
  };
}

/** Whether `url` accepts its query (a route's strict schema answers 400 to an unknown parameter). */
export async function accepted(url: string, headers: Headers): Promise<boolean> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return response.status !== 400;
}

export type ImportResult =
  { rowsPerSecond: number; healthP99Ms: number; file: string } | { error: string };

/**
 * Helper I's import benchmark (bench/import-health.ts) on the same kind of database, as a child
 * process: it starts its own server and database, imports through the real import path and
 * writes bench/results/<date>[-<label>]-import-health-<db>.json (rowsPerSecond, healthP99Ms).
 */
export async function importHealth(
  kind: 'sqlite' | 'postgres',
  label: string,
  limitS: number,
): Promise<ImportResult> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/import-health.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_DB: kind, BENCH_LABEL: label },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (c: Buffer) => (tail = (tail + c.toString('utf8')).slice(-3000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number | null>((resolve) => {
    const killer = setTimeout(() => child.kill('SIGTERM'), limitS * 1000);
    const onExit = () => child.kill('SIGKILL');
    process.once('exit', onExit);
    child.once('exit', (c) => {
      clearTimeout(killer);
      process.off('exit', onExit);
      resolve(c);
    });
  });
  if (code !== 0) {
    return { error: `bench/import-health.ts exited with ${code}: ${tail.trim().slice(-400)}` };
  }
  const date = new Date(started).toISOString().slice(0, 10);
  const candidates = [
    `${date}${label ? `-${label}` : ''}-import-health-${kind}.json`,
    `${date}-import-health-${kind}.json`,
  ].map((f) => path.join(ROOT, 'bench', 'results', f));
  const file = candidates.find((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs >= started);
  if (!file) return { error: `bench/import-health.ts wrote none of ${candidates.join(', ')}` };
  const result = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const rowsPerSecond = Number(result.rowsPerSecond);
  const healthP99Ms = Number(result.healthP99Ms);
  if (!Number.isFinite(rowsPerSecond) || !Number.isFinite(healthP99Ms)) {
    return {
      error: `${path.relative(ROOT, file)} has no top-level rowsPerSecond / healthP99Ms (yet)`,
    };
  }
  return { rowsPerSecond, healthP99Ms, file: path.relative(ROOT, file) };
}
