// The 4W register under /api/v1/activities: records, versions, import and export.
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decide } from '../access/policy.js';
import { IdParam } from '../access/schemas.js';
import { acceptImportJob, ImportJobResponse, JOBS_PATH, prefersAsync } from '../imports/index.js';
import { notifyAfterWrites } from '../platform/data-changes.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { importRouteHooks, whileHoldingSlot } from '../uploads/index.js';
import { CONTENT_TYPES, EXTENSIONS, exportActivities } from './export/write-export.js';
import { COLUMNS } from './import/flat.js';
import { activityImportJob } from './import/import-job.js';
import { ImportRejected, importActivities } from './import/run-import.js';
import { readActivityBody, readActivityUpload } from './import/upload.js';
import { activityView } from './record.js';
import {
  ActivityInput,
  ActivityList,
  ActivityQuery,
  ActivityResponse,
  ActivityVersionList,
  ExportQuery,
  type ImportFormat,
  ImportQuery,
  ImportResponse,
  UpdateActivityRequest,
} from './schemas.js';
import {
  type ChangeContext,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  listActivityVersions,
  updateActivity,
} from './store.js';

const TAGS = ['activities'];

/** Media types an import accepts, and the format each one means when the query names none. */
const IMPORT_TYPES: Record<string, ImportFormat | null> = {
  'text/csv': 'csv',
  'application/xml': 'iati',
  'text/xml': 'iati',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/octet-stream': null,
};

const ColumnList = z.object({
  data: z.array(
    z.object({ column: z.string(), hxl: z.string(), description: z.string(), example: z.string() }),
  ),
});

function changeContext(request: FastifyRequest, via: string): ChangeContext {
  return {
    userId: request.principal.kind === 'user' ? request.principal.userId : null,
    via,
    at: new Date(),
  };
}

/** A signed-in browser is "web"; a token (or anything else) is "api". */
function channelOf(request: FastifyRequest): 'web' | 'api' {
  return request.principal.kind === 'user' && request.principal.via === 'session' ? 'web' : 'api';
}

