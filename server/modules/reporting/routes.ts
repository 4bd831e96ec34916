/** Reporting periods and progress reports (see service.ts for the workflow). */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema } from '../../../core/schemas/common.js';
import {
  periodCreate,
  periodOut,
  reportApprove,
  reportDraft,
  reportHistoryOut,
  reportOut,
  reportReturn,
  reportsDueOut,
  reportSubmit,
} from '../../../core/schemas/reporting.js';
import { contextOf } from '../../http/context.js';
import { requiredIfMatch } from '../../http/etag.js';
import { readErrors, writeErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { presentPeriod, presentReport, reportingService } from './service.js';

const tags = ['Reporting'];
const versionTag = (version: number) => `"${version}"`;
/** A report after a transition, with the ETag the next transition sends back as If-Match. */
const sendReport = (reply: FastifyReply, row: Parameters<typeof presentReport>[0]) =>
  reply.header('etag', versionTag(row.version)).send(presentReport(row));

export const reportingRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const service = reportingService(deps);

  app.get(
    '/plans/:id/periods',
    {
      schema: {
        tags,
        summary: 'Reporting periods of a plan, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(periodOut) }), ...readErrors },
      },
    },
    async (request) => ({
      items: (await service.periods(request.actor, request.params.id)).map(presentPeriod),
    }),
  );

  app.post(
    '/plans/:id/periods',
    {
      schema: {
        tags,
        summary: 'Open a reporting period (coordinators)',
        params: idParams,
        body: periodCreate,
        response: { 201: periodOut, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentPeriod(
            await service.openPeriod(contextOf(request), request.params.id, request.body),
          ),
        ),
  );

  app.post(
    '/periods/:id/lock',
    {
      schema: {
        tags,
        summary: 'Lock a period: its reports can no longer change (send If-Match)',
        params: idParams,
        response: { 200: periodOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await service.lockPeriod(
        contextOf(request),
        request.params.id,
        requiredIfMatch(request),
      );
      return reply.header('etag', versionTag(row.version)).send(presentPeriod(row));
    },
  );

  app.get(
    '/periods/:id/reports-due',
    {
      schema: {
        tags,
        summary:
          'Items the caller’s institution reports on in this period, with their reports so far',
        params: idParams,
        response: {
          200: reportsDueOut,
          ...readErrors,
        },
      },
    },
    async (request) => {
      const { period, items } = await service.due(request.actor, request.params.id);
      return { period: presentPeriod(period), items };
    },
  );

  app.put(
    '/periods/:id/items/:itemId/report',
    {
      schema: {
        tags,
        summary: 'Save the report on one item as a draft (If-Match once it exists)',
        params: z.object({ id: idSchema, itemId: idSchema }).strict(),
        body: reportDraft,
        response: { 200: reportOut, 201: reportOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const expected = request.headers['if-match'] ? requiredIfMatch(request) : null;
      const { row, created } = await service.saveDraft(
        contextOf(request),
        request.params.id,
        request.params.itemId,
        expected,
        request.body,
      );
      return reply
        .status(created ? 201 : 200)
        .header('etag', versionTag(row.version))
        .send(presentReport(row));
    },
  );

  app.post(
    '/reports/:id/submit',
    {
      schema: {
        tags,
        summary:
          'Submit a report for review (send If-Match); a period that has not begun needs early: true',
        params: idParams,
        body: reportSubmit.nullish(),
        response: { 200: reportOut, ...writeErrors },
      },
    },
    async (request, reply) =>
      sendReport(
        reply,
        await service.submit(contextOf(request), request.params.id, requiredIfMatch(request), {
          early: request.body?.early === true,
        }),
      ),
  );

  app.post(
    '/reports/:id/approve',
    {
      schema: {
        tags,
        summary:
          'Approve a report, with an optional comment for the institution: the item takes the ' +
          'reported status and progress (send If-Match); a period that has not begun needs early: true',
        params: idParams,
        body: reportApprove.nullish(),
        response: { 200: reportOut, ...writeErrors },
      },
    },
    async (request, reply) =>
      sendReport(
        reply,
        await service.approve(contextOf(request), request.params.id, requiredIfMatch(request), {
          comment: request.body?.comment,
          early: request.body?.early === true,
        }),
      ),
  );

  app.post(
    '/reports/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a report to its institution with a comment (send If-Match)',
        params: idParams,
        body: reportReturn,
        response: { 200: reportOut, ...writeErrors },
      },
    },
    async (request, reply) =>
      sendReport(
        reply,
        await service.returnForChanges(
          contextOf(request),
          request.params.id,
          requiredIfMatch(request),
          request.body.comment,
        ),
      ),
  );

  app.get(
    '/plan-items/:id/reports',
    {
      schema: {
        tags,
        summary:
          'An item’s reports across periods (its history of status and progress), and where its progress comes from',
        params: idParams,
        response: {
          200: reportHistoryOut,
          ...readErrors,
        },
      },
    },
    async (request) => service.history(request.actor, request.params.id),
  );
};
