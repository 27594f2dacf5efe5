// Coverage under /api/v1/coverage: the matrix, gaps and overlaps, country profiles, CSV, and the need table.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../access/context.js';
import { IdParam } from '../access/schemas.js';
import { typed } from '../platform/routes.js';
import { Iso3 } from '../reference/vocabulary.js';
import { findingsCsv, matrixCsv } from './csv.js';
import { allKeptFindings, findCoverageKept } from './findings-store.js';
import { computeMatrix, matrixJson } from './matrix.js';
import { createNeed, deleteNeed, listNeeds, updateNeed } from './needs.js';
import { getCountryProfile, getCoverageReport } from './report.js';
import {
  CountryProfile,
  CoverageQuery,
  CoverageReport,
  FindingsQuery,
  Matrix,
  NeedList,
  NeedQuery,
  NeedRequest,
  NeedResponse,
  PagedFindings,
  UpdateNeedRequest,
} from './schemas.js';

const TAGS = ['coverage'];
const VISIBILITY =
  'Computed over the activities the caller may see: the public sees published activities only, signed-in partners all of them.';

/**
 * Large answers (tens of thousands of cells) are written with plain JSON.stringify: validating them against the
 * zod schema again costs more than the analysis. The schema still documents them in OpenAPI.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

const userOf = (request: FastifyRequest) =>
  request.principal.kind === 'user' ? request.principal.userId : null;

/** Findings too long to compute while this reader waits are computed in the background, with the reader's rights. */
const backgroundFor = (request: FastifyRequest, query: CoverageQuery) =>
  request.server.findingsRefresher.backgroundFor(actorOf(request.principal), query);

