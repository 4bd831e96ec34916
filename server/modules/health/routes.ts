/** GET /api/v1/health — liveness plus a database round trip. */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../shared/deps.js';

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
};
