/** The audit log as the API shows it: filters, one entry, the chain head and its check. */
import { z } from 'zod';
import { idSchema, localisedTextOut } from './common.js';

/**
 * Filters of GET /audit-log. `action` is one action ("plan_item.update") or, ending in a dot, a
 * family of them ("plan_item."); `from`/`to` are moments or days (a day `to` includes the whole
 * day, UTC).
 */
export const auditLogFilters = z.object({
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_]+(\.[a-z_]*)?$/, 'must be an action such as "plan_item.update" or "plan_item."')
    .optional(),
  actorId: idSchema.optional(),
  entityType: z
    .string()
    .trim()
    .max(50)
    .regex(/^[a-z_]+$/, 'must be a record type such as "plan_item"')
    .optional(),
  entityId: idSchema.optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type AuditLogFilterQuery = z.infer<typeof auditLogFilters>;

export const auditEntryOut = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /**
   * What the record is called (a plan item's code and title, an organisation's name…), when the
   * reader may see it; null for a withheld entry, and for entries without a record.
   */
  entityTitle: localisedTextOut.nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /**
   * Names of the records the snapshots refer to (fields ending in `Id`/`Ids`), by id: only those
   * the reader may see. A reference the reader may not see is already removed from the snapshot.
   */
  references: z.record(z.string(), localisedTextOut),
  hash: z.string(),
  /**
   * True when the entry's record is not visible to the reader (on its label or a container's):
   * the entry is listed, but its record id, title and before/after are withheld.
   */
  redacted: z.boolean(),
});
export type AuditEntry = z.infer<typeof auditEntryOut>;

export const auditHeadOut = z.object({
  seq: z.number().int(),
  hash: z.string(),
  occurredAt: z.string().nullable(),
});
export type AuditHeadOut = z.infer<typeof auditHeadOut>;

export const auditVerifyOut = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headHash: z.string(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
  matchesExpectedHead: z.boolean().optional(),
});
export type AuditVerifyOut = z.infer<typeof auditVerifyOut>;
