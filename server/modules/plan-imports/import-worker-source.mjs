// Starts the import worker from the TypeScript source (tsx, tests): Node 20 does not pass
// `--import tsx` on to worker threads, so the worker registers tsx itself. Production runs the
// compiled import-worker.js instead (scripts/build-server.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
