/**
 * GET /api/v1/health — liveness plus a database round trip.
 * GET /api/v1/health/ready — readiness for a load balancer: 200 when the database answers and has
 * every migration this build knows, 503 with the reasons otherwise, and 503 as soon as the
 * instance starts draining on SIGTERM. Neither is rate-limited (load balancers poll them) and
 * neither reads a labelled record.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pendingMigrations } from '../../db/migrate.js';
import type { Deps } from '../shared/deps.js';
import { isDraining } from './drain.js';

/** How long the readiness check waits for the database before calling it unreachable. */
const DATABASE_TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export const healthRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['Operations'],
        summary: 'Is the service up and its database reachable?',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['sqlite', 'postgres']),
            time: z.string(),
          }),
          503: z.object({
            status: z.literal('unavailable'),
            database: z.enum(['sqlite', 'postgres']),
          }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(db.kysely);
        return { status: 'ok' as const, database: db.dialect, time: new Date().toISOString() };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: db.dialect });
      }
    },
  );

  app.get(
    '/health/ready',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['Operations'],
        summary: 'Should a load balancer send this instance requests?',
        description:
          'Ready (200) when the database answers within 2 s and has every migration this build ' +
          'knows. Not ready (503, with the reasons) otherwise, and from the moment the instance ' +
          'is asked to stop (SIGTERM): it keeps serving for LIAISON_DRAIN_DELAY_SECONDS, then ' +
          'closes. Point the load balancer’s health check here; use /health for liveness.',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.enum(['sqlite', 'postgres']),
          }),
          503: z.object({
            status: z.literal('not_ready'),
            database: z.enum(['sqlite', 'postgres']),
            reasons: z.array(z.string()),
          }),
        },
      },
    },
    async (_request, reply) => {
      const reasons: string[] = [];
      if (isDraining(app)) reasons.push('draining: the instance is stopping');
      try {
        await within(sql`select 1`.execute(db.kysely), DATABASE_TIMEOUT_MS);
        const pending = await within(pendingMigrations(db), DATABASE_TIMEOUT_MS);
        if (pending.length > 0) reasons.push(`migrations pending: ${pending.join(', ')}`);
      } catch (error) {
        reasons.push(
          error instanceof Error && error.message === 'timeout'
            ? `database: no answer within ${DATABASE_TIMEOUT_MS / 1000} s`
            : 'database: unreachable',
        );
      }
      if (reasons.length > 0) {
        return reply
          .status(503)
          .send({ status: 'not_ready' as const, database: db.dialect, reasons });
      }
      return { status: 'ready' as const, database: db.dialect };
    },
  );
};
