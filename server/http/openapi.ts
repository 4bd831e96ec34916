/**
 * The OpenAPI document says what the server does, in one place: this transform runs on every
 * route (after the zod → JSON Schema step) and adds what the routes do not spell out one by one:
 * an operationId (from method and path) where a route has none, the If-Match header on every
 * change to an existing record (if-match.ts decides which), the ETag header and 304 on JSON reads,
 * 429 on rate-limited routes, session-only security on credential routes, and the media types of
 * the file downloads.
 */
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changesExistingRecord, requiresIfMatch } from './if-match.js';
import { errorOut } from './responses.js';

const API = '/api/v1/';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes that answer a file rather than JSON, and its media types. */
export const FILE_RESPONSES: Readonly<Record<string, Record<string, string>>> = {
  'GET /api/v1/plans/:id/export': {
    'text/csv': 'The items as CSV (UTF-8), when format=csv',
    [XLSX]: 'The items as an Excel workbook, when format=xlsx',
  },
  'GET /api/v1/plans/:id/import-template': {
    [XLSX]: 'An Excel workbook to fill in and import',
  },
};

const ETAG_HEADER = {
  ETag: {
    type: 'string',
    description:
      'Strong entity tag of this representation: send it back as If-Match to change the record, or as If-None-Match to get 304 when nothing changed',
  },
};

const IF_MATCH = {
  type: 'string',
  description:
    'The ETag of the record as you last read it (or "*"): 428 without it, 412 when the record changed since',
};

let errorJson: Record<string, unknown> | undefined;
function errorSchema(): Record<string, unknown> {
  errorJson ??= (() => {
    const { $schema: _drop, ...rest } = z.toJSONSchema(errorOut, { io: 'output' }) as Record<
      string,
      unknown
    >;
    return rest;
  })();
  return errorJson;
}

/** 'PATCH /api/v1/plan-items/:id' → 'patchPlanItemsById'. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith(':') ? `by-${segment.slice(1)}` : segment.replace(/[^A-Za-z0-9]+/g, '-'),
    )
    .join('-')
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return method.toLowerCase() + words.join('');
}

type JsonSchema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
};
type Doc = Parameters<typeof jsonSchemaTransform>[0] & { route?: RouteOptions };

/** The swagger `transform`: jsonSchemaTransform, then the conventions above. */
export function openapiTransform(document: Doc) {
  const { schema: converted, url } = jsonSchemaTransform(document);
  const route = document.route;
  if (!converted || (converted as { hide?: boolean }).hide || !route) {
    return { schema: converted, url };
  }
  const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
  const routeUrl = route.url;
  const key = `${method} ${routeUrl}`;
  const schema = { ...converted } as FastifySchema & {
    operationId?: string;
    security?: Record<string, string[]>[];
    response?: Record<string, unknown>;
    headers?: JsonSchema;
  };
  schema.operationId ??= operationIdOf(method, routeUrl);
  const response: Record<string, unknown> = { ...schema.response };
  const config = (route.config ?? {}) as {
    rateLimit?: unknown;
    credentials?: boolean;
    sessionOnly?: boolean;
  };

  // If-Match: required where the server requires it; optional on a create-or-update PUT.
  if (changesExistingRecord(method, routeUrl)) {
    const required = requiresIfMatch(method, routeUrl);
    if (required || method === 'PUT') {
      const headers: JsonSchema = {
        type: 'object',
        ...schema.headers,
        properties: { ...schema.headers?.properties, 'if-match': IF_MATCH },
        required: [
          ...(schema.headers?.required ?? []).filter((r) => r !== 'if-match'),
          ...(required ? ['if-match'] : []),
        ],
      };
      schema.headers = headers;
      response['412'] ??= { ...errorSchema(), description: 'The record changed since you read it' };
      if (required) response['428'] ??= { ...errorSchema(), description: 'If-Match is missing' };
    }
  }

  if (method === 'GET') {
    const files = FILE_RESPONSES[key];
    if (files) {
      response['200'] = {
        description: 'The file, as an attachment',
        content: Object.fromEntries(
          Object.entries(files).map(([type, description]) => [
            type,
            {
              schema:
                type === XLSX
                  ? { type: 'string', contentMediaType: type, description }
                  : { type: 'string', description },
            },
          ]),
        ),
      };
    } else if (response['200'] && typeof response['200'] === 'object') {
      const ok = response['200'] as Record<string, unknown>;
      response['200'] = { ...ok, headers: { ...(ok.headers as object), ...ETAG_HEADER } };
      response['304'] ??= {
        type: 'null',
        description: 'Not modified: the If-None-Match you sent is the current ETag',
      };
    }
  }

  if (routeUrl.startsWith(API) && config.rateLimit !== false) {
    response['429'] ??= {
      ...errorSchema(),
      description: 'Too many requests from this account, token or address: wait and retry',
    };
  }
  // Credential and access routes take the cookie session only, never an access token.
  if (config.credentials || config.sessionOnly) schema.security = [{ session: [] }];

  schema.response = response;
  return { schema, url };
}