export async function coverageRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/',
    {
      config: { action: 'coverage.read' },
      serializerCompiler: plainJson,
      schema: {
        tags: TAGS,
        summary: 'The whole coverage report: matrix, gaps, overlaps and country profiles',
        description: VISIBILITY,
        querystring: CoverageQuery,
        response: { 200: z.object({ data: CoverageReport }) },
      },
    },
    async (request) => ({
      data: await request.transaction((tx) =>
        getCoverageReport(tx, request.query, undefined, backgroundFor(request, request.query)),
      ),
    }),
  );

  api.get(
    '/matrix',
    {
      // The same for everyone of a scope until the data changes: computed once (a second at a million activities).
      config: { action: 'coverage.read', keepAnswers: true },
      serializerCompiler: plainJson,
      schema: {
        tags: TAGS,
        summary:
          'Distinct organisations, activities, people reached and budget per country × pillar × type × group × form',
        description: VISIBILITY,
        querystring: CoverageQuery,
        response: { 200: z.object({ data: Matrix }) },
      },
    },
    async (request, reply) => {
      const matrix = await request.transaction((tx) => matrixJson(tx, request.query));
      // Text with a JSON type goes out as it is (the typed reply expects the object): the database wrote the
      // cells in the shape of the schema, and the serializer would only have copied them.
      return reply.type('application/json; charset=utf-8').send(`{"data":${matrix}}` as never);
    },
  );

  api.get(
    '/matrix.csv',
    {
      config: { action: 'coverage.read' },
      schema: {
        tags: TAGS,
        summary: 'The coverage matrix as CSV',
        description: VISIBILITY,
        querystring: CoverageQuery,
      },
    },
    async (request, reply) => {
      const matrix = await request.transaction((tx) => computeMatrix(tx, request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="coverage-matrix.csv"')
        .send(matrixCsv(matrix));
    },
  );

  api.get(
    '/findings',
    {
      config: { action: 'coverage.read' },
      serializerCompiler: plainJson,
      schema: {
        tags: TAGS,
        summary:
          'Gaps and overlaps, each with the rule, the activities, the dates and an explanation, a page at a time',
        description: VISIBILITY,
        querystring: FindingsQuery,
        response: { 200: z.object({ data: PagedFindings }) },
      },
    },
    async (request) => {
      const { limit: _limit, offset: _offset, ...coverage } = request.query;
      return {
        data: await request.transaction((tx) =>
          findCoverageKept(tx, request.query, undefined, backgroundFor(request, coverage)),
        ),
      };
    },
  );

  api.get(
    '/findings.csv',
    {
      config: { action: 'coverage.read' },
      schema: {
        tags: TAGS,
        summary: 'Gaps and overlaps as CSV',
        description: VISIBILITY,
        querystring: CoverageQuery,
      },
    },
    async (request, reply) => {
      const findings = await request.transaction((tx) => allKeptFindings(tx, request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="coverage-findings.csv"')
        .send(findingsCsv([...findings.gaps, ...findings.overlaps]));
    },
  );

  api.get(
    '/countries/:iso3',
    {
      config: { action: 'coverage.read' },
      schema: {
        tags: TAGS,
        summary: 'A country’s coordination profile: pillar balance, work under mechanisms, partners by type',
        description: VISIBILITY,
        params: z.object({ iso3: Iso3 }).strict(),
        querystring: CoverageQuery.omit({ country: true }),
        response: { 200: z.object({ data: CountryProfile }) },
      },
    },
    async (request) => {
      const { iso3 } = request.params;
      const query = { ...request.query, country: [iso3] };
      const profile = await request.transaction((tx) => getCountryProfile(tx, query, iso3));
      return { data: profile ?? emptyProfile(iso3) };
    },
  );

  await needRoutes(app);
}

function emptyProfile(iso3: string): CountryProfile {
  return {
    iso3,
    activities: 0,
    pillarBalance: (['prevention', 'protection', 'prosecution', 'partnership'] as const).map((pillar) => ({
      pillar,
      activities: 0,
      share: 0,
    })),
    underMechanismShare: null,
    partnersByActorType: [],
    organisations: 0,
    mechanisms: [],
    gaps: 0,
    overlaps: 0,
  };
}

async function needRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/needs',
    {
      config: { action: 'coverage.read' },
      schema: {
        tags: TAGS,
        summary: 'The need table: need per country that coordinators record until statistics exist',
        querystring: NeedQuery,
        response: { 200: NeedList },
      },
    },
    async (request) => ({ data: await request.transaction((tx) => listNeeds(tx, request.query)) }),
  );

  api.post(
    '/needs',
    {
      config: { action: 'needs.write' },
      schema: {
        tags: TAGS,
        summary: 'Record a need statement',
        body: NeedRequest,
        response: { 201: NeedResponse },
      },
    },
    async (request, reply) => {
      const need = await request.transaction(async (tx) => {
        const created = await createNeed(tx, request.body, userOf(request), new Date());
        request.auditSubject = {
          resourceType: 'coverage_need',
          resourceId: created.id,
          details: { iso3: created.iso3 },
        };
        return created;
      });
      return reply.status(201).send({ data: need });
    },
  );

  api.patch(
    '/needs/:id',
    {
      config: { action: 'needs.write' },
      schema: {
        tags: TAGS,
        summary: 'Change a need statement',
        params: IdParam,
        body: UpdateNeedRequest,
        response: { 200: NeedResponse },
      },
    },
    async (request) => {
      request.auditSubject = {
        resourceType: 'coverage_need',
        resourceId: request.params.id,
        details: { fields: Object.keys(request.body) },
      };
      return {
        data: await request.transaction((tx) =>
          updateNeed(tx, request.params.id, request.body, userOf(request), new Date()),
        ),
      };
    },
  );

  api.delete(
    '/needs/:id',
    {
      config: { action: 'needs.write' },
      schema: { tags: TAGS, summary: 'Remove a need statement', params: IdParam },
    },
    async (request, reply) => {
      request.auditSubject = { resourceType: 'coverage_need', resourceId: request.params.id };
      await request.transaction((tx) => deleteNeed(tx, request.params.id));
      return reply.status(204).send();
    },
  );
}
