// `npm start`: build the web app when needed, then migrate, seed a first start and serve.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildWebIfNeeded } from './build-web-if-needed.mjs';

const root = path.resolve(import.meta.dirname, '..');
buildWebIfNeeded();
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve'], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
