/**
 * /api/v1/audit-log — administrators browse and filter the hash-chained log, export its head for
 * safekeeping elsewhere, and verify the chain (optionally against a head kept elsewhere, which
 * detects truncation).
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditEntryOut,
  auditHeadOut,
  auditLogFilters,
  auditVerifyOut,
} from '../../../core/schemas/audit-log.js';
import { allow, authorize, isAdministrator } from '../../access/policy.js';
import { verifyAuditChain } from '../../audit/audit-log.js';
import { contextOf } from '../../http/context.js';
import { listEnvelope, listQuery, offsetOf } from '../../http/lists.js';
import { writeErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { entryTitles, referenceTitles, type Title } from './titles.js';
import { referenceIds, withheldEntries, withholdReferences } from './visibility.js';

// Reading the log is an administrative act; the 'update' ability on the log stands for it.
const AUDIT_LOG = 'audit_log';
allow('update', AUDIT_LOG, isAdministrator);

const filters = listQuery(['seq'], 'seq')
  .omit({ sort: true, order: true })
  .extend(auditLogFilters.shape)
  .strict();

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
        response: { 200: listEnvelope(auditEntryOut), ...writeErrors },
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
        .$if(Boolean(action), (qb) =>
          // "plan_item." is the family, "auth.login" exactly that action (not auth.login_failed).
          action?.endsWith('.')
            ? qb.where(sql<string>`substr(action, 1, ${action.length})`, '=', action)
            : qb.where('action', '=', action ?? ''),
        )
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
      const shown = parsed
        .filter((p) => !withheld.has(p.row.seq))
        .map((p) => ({ ...p, before: clean(p.before), after: clean(p.after) }));
      const titles = await entryTitles(
        db.kysely,
        shown.flatMap(({ row, before, after }) =>
          row.entity_type && row.entity_id
            ? [
                {
                  seq: row.seq,
                  entityType: row.entity_type,
                  entityId: row.entity_id,
                  before,
                  after,
                },
              ]
            : [],
        ),
      );
      const referenced = new Set<string>();
      for (const p of shown)
        for (const s of [p.before, p.after]) referenceIds(s, (id) => referenced.add(id));
      const names = await referenceTitles(db.kysely, referenced);
      const cleaned = new Map(shown.map((p) => [p.row.seq, p]));
      const referencesOf = (p: { before: unknown; after: unknown } | undefined) => {
        const out: Record<string, Title> = {};
        if (p)
          for (const s of [p.before, p.after])
            referenceIds(s, (id) => {
              const name = names.get(id);
              if (name) out[id] = name;
            });
        return out;
      };
      return {
        items: parsed.map(({ row: r }) => {
          const hidden = withheld.has(r.seq);
          const visible = cleaned.get(r.seq);
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
            entityTitle: titles.get(r.seq) ?? null,
            before: hidden ? null : (visible?.before ?? null),
            after: hidden ? null : (visible?.after ?? null),
            references: referencesOf(visible),
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
        response: { 200: auditHeadOut, ...writeErrors },
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
        response: { 200: auditVerifyOut, ...writeErrors },
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
