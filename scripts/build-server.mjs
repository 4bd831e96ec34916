// Compiles the server to JavaScript for production: `dist/main.js` (the CLI and `serve`) and
// `dist/export-worker.js` and `dist/import-worker.js` (worker threads, loaded next to it). esbuild bundles the
// project's own TypeScript and leaves every npm package as an import, so node_modules is used as
// installed (better-sqlite3's native module, exceljs loaded only when an export runs). `dist/` sits
// one level below the root, as `server/` does, so paths resolved from import.meta (web/dist) hold.
// Builds only when dist is missing or older than a source file (as build-web-if-needed.mjs does).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const serverDist = path.join(root, 'dist');
/**
 * Node options the production server runs with (scripts/start.mjs; the benchmark starts the server
 * with the same ones), chosen for memory (docs/PERFORMANCE.md, "Memory"): a young generation of
 * 2 MiB semi-spaces instead of 16 (short-lived request garbage is collected sooner, ~20 MiB less
 * resident). V8's --optimize-for-size kept the heap smaller still (peak 259 instead of 491 MiB on
 * the SQLite bench) but cost 30–40 % of the read throughput and doubled an import's CPU time, so it
 * is not a default; an operator short of memory may add it. LIAISON_NODE_OPTIONS replaces these
 * ("" for Node's defaults).
 */
export const DEFAULT_SERVER_NODE_OPTIONS = ['--max-semi-space-size=2'];

export const serverNodeOptions =
  process.env.LIAISON_NODE_OPTIONS === undefined
    ? DEFAULT_SERVER_NODE_OPTIONS
    : process.env.LIAISON_NODE_OPTIONS.split(/\s+/).filter(Boolean);

/**
 * Environment the production server runs with unless the operator sets it: at most two glibc
 * malloc arenas (each thread — worker threads, libuv's pool — otherwise gets arenas of its own that
 * keep freed memory).
 */
export const serverEnvironment =
  process.env.MALLOC_ARENA_MAX === undefined ? { MALLOC_ARENA_MAX: '2' } : {};

const stamp = path.join(serverDist, 'main.js');

const entries = {
  main: 'server/main.ts',
  'export-worker': 'server/modules/plan-items/export-worker.ts',
  'import-worker': 'server/modules/plan-imports/import-worker.ts',
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Bundles `entries` (name → source path from the root) into dist/. `extra` adds entries, e.g. the
 * benchmark's server.
 */
export async function buildServer(extra = {}) {
  await build({
    absWorkingDir: root,
    entryPoints: { ...entries, ...extra },
    outdir: serverDist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/** Returns true when a build ran. */
export async function buildServerIfNeeded() {
  const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(path.join(root, 'server')),
    newestMtime(path.join(root, 'core')),
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
  );
  if (builtAt > sourcesAt) return false;
  console.log('Building the server…');
  await buildServer();
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-needed')) await buildServerIfNeeded();
  else await buildServer();
}
