/**
 * How long a plan export blocks the event loop: `node --import tsx bench/export-block.ts [items…]`
 * (default 1000 10000 100000). For each size a fresh SQLite database is seeded with the synthetic
 * plan; the bench user (coordinator, label filter applied) exports it as XLSX and CSV, on the
 * calling thread (`exportPlan`, as before) and through the worker (`exportPlanOffThread`, as the
 * API does), while monitorEventLoopDelay (resolution 1 ms) watches this thread.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDb } from '../server/db/database.js';
import {
  exportPlan,
  exportPlanOffThread,
  type ExportFormat,
} from '../server/modules/plan-items/export.js';
import { createBenchUser, seed, sqliteDatabase } from './lib/prepare.js';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const today = '2026-11-29';

export interface ExportBlock {
  items: number;
  planItems: number;
  format: ExportFormat;
  where: 'request thread' | 'worker';
  ms: number;
  bytes: number;
  loopMaxMs: number;
}

async function measure(
  row: Omit<ExportBlock, 'ms' | 'bytes' | 'loopMaxMs'>,
  work: () => Promise<{ body: Buffer }>,
): Promise<ExportBlock> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // The histogram's first sample only sets its clock: let it tick before the work starts, or a
  // block right at the start would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  const { body } = await work();
  const ms = performance.now() - started;
  // Let the histogram see the last turn of the loop.
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  const result = {
    ...row,
    ms: Math.round(ms),
    bytes: body.length,
    loopMaxMs: Math.round(histogram.max / 1e6),
  };
  console.log(JSON.stringify(result));
  return result;
}

const results: ExportBlock[] = [];
for (const items of sizes.length ? sizes : [1000, 10_000, 100_000]) {
  const bench = sqliteDatabase();
  const db = createDb(bench.config.database);
  try {
    await seed(db, items);
    const user = await createBenchUser(db);
    const plan = await db.kysely
      .selectFrom('plans')
      .select('id')
      .where('code', '=', `SYN-${items}`)
      .executeTakeFirstOrThrow();
    const visible = await db.kysely
      .selectFrom('plan_items as i')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('i.plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    for (const format of ['xlsx', 'csv'] as const) {
      const row = { items, planItems: Number(visible.n), format };
      results.push(
        await measure({ ...row, where: 'request thread' }, () =>
          exportPlan(db.kysely, user.actor, plan.id, {}, format, today),
        ),
      );
      results.push(
        await measure({ ...row, where: 'worker' }, () =>
          exportPlanOffThread(
            {
              database: bench.config.database,
              actor: user.actor,
              planId: plan.id,
              filters: {},
              format,
              today,
            },
            db.kysely,
          ),
        ),
      );
    }
  } finally {
    await db.close();
    await bench.dispose();
  }
}
console.table(results);
