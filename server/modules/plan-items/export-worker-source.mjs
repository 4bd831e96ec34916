// Starts the export worker from the TypeScript source (tsx, tests): Node 20 does not pass
// `--import tsx` on to worker threads, so the worker registers tsx itself. Production runs the
// compiled export-worker.js instead (scripts/build-server.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./export-worker.ts');
