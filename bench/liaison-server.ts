/**
 * Liaison as the benchmark serves it: what `main.ts serve` does (open the configured database,
 * migrate, build the app, listen) but with the API and sign-in rate limits lifted. buildApp takes
 * those limits as options only — no environment variable sets them — so the benchmark needs its
 * own entry. The configuration (PORT, LIAISON_DATA_DIR, DATABASE_URL, NODE_ENV, LOG_LEVEL) comes
 * from the environment as usual.
 *
 * Over the IPC channel the parent can ask for the event-loop delay since the last reset and the
 * process's memory: {type:'reset'} → {type:'reset'}; {type:'stats'} → {type:'stats', …}.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { createDb } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';

const config = loadConfig();
const db = createDb(config.database);
await migrateToLatest(db);
const app = await buildApp(config, {
  db,
  rateLimitPerMinute: 1e9,
  loginRateLimitPerMinute: 1e9,
});
app.addHook('onClose', () => db.close());

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'reset') {
    loop.reset();
    process.send?.({ type: 'reset' });
  } else if (message?.type === 'stats') {
    const memory = process.memoryUsage();
    process.send?.({
      type: 'stats',
      eventLoopDelayMs: {
        p50: ms(loop.percentile(50)),
        p99: ms(loop.percentile(99)),
        max: ms(loop.max),
      },
      rssMiB: Math.round((memory.rss / 1048576) * 10) / 10,
      heapUsedMiB: Math.round((memory.heapUsed / 1048576) * 10) / 10,
    });
  }
});
// The parent going away (even by SIGKILL) must not leave this server running.
process.on('disconnect', () => {
  void app.close().then(() => process.exit(0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
await app.listen({ port: config.port, host: '127.0.0.1' });
