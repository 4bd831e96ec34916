/**
 * /api/v1/plans/:id/import-template, /plans/:id/imports, /imports/:id — importing a plan's items
 * from XLSX or CSV: download the template, upload (a dry-run job starts), read the report, commit.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../core/schemas/common.js';
import {
  IMPORT_MAX_BYTES,
  importJobOut,
  importJobQuery,
  importMappingBody,
  importMappingOut,
  importOrganisationBody,
  importUpload,
  importUploadQuery,
  planImportsOut,
} from '../../../core/schemas/plan-import.js';
import { contextOf } from '../../http/context.js';
import { requiredIfMatch } from '../../http/etag.js';
import { attachmentDisposition } from '../plan-items/export.js';
import { errors } from '../../errors.js';
import { readErrors, writeErrors } from '../../http/responses.js';
import type { Deps } from '../shared/deps.js';
import { pageOfOutcomes, presentJob } from './presenter.js';
import { findPlan } from './repository.js';
import { planImportService } from './service.js';
import { buildTemplate } from './template.js';

const tags = ['Plans'];
/** Media types a raw upload may carry (the file itself as the body). */
const RAW_TYPES = [
  'text/csv',
  'application/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
/** The JSON upload carries the file in base64: a third larger, plus the envelope. */
const JSON_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;

export const planImportRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const log = (error: unknown) => app.log.error({ err: error }, 'plan import failed');
  const service = planImportService(deps, { log });
  // Every instance takes import jobs from the shared queue; jobs whose instance died are taken
  // over (or failed after too many attempts) — job-recovery.ts.
  app.addHook('onReady', async () => {
    const { released, failed } = await service.startRunner();
    if (released.length) {
      app.log.warn(
        { jobs: released },
        `${released.length} interrupted import jobs will be run again`,
      );
    }
    if (failed.length) {
      app.log.warn({ jobs: failed }, `${failed.length} interrupted import jobs marked failed`);
    }
  });
  app.addHook('onClose', () => service.drain());
  // Raw uploads: the body is the file's bytes (only in this plugin; the rest of the API is JSON).
  app.addContentTypeParser(
    RAW_TYPES,
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/plans/:id/import-template',
    {
      schema: {
        tags,
        summary:
          'XLSX template for importing items into the plan: headings, one example row, and the lists of statuses, organisations and funding sources',
        params: idParams,
      },
    },
    async (request, reply) => {
      const plan = await findPlan(deps.db.kysely, request.actor, request.params.id);
      if (!plan) throw errors.notFound('The plan');
      const file = await buildTemplate(deps.db.kysely, request.actor, plan);
      return reply
        .header('content-disposition', attachmentDisposition(`${plan.code}-import-template.xlsx`))
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(file);
    },
  );

  app.get(
    '/plans/:id/imports',
    {
      schema: {
        tags,
        summary: 'Whether you may import into the plan, and your recent imports of it',
        params: idParams,
        response: { 200: planImportsOut, ...readErrors },
      },
    },
    async (request) => {
      const abilities = await service.abilities(request.actor, request.params.id);
      const jobs = await service.recent(request.actor, request.params.id);
      return {
        abilities,
        items: jobs.map((j) => {
          const {
            rows: _r,
            rowsPage: _p,
            ignoredHeadings: _i,
            ...job
          } = presentJob(j, service.isStalled(j));
          return job;
        }),
      };
    },
  );

  app.post(
    '/plans/:id/imports',
    {
      bodyLimit: JSON_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Upload a CSV or XLSX file (base64 in JSON) to import into the plan: starts the dry run and answers 202 with the job',
        params: idParams,
        body: importUpload,
        response: { 202: importJobOut, ...writeErrors, 413: writeErrors[400] },
      },
    },
    async (request, reply) => {
      const bytes = Buffer.from(request.body.content, 'base64');
      const job = await service.start(
        contextOf(request),
        request.params.id,
        request.body.fileName,
        bytes,
      );
      return reply
        .status(202)
        .header('location', `/api/v1/imports/${job.id}`)
        .send(presentJob(job, false));
    },
  );

  app.post(
    '/plans/:id/imports/file',
    {
      schema: {
        tags,
        summary:
          'Upload the file itself as the body (text/csv, XLSX or application/octet-stream) to import into the plan; answers 202 with the job',
        params: idParams,
        querystring: importUploadQuery,
        response: {
          202: importJobOut,
          ...writeErrors,
          413: writeErrors[400],
          415: writeErrors[400],
        },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body)) {
        throw errors.badRequest(
          `Send the file as the body with Content-Type ${RAW_TYPES.join(', ')}; or POST JSON {fileName, content} to /plans/:id/imports.`,
          { field: 'body' },
        );
      }
      const job = await service.start(
        contextOf(request),
        request.params.id,
        request.query.fileName ?? 'upload',
        body,
      );
      return reply
        .status(202)
        .header('location', `/api/v1/imports/${job.id}`)
        .send(presentJob(job, false));
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary:
          'An import job: status, progress and, once checked, its counts and one page of the row report (errors first)',
        params: idParams,
        querystring: importJobQuery,
        response: { 200: importJobOut, ...readErrors },
      },
    },
    async (request) => {
      const job = await service.get(request.actor, request.params.id);
      const done = ['validated', 'committed', 'failed'].includes(job.status);
      const report = done
        ? pageOfOutcomes(await service.outcomes(job.id), request.query)
        : undefined;
      return presentJob(job, service.isStalled(job), report);
    },
  );

  app.post(
    '/imports/:id/commit',
    {
      schema: {
        tags,
        summary:
          'Commit a checked import: all rows in one transaction, or none (409 when rows have errors or the plan changed since the dry run)',
        params: idParams,
        response: { 202: importJobOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      const job = await service.commit(contextOf(request), request.params.id);
      return reply.status(202).send(presentJob(job, false));
    },
  );

  app.get(
    '/plans/:id/import-mapping',
    {
      schema: {
        tags,
        summary:
          'The column mapping remembered for the plan: headings of earlier files (folded) and the field each feeds, or ignore',
        params: idParams,
        response: { 200: importMappingOut, ...readErrors },
      },
    },
    async (request) => service.mapping(request.actor, request.params.id),
  );

  app.post(
    '/imports/:id/mapping',
    {
      schema: {
        tags,
        summary:
          "Map columns of a checked file to fields (remembered for the plan and used for its next files) and check the file again: answers 202 with the job back in the queue. If-Match: * (the job's own state lets one change through)",
        params: idParams,
        body: importMappingBody,
        response: { 202: importJobOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      requiredIfMatch(request);
      const job = await service.remap(contextOf(request), request.params.id, request.body.mapping);
      return reply.status(202).send(presentJob(job, false));
    },
  );

  app.post(
    '/imports/:id/organisations',
    {
      schema: {
        tags,
        summary:
          'Create an institution a row of the checked file names but the plan does not know (needs the right to create organisations), then check the file again: 202 with the job. If-Match: *',
        params: idParams,
        body: importOrganisationBody,
        response: { 202: importJobOut, ...writeErrors },
      },
    },
    async (request, reply) => {
      requiredIfMatch(request);
      const { job } = await service.createOrganisation(
        contextOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(202).send(presentJob(job, false));
    },
  );
};
