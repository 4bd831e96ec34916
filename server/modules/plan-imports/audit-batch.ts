/**
 * Audit entries for a bulk write, appended to the hash chain in one go: the chain is locked and its
 * head read once, each entry is hashed exactly as AuditLog.record hashes it (chainHash over the
 * same fields, so `audit verify` checks them like any other), and the rows go in as multi-row
 * inserts. 10,000 entries one by one cost ~3 statements each; this costs one per 100.
 */
import { uuidv7 } from '../../../core/ids/uuidv7.js';
import { canonicalJson } from '../../../core/json/canonical.js';
import type { Kysely } from 'kysely';
import { chainHash, GENESIS_HASH, type AuditInput } from '../../audit/audit-log.js';
import type { ActionContext } from '../../audit/context.js';
import type { Trx } from '../../db/database.js';
import { lockAuditChain, type DialectName } from '../../db/dialect.js';

const ROWS_PER_INSERT = 100;

export async function recordAll(
  trx: Trx,
  dialect: DialectName,
  ctx: ActionContext,
  inputs: AuditInput[],
  pause?: () => Promise<unknown>,
): Promise<void> {
  if (inputs.length === 0) return;
  await lockAuditChain(trx as unknown as Kysely<unknown>, dialect);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const occurredAt = new Date().toISOString();
  for (let i = 0; i < inputs.length; i += ROWS_PER_INSERT) {
    const rows = inputs.slice(i, i + ROWS_PER_INSERT).map((input) => {
      seq += 1;
      const entry = {
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
        after_state: input.after === undefined ? null : canonicalJson(input.after),
      };
      const hash = chainHash(prev, entry);
      const row = { ...entry, prev_hash: prev, hash };
      prev = hash;
      return row;
    });
    await trx.insertInto('audit_log').values(rows).execute();
    // Hashing 10,000 entries takes a while: let the event loop breathe between slices.
    if (pause) await pause();
  }
}
