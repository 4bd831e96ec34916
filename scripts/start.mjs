// `npm start`: build the web app and the server when needed, then migrate, seed a first start and
// serve — from compiled JavaScript (dist/main.js), not through tsx: less memory, faster start.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildServerIfNeeded, serverDist } from './build-server.mjs';
import { buildWebIfNeeded } from './build-web-if-needed.mjs';

const root = path.resolve(import.meta.dirname, '..');
buildWebIfNeeded();
await buildServerIfNeeded();
const child = spawn(process.execPath, [path.join(serverDist, 'main.js'), 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
