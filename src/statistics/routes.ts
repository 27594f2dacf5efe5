// Official statistics under /api/v1/statistics: releases, catalogues, queries, shares, trends, revisions, imports.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParam } from '../access/schemas.js';
import { acceptImportJob, ImportJobResponse, JOBS_PATH, prefersAsync } from '../imports/index.js';
import { notifyAfterWrites } from '../platform/data-changes.js';
import { Text } from '../platform/fields.js';
import { typed } from '../platform/routes.js';
import { importRouteHooks, UPLOAD_LIMITS, whileHoldingSlot } from '../uploads/index.js';
import { computeShares, computeTrends } from './analysis.js';
import { getCatalogue } from './catalogue.js';
import { queryResultCsv } from './csv.js';
import { checkStatisticsUpload } from './import/check-upload.js';
import { parseCsvMapping } from './import/generic.js';
import { statisticsImportJob } from './import/import-job.js';
import { fileFromBuffer, importStatistics, type RunInTransaction } from './import/run-import.js';
import { listPublisherAreas } from './publisher-area-store.js';
import { queryStatistics } from './query.js';
import { getRelease, listReleases } from './resolve.js';
import { listRevisions } from './revisions.js';
import {
  CatalogueResponse,
  type ImportReport,
  ImportRequest,
  ImportResponse,
  PublisherAreaList,
  QueryResponse,
  ReleaseList,
  ReleaseResponse,
  RevisionsQuery,
  RevisionsResponse,
  SharesQuery,
  SharesResponse,
  StatisticsQuery,
  TrendsResponse,
} from './schemas.js';

const TAGS = ['statistics'];
/** An XLSX file travels base64-encoded inside JSON; this admits files of about 48 MB. */

export async function statisticsRoutes(app: FastifyInstance) {
  const api = typed(app);
  notifyAfterWrites(app, 'statistics');
  const read = { action: 'statistics.read' };

  api.get(
    '/releases',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Releases of official statistics, newest first; the first of each source is its default',
        querystring: z.object({ source: Text(64).optional() }).strict(),
        response: { 200: ReleaseList },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listReleases(tx, request.query)) }),
  );

  api.get(
    '/releases/:id',
    {
      config: read,
      schema: { tags: TAGS, summary: 'One release', params: IdParam, response: { 200: ReleaseResponse } },
    },
    async (request) => ({ data: await request.transaction((tx) => getRelease(tx, request.params.id)) }),
  );

  api.get(
    '/releases/:id/catalogue',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'A release’s indicators with their units, years, dimensions and categories',
        params: IdParam,
        response: { 200: CatalogueResponse },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => getCatalogue(tx, request.params.id)) }),
  );

  api.get(
    '/releases/:id/areas',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          'Areas the release’s publisher defines (its regional codes, joint areas, territories), shown apart from our sums',
        params: IdParam,
        response: { 200: PublisherAreaList },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) => listPublisherAreas(tx, request.params.id)),
    }),
  );

  api.get(
    '/query',
    {
      config: { ...read, keepAnswers: true },
      schema: {
        tags: TAGS,
        summary:
          'Figures of an indicator by area and year, grouped by any breakdowns; regions list missing countries',
        querystring: StatisticsQuery,
        response: { 200: QueryResponse },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => queryStatistics(tx, request.query)) }),
  );

  api.get(
    '/query.csv',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'The same query as a CSV download',
        querystring: StatisticsQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV with a header line') },
      },
    },
    async (request, reply) => {
      const result = await request.transaction((tx) => queryStatistics(tx, request.query));
      const name = `${result.indicator}-${result.release.label}`.replace(/[^\w.-]+/g, '_').slice(0, 120);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(queryResultCsv(result));
    },
  );

  api.get(
    '/shares',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary:
          'Each category’s share of its total (for example of=sex: women and girls among detected victims)',
        querystring: SharesQuery,
        response: { 200: SharesResponse },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => computeShares(tx, request.query)) }),
  );

  api.get(
    '/trends',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Year-on-year change, as intervals where figures are censored',
        querystring: StatisticsQuery,
        response: { 200: TrendsResponse },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => computeTrends(tx, request.query)) }),
  );

  api.get(
    '/revisions',
    {
      config: read,
      schema: {
        tags: TAGS,
        summary: 'Figures revised, added or removed between two releases of a source',
        querystring: RevisionsQuery,
        response: { 200: RevisionsResponse },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listRevisions(tx, request.query)) }),
  );

  api.post(
    '/imports',
    {
      config: { action: 'statistics.import' },
      bodyLimit: UPLOAD_LIMITS.statisticsBodyBytes.value,
      ...importRouteHooks('statisticsBodyBytes'),
      schema: {
        tags: TAGS,
        summary:
          'Import a publisher’s file as a release (replacing an earlier import of it); dryRun only reports',
        description:
          'The file is first read in a worker thread within the declared upload limits (413 or 422 naming the limit); when the server already runs as many imports as it may, 503 with Retry-After. With `Prefer: respond-async` the answer is 202 with the job and its address in Location at once (GET /api/v1/import-jobs/{id} gives progress, then the same report or the problem).',
        body: ImportRequest,
        response: { 200: ImportResponse, 201: ImportResponse, 202: ImportJobResponse },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const principal = request.principal;
      // The audit entry is written in the import's own transaction, so it names the release it made.
      const inTransaction: RunInTransaction = (work) =>
        request.importTransaction(async (tx) => {
          const report = (await work(tx)) as ImportReport;
          request.auditSubject = {
            resourceType: 'statistic_release',
            resourceId: report.release.id,
            details: { source: report.source, label: report.release.label, imported: report.imported },
          };
          return report as never;
        });
      const content = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8');
      const mapping =
        body.source === 'csv' && body.mapping !== undefined ? parseCsvMapping(body.mapping) : undefined;
      if (prefersAsync(request)) {
        const options = {
          source: body.source,
          file: fileFromBuffer(body.fileName, content),
          mapping,
          release: body.release,
          publishedOn: body.publishedOn,
          isDryRun: body.dryRun,
          importedBy: principal.kind === 'user' ? principal.userId : null,
        };
        const job = await acceptImportJob(
          request,
          {
            kind: 'statistics',
            fileName: body.fileName,
            byteSize: content.length,
            options: { source: body.source, release: body.release ?? null, dryRun: body.dryRun },
          },
          statisticsImportJob(content, request.server.uploads, options),
        );
        return reply
          .status(202)
          .header('location', `${JOBS_PATH}/${job.id}`)
          .header('preference-applied', 'respond-async')
          .send({ data: job });
      }
      const report = await whileHoldingSlot(request, async () => {
        await checkStatisticsUpload(
          content,
          { source: body.source, fileName: body.fileName, delimiter: mapping?.delimiter ?? ',' },
          request.server.uploads,
        );
        return importStatistics(inTransaction, {
          source: body.source,
          file: fileFromBuffer(body.fileName, content),
          mapping,
          release: body.release,
          publishedOn: body.publishedOn,
          isDryRun: body.dryRun,
          importedBy: principal.kind === 'user' ? principal.userId : null,
        });
      });
      return reply.status(body.dryRun ? 200 : 201).send({ data: report });
    },
  );
}
