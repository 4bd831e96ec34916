/**
 * The four write routes every editable resource has — create, change, delete, restore — with the
 * same conventions: If-Match on change and delete, ETag and Location on answers, soft deletes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/schemas/common.js';
import type { ActionContext } from '../audit/context.js';
import { contextOf } from './context.js';
import { recordEtag, requiredIfMatch } from './etag.js';
import { writeErrors } from './responses.js';

export interface Saved<Body> {
  row: { id: string; version: number };
  body: Body;
}

export interface WriteService<Create, Update, Body> {
  create(ctx: ActionContext, input: Create): Promise<Saved<Body>>;
  update(
    ctx: ActionContext,
    id: string,
    expected: number | '*',
    input: Update,
  ): Promise<Saved<Body>>;
  remove(ctx: ActionContext, id: string, expected: number | '*'): Promise<void>;
  restore(ctx: ActionContext, id: string): Promise<Saved<Body>>;
}

export interface WriteRoutesOptions<C extends z.ZodType, U extends z.ZodType, O extends z.ZodType> {
  /** Collection path, e.g. '/organisations'. */
  path: string;
  /** Singular noun for summaries, e.g. 'organisation'. */
  noun: string;
  tags: string[];
  create: C;
  update: U;
  out: O;
  service: WriteService<z.infer<C>, z.infer<U>, z.infer<O>>;
}

/** Registers POST, PATCH, DELETE and POST …/restore for one resource. */
export function registerWriteRoutes<C extends z.ZodType, U extends z.ZodType, O extends z.ZodType>(
  // Typed loosely: the zod schemas below still validate every request and response at run time.
  appIn: { withTypeProvider: FastifyInstance['withTypeProvider'] },
  o: WriteRoutesOptions<C, U, O>,
): void {
  const app = appIn.withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;
  const { tags, noun, service } = o;

  app.post(
    o.path,
    {
      schema: {
        tags,
        summary: `Create a ${noun}`,
        body: o.create,
        response: { 201: o.out, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await service.create(contextOf(request), request.body as z.infer<C>);
      return reply
        .status(201)
        .header('location', `/api/v1${o.path}/${saved.row.id}`)
        .header('etag', recordEtag(saved.row.version, saved.body))
        .send(saved.body);
    },
  );

  app.patch(
    `${o.path}/:id`,
    {
      schema: {
        tags,
        summary: `Change a ${noun} (send If-Match with its ETag)`,
        params: idParams,
        body: o.update,
        response: { 200: o.out, ...writeErrors },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatch(request);
      const saved = await service.update(
        contextOf(request),
        (request.params as { id: string }).id,
        expected,
        request.body as z.infer<U>,
      );
      return reply.header('etag', recordEtag(saved.row.version, saved.body)).send(saved.body);
    },
  );

  app.delete(
    `${o.path}/:id`,
    {
      schema: {
        tags,
        summary: `Delete a ${noun} (send If-Match; undo with restore)`,
        params: idParams,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await service.remove(
        contextOf(request),
        (request.params as { id: string }).id,
        requiredIfMatch(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${o.path}/:id/restore`,
    {
      schema: {
        tags,
        summary: `Undo the deletion of a ${noun}`,
        params: idParams,
        response: { 200: o.out, ...writeErrors },
      },
    },
    async (request, reply) => {
      const saved = await service.restore(
        contextOf(request),
        (request.params as { id: string }).id,
      );
      return reply.header('etag', recordEtag(saved.row.version, saved.body)).send(saved.body);
    },
  );
}
