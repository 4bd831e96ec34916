/**
 * buildApp(config): the whole application as one Fastify instance. Tests build the same app and
 * talk to it through `inject`; main.ts listens on a port.
 */
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AuditLog } from './audit/audit-log.js';
import authPlugin from './auth/plugin.js';
import { authRoutes } from './auth/routes.js';
import type { Config } from './config.js';
import { createDb, type Db } from './db/database.js';
import { AppError, renderError } from './errors.js';
import { contentEtagHook } from './http/etag.js';
import { enforceIfMatch } from './http/if-match.js';
import { openapiTransform } from './http/openapi.js';
import { decodedPath } from './http/paths.js';
import { registerApiRateLimit, type RateLimitStore } from './http/rate-limit.js';
import { rateLimitStoreFor } from './http/rate-limit-stores.js';
import { collectRoutes } from './http/route-registry.js';
import { agreementRoutes } from './modules/agreements/routes.js';
import { activityRoutes } from './modules/activities/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { markingRoutes } from './modules/markings/routes.js';
import { mechanismRoutes } from './modules/mechanisms/routes.js';
import { organisationRoutes } from './modules/organisations/routes.js';
import { personRoutes } from './modules/persons/routes.js';
import { planRoutes } from './modules/plans/routes.js';
import { planExportRoutes, planItemRoutes } from './modules/plan-items/routes.js';
import { planItemHistoryRoutes } from './modules/plan-items/history-routes.js';
import { planImportRoutes } from './modules/plan-imports/routes.js';
import { indicatorRoutes } from './modules/indicators/routes.js';
import { reportingRoutes } from './modules/reporting/routes.js';
import { planDashboardRoutes } from './modules/plan-dashboard/routes.js';
import { commentRoutes } from './modules/comments/routes.js';
import type { Deps } from './modules/shared/deps.js';
import { timelineRoutes } from './modules/timeline/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { auditLogRoutes } from './modules/audit-log/routes.js';

import { contextOf } from './http/context.js';

export const API_PREFIX = '/api/v1';
export const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions {
  /** Use this database instead of opening the configured one (tests share one per file). */
  db?: Db;
  logger?: boolean;
  /** API requests per minute per account, token or address (default: the configuration's). */
  rateLimitPerMinute?: number;
  /** Sign-in attempts per minute per client address (default: the configuration's). */
  loginRateLimitPerMinute?: number;
  /** Where rate-limit counters live (default: the configuration's, LIAISON_RATE_LIMIT_STORE). */
  rateLimitStore?: RateLimitStore;
}

/**
 * A refused mutation (no session, wrong role, bad CSRF token) is audited in a transaction of its
 * own: the refused work rolled back, the record of the attempt must not.
 */
async function recordDenial(deps: Deps, request: FastifyRequest, error: AppError): Promise<void> {
  try {
    await deps.db.write((trx) =>
      deps.audit.record(trx, contextOf(request), {
        action: 'access.denied',
        after: { method: request.method, path: request.url.split('?')[0], code: error.code },
      }),
    );
  } catch (auditError) {
    request.log.error({ err: auditError }, 'could not audit a denied request');
  }
}

/** Builds the application; the caller owns `listen` and `close`. */
export async function buildApp(
  config: Config,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const db = options.db ?? createDb(config.database);
  const deps: Deps = {
    db,
    audit: new AuditLog(db.dialect),
    config,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? config.rateLimit.loginPerMinute,
  };

  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  // Every route, as registered: the route inventory test checks each is classified.
  collectRoutes(app);

  // The API speaks JSON only: a text/plain body is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(async (error, request, reply) => {
    if (
      error instanceof AppError &&
      (error.status === 401 || error.status === 403) &&
      request.method !== 'GET' &&
      // A failed sign-in is audited by the sign-in itself, with its reason.
      request.routeOptions.url !== `${API_PREFIX}/auth/login`
    ) {
      await recordDenial(deps, request, error);
    }
    return renderError(error, request, reply);
  });
  if (!options.db) app.addHook('onClose', () => db.close());

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liaison API',
        version: '1',
        description:
          'Plan, carry out, track and report partner–NATO cooperation. Errors are {error:{code,message,details}}; updates and deletes need If-Match with the ETag of the record.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'liaison_session',
            description:
              'The browser session set by POST /api/v1/auth/login; changes also need the X-CSRF-Token header from /api/v1/auth/me',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A personal access token (lsn_…) created in the web app; it can never change credentials',
          },
        },
      },
      // Either credential, or none for what is public.
      security: [{ session: [] }, { bearer: [] }, {}],
    },
    // zod → JSON Schema, then operationIds, If-Match, ETag, 304, 429 and file media types.
    transform: openapiTransform,
    // Puts schemas registered with an id (e.g. the recursive plan tree) under components.schemas.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  });

  await app.register(authPlugin, deps);
  // Changes to existing records need If-Match (428 before the body is read); see if-match.ts.
  enforceIfMatch(app);
  app.addHook('onSend', async (request, reply, payload) =>
    contentEtagHook(request, reply, payload),
  );
  await app.register(
    async (api) => {
      // First in the API scope: every API route, whatever the spelling of its URL, is limited.
      await registerApiRateLimit(api, {
        perMinute: options.rateLimitPerMinute ?? config.rateLimit.perMinute,
        store: options.rateLimitStore ?? rateLimitStoreFor(config.rateLimitStore, db),
      });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes, deps);
      await api.register(authRoutes, deps);
      await api.register(markingRoutes, deps);
      await api.register(organisationRoutes, deps);
      await api.register(personRoutes, deps);
      await api.register(mechanismRoutes, deps);
      await api.register(agreementRoutes, deps);
      await api.register(planRoutes, deps);
      await api.register(planItemRoutes, deps);
      await api.register(planItemHistoryRoutes, deps);
      await api.register(planExportRoutes, deps);
      await api.register(planImportRoutes, deps);
      await api.register(indicatorRoutes, deps);
      await api.register(reportingRoutes, deps);
      await api.register(planDashboardRoutes, deps);
      await api.register(commentRoutes, deps);
      await api.register(activityRoutes, deps);
      await api.register(timelineRoutes, deps);
      await api.register(userRoutes, deps);
      await api.register(auditLogRoutes, deps);
    },
    { prefix: API_PREFIX },
  );

  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: ['index.html'],
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    // Judged on the decoded path, as the router matches it: `/%61pi/…` is an API address too.
    const decoded = decodedPath(url);
    // A missing file (an old bundle after a redeploy) is a 404, not the app shell.
    const isFile = /\.[a-z0-9]+$/i.test(decoded);
    if (
      decoded.startsWith('/api/') ||
      decoded === '/api' ||
      request.method !== 'GET' ||
      !hasWeb ||
      isFile
    ) {
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: `There is no ${request.method} ${url} in this API. See /api/docs.`,
        },
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
