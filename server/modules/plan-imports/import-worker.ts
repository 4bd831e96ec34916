/**
 * Worker thread that reads one uploaded import file (see readImportFile in read-file.ts). It runs
 * under the memory limits the caller gives it, sends the rows back in batches (so the request
 * thread takes them a slice at a time) and exits. A file over a cap ends it with the reason.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError, ImportLimitError } from '../../../core/plans/import-table.js';
import { parseImportFile, type WorkerJob, type WorkerMessage } from './read-file.js';

const job = workerData as WorkerJob;
const send = (message: WorkerMessage) => parentPort!.postMessage(message);
try {
  const table = await parseImportFile(job.bytes, job.format, job.limits, job.mapping);
  for (let i = 0; i < table.rows.length; i += job.batch) {
    send({ kind: 'rows', rows: table.rows.slice(i, i + job.batch) });
  }
  send({
    kind: 'done',
    columns: table.columns,
    ignoredHeadings: table.ignoredHeadings,
    headings: table.headings,
    decisions: table.decisions,
  });
} catch (error) {
  send({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
    known: error instanceof ImportFileError,
    limit: error instanceof ImportLimitError,
  });
}
