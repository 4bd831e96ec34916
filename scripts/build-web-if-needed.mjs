// Builds the web app when web/dist is missing or older than any source file it is built from.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web', 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Returns true when a build ran. */
export function buildWebIfNeeded() {
  const builtAt = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(path.join(root, 'web')),
    newestMtime(path.join(root, 'core')),
  );
  if (builtAt > sourcesAt) return false;
  console.log('Building the web app…');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The web app did not build; see the messages above.');
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfNeeded();
