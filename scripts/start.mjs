// `npm start`: build the web app and the server when needed, then migrate, seed a first start and
// serve — from compiled JavaScript (dist/main.js), not through tsx: less memory, faster start.
// The server's exit status is passed on: its exit code, or 128 + the signal's number when it was
// killed (137 for SIGKILL, 134 for an abort on running out of memory), so a supervisor restarts
// it. SIGINT, SIGTERM and SIGHUP are forwarded to the server, which drains its requests and exits.
// `--skip-build` starts what dist/ holds (an image built beforehand with `npm run build`).
// Node options and malloc arenas for memory: see serverNodeOptions in build-server.mjs
// (LIAISON_NODE_OPTIONS and MALLOC_ARENA_MAX override them).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {
  buildServerIfNeeded,
  serverDist,
  serverEnvironment,
  serverNodeOptions,
} from './build-server.mjs';
import { buildWebIfNeeded } from './build-web-if-needed.mjs';

const root = path.resolve(import.meta.dirname, '..');
if (!process.argv.includes('--skip-build')) {
  buildWebIfNeeded();
  await buildServerIfNeeded();
}
const child = spawn(
  process.execPath,
  [...serverNodeOptions, path.join(serverDist, 'main.js'), 'serve'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { NODE_ENV: 'production', ...serverEnvironment, ...process.env },
  },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    }
  });
}
child.on('error', (error) => {
  console.error(`The server could not be started: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    console.error(`The server was stopped by ${signal}.`);
    process.exit(128 + (os.constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
});
