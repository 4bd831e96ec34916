/**
 * What the parts of an import job share: the audit entity name, the checked operations as the dry
 * run stores them and the commit reads them back, and the two ways a job stops.
 */
import type { CreateOp, UpdateOp } from '../../../core/plans/import-validate.js';
import { errors } from '../../errors.js';

export const PLAN_IMPORT = 'plan_import';

/** The checked operations the dry run stores and the commit replays. */
export interface StoredOps {
  creates: CreateOp[];
  updates: UpdateOp[];
}

/** Operations (de)serialised between turns of the event loop: this many per turn. */
const OPS_SLICE = 500;

/**
 * Operations as text, one per line ("c{…}" a create, "u{…}" an update), built a slice at a time
 * so a 50,000-row import never holds the event loop for one big JSON.stringify.
 */
export async function opsToText(ops: StoredOps, pause: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const all = [
    ...ops.creates.map((op) => ['c', op] as const),
    ...ops.updates.map((op) => ['u', op] as const),
  ];
  for (let i = 0; i < all.length; i++) {
    lines.push(all[i]![0] + JSON.stringify(all[i]![1]));
    if ((i + 1) % OPS_SLICE === 0) await pause();
  }
  return lines.join('\n');
}

/** The inverse of opsToText, a slice of lines at a time. */
export async function opsFromText(text: string, pause: () => Promise<void>): Promise<StoredOps> {
  const ops: StoredOps = { creates: [], updates: [] };
  const lines = text === '' ? [] : text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line[0] === 'c') ops.creates.push(JSON.parse(line.slice(1)) as CreateOp);
    else ops.updates.push(JSON.parse(line.slice(1)) as UpdateOp);
    if ((i + 1) % OPS_SLICE === 0) await pause();
  }
  return ops;
}

/** The answer to a commit whose dry run no longer describes the plan. */
export function planChanged() {
  return errors.conflict(
    'The plan changed since the dry run (another import or an edit); nothing was imported. Upload the file again to run the dry run against the plan as it is now.',
    { reason: 'plan_changed' },
  );
}

/** Thrown inside a job when another instance has taken it over: this run stops, writing nothing. */
export class JobTakenOver extends Error {
  constructor() {
    super('The import job was taken over by another instance.');
  }
}
