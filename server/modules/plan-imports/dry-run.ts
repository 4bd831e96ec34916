/**
 * The dry run of an import job: the file read in a worker thread (with the plan's remembered
 * column mapping), every row compared with the plan in slices (the event loop turns between
 * them), and the report, the checked operations and the file's layout stored in the job row. The
 * file itself stays until the commit, so a mapping or an institution chosen in the dry-run screen
 * can run it again.
 */
import { ImportFileError } from '../../../core/plans/import-table.js';
import { validateImport } from '../../../core/plans/import-validate.js';
import type { Actor } from '../../audit/context.js';
import type { Deps } from '../shared/deps.js';
import type { CommitRunner } from './commit-write.js';
import { JobTakenOver, opsToText } from './job-shared.js';
import { importLimitsOf, readImportFile } from './read-file.js';
import * as repo from './repository.js';

/** Rows checked between two turns of the event loop. */
const SLICE = 250;

/** The dry-run step of the job runner: `dryRun(signal, jobId, actor, planId, format)`. */
export function dryRunner({ db, config }: Pick<Deps, 'db' | 'config'>, runner: CommitRunner) {
  const { breathe, progressWriter, finish, requirePlan } = runner;
  const readLimits = importLimitsOf(config);

  async function dryRun(
    signal: AbortSignal,
    jobId: string,
    actor: Actor,
    planId: string,
    format: 'csv' | 'xlsx',
  ) {
    await requirePlan(actor, planId);
    const stored = await db.kysely
      .selectFrom('plan_imports')
      .select('upload')
      .where('id', '=', jobId)
      .executeTakeFirst();
    if (!stored?.upload) {
      throw new ImportFileError('The uploaded file is no longer kept; upload it again.');
    }
    await repo.updateJob(db.kysely, jobId, { status: 'validating' });
    const remembered = await repo.findMapping(db.kysely, planId);
    const table = await readImportFile(stored.upload, format, readLimits, remembered?.mapping);
    if (signal.aborted) throw new JobTakenOver();
    const rows = table.rows.length;
    const progress = progressWriter(jobId);
    progress(0, rows, true);
    const { snapshot, fingerprint } = await repo.loadSnapshot(db.kysely, actor, planId);
    const result = await validateImport(table, snapshot, {
      chunk: SLICE,
      pause: async (done, total) => {
        await breathe(signal);
        progress(Math.floor((done / total) * rows), rows);
      },
    });
    const ops = await opsToText({ creates: result.creates, updates: result.updates }, () =>
      breathe(signal),
    );
    const report = JSON.stringify(result.outcomes);
    const unknownOrganisations = [
      ...new Set(result.outcomes.flatMap((o) => o.unknownOrganisations)),
    ].slice(0, 100);
    await finish(jobId, {
      status: 'validated',
      progress_done: rows,
      progress_total: rows,
      counts: JSON.stringify(result.counts),
      ignored_headings: JSON.stringify(table.ignoredHeadings),
      report,
      ops,
      // The file stays until the commit: a column mapped or an institution created in the dry
      // run screen runs the dry run again over the same file.
      table_data: JSON.stringify({
        headings: table.headings ?? [],
        decisions: (table.decisions ?? []).slice(0, 500),
        unknownOrganisations,
      }),
      fingerprint,
    });
  }

  return dryRun;
}