export async function activityRoutes(app: FastifyInstance) {
  const api = typed(app);
  notifyAfterWrites(app, 'activities');
  // Imports arrive as the raw file, streamed to the parser rather than held in memory.
  for (const type of Object.keys(IMPORT_TYPES))
    app.addContentTypeParser(type, (_request, payload, done) => done(null, payload));

  api.get(
    '/',
    {
      config: { action: 'activities.read', keepAnswers: true },
      schema: {
        tags: TAGS,
        summary: 'Activities (who does what, where, for whom, when), in identifier order',
        description: 'The public sees published activities only; signed-in partners see them all.',
        querystring: ActivityQuery,
        response: { 200: ActivityList },
      },
    },
    async (request) => {
      const { limit, after, ...filters } = request.query;
      return request.transaction((tx) => listActivities(tx, filters, { limit, after }));
    },
  );

  api.get(
    '/columns',
    {
      config: { action: 'activities.read' },
      schema: {
        tags: TAGS,
        summary: 'The columns of activity files (CSV, XLSX) with their HXL hashtags',
        response: { 200: ColumnList },
      },
    },
    async () => ({ data: [...COLUMNS] }),
  );

  api.get(
    '/export',
    {
      config: { action: 'activities.read' },
      schema: {
        tags: TAGS,
        summary: 'Download activities as CSV, CSV with an HXL row, XLSX or IATI 2.03 XML',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const out = new PassThrough();
      reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="activities.${EXTENSIONS[format]}"`);
      const written = request.transaction((tx) =>
        exportActivities(tx, filters, format, out, { now: new Date() }),
      );
      written.catch((error) => out.destroy(error));
      return reply.send(out);
    },
  );

  api.post(
    '/import',
    {
      config: { action: 'activities.write' },
      ...importRouteHooks('activitiesBodyBytes'),
      schema: {
        tags: TAGS,
        summary:
          'Import a file of activities (CSV, HXL, XLSX or IATI XML); re-importing updates by identifier',
        description:
          'Send the file as the body with its media type (text/csv, application/xml or the XLSX type). A dry run checks every row and writes nothing. A real run writes every row or, when any row has a problem, none (`committed: false`, with the problems by row and column). IATI activities with no counter-trafficking classification are imported unclassified (listed with `needsClassification=true`), or skipped with `onlyTrafficking=true`; `registerOrganisations=true` registers unknown reporting and participating organisations as provisional (listed with `provisional=true` under /organisations). XML is read within declared limits (depth 64, elements, text length; no DOCTYPE): beyond one the answer is 413 `xml_limit_exceeded` naming it, a malformed file 422 `xml_not_accepted`. The file is read in a worker thread within the declared upload limits (413 or 422 naming the limit); when the server already runs as many imports as it may, 503 with Retry-After. With `Prefer: respond-async` the answer comes once the file is received: 202 with the job and its address in Location (GET /api/v1/import-jobs/{id} gives progress, then the same report or the problem).',
        querystring: ImportQuery,
        consumes: Object.keys(IMPORT_TYPES),
        response: { 200: ImportResponse, 202: ImportJobResponse },
      },
    },
    async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      const format = request.query.format ?? IMPORT_TYPES[contentType];
      if (!format)
        throw new AppError(
          'validation_failed',
          'Say which format the file is in: add ?format=csv, hxl, xlsx or iati.',
        );
      if (!(request.body instanceof Readable))
        throw new AppError(
          'unsupported_media_type',
          'Send the file itself as the body, as text/csv, application/xml or the XLSX media type.',
        );
      const body = request.body;
      const principal = request.principal;
      const uploads = request.server.uploads;
      const via = `import ${request.query.filename ?? format}`;
      const { registerOrganisations, onlyTrafficking, dryRun } = request.query;
      // Registering organisations, even provisionally, is for those who may register them.
      if (registerOrganisations) request.authorize('organisations.create');
      request.auditSubject = {
        resourceType: 'activity_import',
        details: { format, dryRun, registerOrganisations, onlyTrafficking },
      };
      const importOptions = {
        format,
        dryRun,
        registerOrganisations,
        onlyTrafficking,
        mayWrite: (organisationId: string) =>
          decide(principal, 'activities.write', { organisationId }).allowed,
        context: changeContext(request, via),
      };
      if (prefersAsync(request)) {
        const bytes = await readActivityBody(body);
        const job = await acceptImportJob(
          request,
          {
            kind: 'activities',
            fileName: request.query.filename ?? null,
            byteSize: bytes.byteLength,
            options: { format, dryRun, registerOrganisations, onlyTrafficking },
          },
          activityImportJob(bytes, uploads, importOptions),
        );
        return reply
          .status(202)
          .header('location', `${JOBS_PATH}/${job.id}`)
          .header('preference-applied', 'respond-async')
          .send({ data: job });
      }
      return whileHoldingSlot(request, async () => {
        const input = await readActivityUpload(body, format, uploads);
        try {
          const report = await request.transaction((tx) => importActivities(tx, input, importOptions));
          return { data: report };
        } catch (error) {
          if (error instanceof ImportRejected) return { data: error.report };
          throw error;
        }
      });
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'activities.read' },
      schema: { tags: TAGS, summary: 'One activity', params: IdParam, response: { 200: ActivityResponse } },
    },
    async (request) => ({
      data: activityView(await request.transaction((tx) => getActivity(tx, request.params.id))),
    }),
  );

  api.get(
    '/:id/versions',
    {
      config: { action: 'activities.read' },
      schema: {
        tags: TAGS,
        summary:
          'Every version of the activity, newest first: who changed it, when, and the record after the change',
        params: IdParam,
        response: { 200: ActivityVersionList },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) =>
        listActivityVersions(tx, request.params.id, { isSignedIn: request.principal.kind === 'user' }),
      ),
    }),
  );

  api.post(
    '/',
    {
      config: { action: 'activities.write' },
      schema: {
        tags: TAGS,
        summary: 'Record an activity led by one’s organisation',
        body: ActivityInput,
        response: { 201: ActivityResponse },
      },
    },
    async (request, reply) => {
      request.authorize('activities.write', { organisationId: request.body.leadOrganisationId });
      const row = await request.transaction(async (tx) => {
        const created = await createActivity(tx, request.body, changeContext(request, channelOf(request)));
        request.auditSubject = {
          resourceType: 'activity',
          resourceId: created.id,
          organisationId: created.leadOrganisationId,
        };
        return created;
      });
      return reply.status(201).send({ data: activityView(row) });
    },
  );

  api.patch(
    '/:id',
    {
      config: { action: 'activities.write' },
      schema: {
        tags: TAGS,
        summary: 'Change an activity (a new version is kept)',
        params: IdParam,
        body: UpdateActivityRequest,
        response: { 200: ActivityResponse },
      },
    },
    async (request) => {
      const { id } = request.params;
      const row = await request.transaction(async (tx) => {
        const current = await getActivity(tx, id);
        request.authorize('activities.write', { organisationId: current.leadOrganisationId });
        if (request.body.leadOrganisationId)
          request.authorize('activities.write', { organisationId: request.body.leadOrganisationId });
        request.auditSubject = {
          resourceType: 'activity',
          resourceId: id,
          organisationId: current.leadOrganisationId,
          details: { fields: Object.keys(request.body) },
        };
        return updateActivity(tx, id, request.body, changeContext(request, channelOf(request)));
      });
      return { data: activityView(row) };
    },
  );

  api.delete(
    '/:id',
    {
      config: { action: 'activities.write' },
      schema: { tags: TAGS, summary: 'Remove an activity (its versions stay)', params: IdParam },
    },
    async (request, reply) => {
      const { id } = request.params;
      await request.transaction(async (tx) => {
        const current = await getActivity(tx, id);
        request.authorize('activities.write', { organisationId: current.leadOrganisationId });
        request.auditSubject = {
          resourceType: 'activity',
          resourceId: id,
          organisationId: current.leadOrganisationId,
        };
        await deleteActivity(tx, id, changeContext(request, channelOf(request)));
      });
      return reply.status(204).send();
    },
  );
}
