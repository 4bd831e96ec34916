/**
 * Worker thread for plan exports (see exportPlanOffThread in export.ts): opens its own database
 * connection, renders the file and hands the bytes back. One worker per export; it exits after.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../../db/database.js';
import { exportPlan, type ExportJob } from './export.js';

const job = workerData as ExportJob;
// Its own connection: the server's is not shared with this thread (a pool opens connections
// lazily, and the export's queries run one after another, so it opens one).
const db = createDb(job.database);
try {
  const file = await exportPlan(
    db.kysely,
    job.actor,
    job.planId,
    job.filters,
    job.format,
    job.today,
    job.language,
  );
  const body = new Uint8Array(file.body.buffer, file.body.byteOffset, file.body.byteLength);
  parentPort?.postMessage({ ok: true, banner: file.banner, body });
} catch (error) {
  parentPort?.postMessage({
    ok: false,
    error: error instanceof Error ? error.message : String(error),
  });
} finally {
  await db.close();
}
