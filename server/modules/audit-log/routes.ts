/**
 * /api/v1/audit-log — administrators browse and filter the hash-chained log, export its head for
 * safekeeping elsewhere, and verify the chain (optionally against a head kept elsewhere, which
 * detects truncation).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, authorize, isAdministrator } from '../../access/policy.js';
import { verifyAuditChain } from '../../audit/audit-log.js';
import { contextOf } from '../../http/context.js';
import { listEnvelope, listQuery, offsetOf } from '../../http/lists.js';
import { writeErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { withheldEntries, withholdReferences } from './visibility.js';

// Reading the log is an administrative act; the 'update' ability on the log stands for it.
const AUDIT_LOG = 'audit_log';
allow('update', AUDIT_LOG, isAdministrator);

const entryOut = z.object({
  seq: z.number().int(),
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
  /**
   * True when the entry's record is not visible to the reader (on its label or a container's):
   * the entry is listed, but its record id and before/after are withheld.
   */
  redacted: z.boolean(),
});

const filters = listQuery(['seq'], 'seq')
  .omit({ sort: true, order: true })
  .extend({
    action: z.string().trim().max(100).optional(),
    actorId: z.uuid().optional(),
    entityType: z.string().trim().max(50).optional(),
    entityId: z.uuid().optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  })
  .strict();

const headOut = z.object({
  seq: z.number().int(),
  hash: z.string(),
  occurredAt: z.string().nullable(),
});
const verifyOut = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headHash: z.string(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
  matchesExpectedHead: z.boolean().optional(),
});

/** A date-only `to` includes that whole day (UTC). */
function endOf(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : new Date(to).toISOString();
}

function parse(json: string | null): unknown {
  return json === null ? null : (JSON.parse(json) as unknown);
}

export const auditLogRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  const tags = ['Audit log'];

  app.get(
    '/audit-log',
    {
      schema: {
        tags,
        summary: 'Browse the audit log, newest first',
        querystring: filters,
        response: { 200: listEnvelope(entryOut), ...writeErrors },
      },
    },
    async (request) => {
      authorize(contextOf(request).actor, 'update', AUDIT_LOG);
      const { page, pageSize, action, actorId, entityType, entityId, from, to } = request.query;
      const actor = request.actor;
      // Asking for the entries of one record answers like an unknown id when the reader may not
      // see that record: the filter must not tell which hidden ids exist.
      if (entityId) {
        const about = await db.kysely
          .selectFrom('audit_log')
          .select(['seq', 'entity_type', 'before_state', 'after_state'])
          .where('entity_id', '=', entityId)
          .$if(Boolean(entityType), (qb) => qb.where('entity_type', '=', entityType ?? ''))
          .orderBy('seq', 'desc')
          .limit(1)
          .execute();
        const hidden = await withheldEntries(
          db.kysely,
          actor,
          about.map((r) => ({
            seq: r.seq,
            entity_type: r.entity_type,
            entity_id: entityId,
            before: parse(r.before_state),
            after: parse(r.after_state),
          })),
        );
        if (hidden.size > 0) return { items: [], total: 0, page, pageSize };
      }
      const base = db.kysely
        .selectFrom('audit_log')
        .$if(Boolean(action), (qb) => qb.where('action', 'like', `${action}%`))
        .$if(Boolean(actorId), (qb) => qb.where('actor_id', '=', actorId ?? ''))
        .$if(Boolean(entityType), (qb) => qb.where('entity_type', '=', entityType ?? ''))
        .$if(Boolean(entityId), (qb) => qb.where('entity_id', '=', entityId ?? ''))
        .$if(Boolean(from), (qb) =>
          qb.where('occurred_at', '>=', new Date(from ?? '').toISOString()),
        )
        .$if(Boolean(to), (qb) => qb.where('occurred_at', '<=', endOf(to ?? '')));
      const [rows, count] = await Promise.all([
        base
          .selectAll()
          .orderBy('seq', 'desc')
          .limit(pageSize)
          .offset(offsetOf({ page, pageSize }))
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      // The log must not become a way around the read rule: snapshots of records the reader may not
      // see — on their own label or a container's — are withheld (one query per entity type a page).
      const parsed = rows.map((r) => ({
        row: r,
        before: parse(r.before_state),
        after: parse(r.after_state),
      }));
      const withheld = await withheldEntries(
        db.kysely,
        actor,
        parsed.map((p) => ({
          seq: p.row.seq,
          entity_type: p.row.entity_type,
          entity_id: p.row.entity_id,
          before: p.before,
          after: p.after,
        })),
      );
      // A shown entry names no hidden record: references to them are removed from its snapshots.
      const clean = await withholdReferences(
        db.kysely,
        actor,
        parsed.filter((p) => !withheld.has(p.row.seq)).flatMap((p) => [p.before, p.after]),
      );
      return {
        items: parsed.map(({ row: r, before, after }) => {
          const hidden = withheld.has(r.seq);
          return {
            seq: r.seq,
            id: r.id,
            occurredAt: r.occurred_at,
            actorId: r.actor_id,
            actorName: r.actor_name,
            ip: r.ip,
            action: r.action,
            entityType: r.entity_type,
            entityId: hidden ? null : r.entity_id,
            before: hidden ? null : clean(before),
            after: hidden ? null : clean(after),
            hash: r.hash,
            redacted: hidden,
          };
        }),
        total: Number(count.n),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/audit-log/head',
    {
      schema: {
        tags,
        summary: 'The newest entry’s hash, to keep elsewhere',
        response: { 200: headOut, ...writeErrors },
      },
    },
    async (request) => {
      authorize(contextOf(request).actor, 'update', AUDIT_LOG);
      const head = await db.kysely
        .selectFrom('audit_log')
        .select(['seq', 'hash', 'occurred_at'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return {
        seq: head?.seq ?? 0,
        hash: head?.hash ?? '0'.repeat(64),
        occurredAt: head?.occurred_at ?? null,
      };
    },
  );

  app.get(
    '/audit-log/verify',
    {
      schema: {
        tags,
        summary:
          'Check the hash chain; with seq and hash of a head kept elsewhere, also detect truncation',
        querystring: z
          .object({
            seq: z.coerce.number().int().min(1).optional(),
            hash: z
              .string()
              .regex(/^[0-9a-f]{64}$/, 'must be a 64-character hex hash')
              .optional(),
          })
          .strict(),
        response: { 200: verifyOut, ...writeErrors },
      },
    },
    async (request) => {
      authorize(contextOf(request).actor, 'update', AUDIT_LOG);
      const result = await verifyAuditChain(db.kysely);
      const { seq, hash } = request.query;
      if (seq === undefined || hash === undefined) return result;
      const kept = await db.kysely
        .selectFrom('audit_log')
        .select('hash')
        .where('seq', '=', seq)
        .executeTakeFirst();
      return { ...result, matchesExpectedHead: kept?.hash === hash };
    },
  );
};
