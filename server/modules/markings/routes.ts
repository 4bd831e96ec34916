/** GET /api/v1/marking-levels — the marking policies and their ordered levels (data, not code). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../shared/deps.js';
import { DEPLOYMENT_MAX_RANK } from '../shared/records.js';
import { deploymentSettings } from './deployment.js';

const levelOut = z.object({
  policy: z.string(),
  code: z.string(),
  rank: z.number().int(),
  name: z.object({ en: z.string(), sr: z.string() }),
  public: z.boolean(),
  /** False when the deployment may not hold records at this level. */
  allowed: z.boolean(),
});

/** What new records and accounts get when the form leaves it to the deployment. */
const deploymentOut = z.object({
  partnerNation: z.string().nullable(),
  defaultOwner: z.string(),
  defaultLabel: z.object({
    policy: z.string(),
    level: z.string(),
    releasableTo: z.array(z.string()),
    owner: z.string(),
  }),
});

export const markingRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/marking-levels',
    {
      schema: {
        tags: ['Security labels'],
        summary: 'Marking policies and their levels, lowest first, and the deployment’s defaults',
        response: {
          200: z.object({
            items: z.array(levelOut),
            maxRank: z.number().int(),
            policies: z.array(
              z.object({ code: z.string(), name: z.object({ en: z.string(), sr: z.string() }) }),
            ),
            deployment: deploymentOut,
          }),
        },
      },
    },
    async () => {
      const settings = await deploymentSettings(db.kysely);
      const policies = await db.kysely
        .selectFrom('marking_policies')
        .select(['code', 'name_en', 'name_sr'])
        .orderBy('position')
        .execute();
      const rows = await db.kysely
        .selectFrom('marking_levels as l')
        .innerJoin('marking_policies as p', 'p.code', 'l.policy_code')
        .select(['l.policy_code', 'l.code', 'l.rank', 'l.name_en', 'l.name_sr', 'l.public'])
        .orderBy('p.position')
        .orderBy('l.rank')
        .execute();
      return {
        maxRank: DEPLOYMENT_MAX_RANK,
        deployment: settings,
        policies: policies.map((p) => ({ code: p.code, name: { en: p.name_en, sr: p.name_sr } })),
        items: rows.map((r) => ({
          policy: r.policy_code,
          code: r.code,
          rank: r.rank,
          name: { en: r.name_en, sr: r.name_sr },
          public: Boolean(r.public),
          allowed: r.rank <= DEPLOYMENT_MAX_RANK,
        })),
      };
    },
  );
};
