/**
 * The one audit choke point. Every mutation calls `record` inside its own transaction; entries are
 * hash-chained: hash = sha256(prev_hash ‖ canonical JSON of the entry).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../core/json/canonical.js';
import { uuidv7 } from '../../core/ids/uuidv7.js';
import type { Trx } from '../db/database.js';
import { lockAuditChain, type DialectName } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import type { ActionContext } from './context.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

interface ChainedFields {
  seq: number;
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before_state: string | null;
  after_state: string | null;
}

/** The hash of an entry given the previous entry's hash. */
export function chainHash(prevHash: string, entry: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update(
      canonicalJson({
        seq: entry.seq,
        id: entry.id,
        occurredAt: entry.occurred_at,
        actorId: entry.actor_id,
        actorName: entry.actor_name,
        ip: entry.ip,
        action: entry.action,
        entityType: entry.entity_type,
        entityId: entry.entity_id,
        before: entry.before_state,
        after: entry.after_state,
      }),
    )
    .digest('hex');
}

/** Is this snapshot's security label releasable to the public? */
function releasedToPublic(snapshot: unknown): boolean {
  if (!snapshot || typeof snapshot !== 'object') return false;
  const label = (snapshot as { label?: { releasableTo?: unknown } }).label;
  return Array.isArray(label?.releasableTo) && label.releasableTo.includes('PUBLIC');
}

/**
 * Publishing is an explicit act and the audit trail says so: an entry whose record becomes public
 * (created public, or changed from a non-public label) carries `published: true` in its after
 * state, next to the label itself.
 */
function markPublished(input: AuditInput): unknown {
  const { before, after } = input;
  if (!after || typeof after !== 'object' || Array.isArray(after)) return after;
  if (!releasedToPublic(after) || releasedToPublic(before)) return after;
  return { ...after, published: true };
}

/** Rows per multi-row insert when many entries are appended at once. */
const ROWS_PER_INSERT = 100;

export class AuditLog {
  constructor(private readonly dialect: DialectName) {}

  /** Appends one entry to the chain, in the caller's transaction. */
  async record(trx: Trx, ctx: ActionContext, input: AuditInput): Promise<void> {
    await this.recordMany(trx, ctx, [input]);
  }

  /**
   * Appends entries to the chain in order, in the caller's transaction: the chain is locked and its
   * head read once, and rows go in as multi-row inserts (a 10,000-row import writes 100 statements,
   * not 30,000). `pause` runs between slices so a long batch lets the event loop breathe.
   */
  async recordMany(
    trx: Trx,
    ctx: ActionContext,
    inputs: readonly AuditInput[],
    pause?: () => Promise<unknown>,
  ): Promise<void> {
    if (inputs.length === 0) return;
    await lockAuditChain(trx as unknown as Kysely<unknown>, this.dialect);
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let prevHash = last?.hash ?? GENESIS_HASH;
    let seq = last?.seq ?? 0;
    const occurredAt = new Date().toISOString();
    for (let i = 0; i < inputs.length; i += ROWS_PER_INSERT) {
      const rows = inputs.slice(i, i + ROWS_PER_INSERT).map((input) => {
        seq += 1;
        const entry: ChainedFields = {
          seq,
          id: uuidv7(),
          occurred_at: occurredAt,
          actor_id: ctx.actor?.id ?? null,
          actor_name: ctx.actor?.email ?? null,
          ip: ctx.ip,
          action: input.action,
          entity_type: input.entityType ?? null,
          entity_id: input.entityId ?? null,
          before_state: input.before === undefined ? null : canonicalJson(input.before),
          after_state: input.after === undefined ? null : canonicalJson(markPublished(input)),
        };
        const hash = chainHash(prevHash, entry);
        const row = { ...entry, prev_hash: prevHash, hash };
        prevHash = hash;
        return row;
      });
      await trx.insertInto('audit_log').values(rows).execute();
      if (pause && i + ROWS_PER_INSERT < inputs.length) await pause();
    }
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headHash: string;
  firstBad?: { seq: number; reason: string };
}

/** Walks the chain in order; reports the first entry whose link or hash does not hold. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const batch = 1000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return {
          ok: false,
          checked,
          headHash: prev,
          firstBad: { seq: expectedSeq, reason: 'entry missing' },
        };
      if (row.prev_hash !== prev)
        return {
          ok: false,
          checked,
          headHash: prev,
          firstBad: { seq: row.seq, reason: 'link to previous entry broken' },
        };
      if (chainHash(prev, row) !== row.hash)
        return {
          ok: false,
          checked,
          headHash: prev,
          firstBad: { seq: row.seq, reason: 'content altered' },
        };
      prev = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batch) return { ok: true, checked, headHash: prev };
  }
}
