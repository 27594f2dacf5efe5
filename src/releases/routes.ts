// Privacy-preserving releases under /api/v1/releases: inspect a dataset, assess its disclosure risk, prepare
// a safe count table or synthetic data as a draft, publish or withdraw it; published releases, their CSV and
// their report are public. The heavy work runs in a worker thread; the release, its files and the budget it
// spends are written in one transaction, after the work, so a failure anywhere leaves nothing behind.
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decide, type Principal } from '../access/policy.js';
import { exportMicrodata } from '../cases/index.js';
import { AppError } from '../platform/errors.js';
import { typed } from '../platform/routes.js';
import { datasetBudgetViews } from './budget-views.js';
import { runInWorker } from './run-in-worker.js';
import { saveRelease } from './save-release.js';
import {
  BudgetRequest,
  ChangeRequest,
  DatasetBudget,
  InspectRequest,
  PrepareRequest,
  ReleaseList,
  ReleaseParams,
  type ReleaseSource,
  ReleaseView,
  RiskRequest,
} from './schemas.js';
import {
  budgetView,
  changeStatus,
  discardDraft,
  getRelease,
  listBudgetSpending,
  listBudgets,
  listReleases,
  type ReleaseRecord,
  releaseFile,
  setBudgetTotal,
} from './store.js';
import { Inspection, RiskAnswer } from './task-schemas.js';

const TAGS = ['releases'];
const BODY_LIMIT = 210 * 1024 * 1024;

type SourceData = { csv: Uint8Array; label: string; organisationId: string | null; missing: string[] };

/** The CSV a release reads: the uploaded file, or the organisation's consented, de-identified case data. */
async function sourceData(request: FastifyRequest, source: ReleaseSource): Promise<SourceData> {
  if (source.kind === 'file')
    return {
      csv: Buffer.from(source.content, source.encoding === 'base64' ? 'base64' : 'utf8'),
      label: source.fileName,
      organisationId: null,
      missing: source.missing,
    };
  request.authorize('releases.prepare_from_cases', { organisationId: source.organisationId });
  // Audited in the export's own transaction: the entry says how many cases were used and left out.
  const exported = await request.transaction(async (tx) => {
    const found = await exportMicrodata(tx, { organisationId: source.organisationId });
    request.auditSubject = {
      resourceType: 'case_export',
      resourceId: null,
      organisationId: source.organisationId,
      details: { purpose: 'release', included: found.included, withoutConsent: found.withoutConsent },
    };
    return found;
  });
  return {
    csv: Buffer.from(exported.csv),
    label: `Case data (${exported.included} cases whose consent allows statistics)`,
    organisationId: source.organisationId,
    missing: [],
  };
}

/** Every budget the reader may see, with its dataset's name and the releases that spent from it. */
async function readBudgets(request: FastifyRequest): Promise<DatasetBudget[]> {
  const [budgets, spending] = await request.transaction(
    async (tx) => [await listBudgets(tx), await listBudgetSpending(tx)] as const,
  );
  return datasetBudgetViews(budgets, spending, request.principal);
}

function may(principal: Principal, action: string, organisationId: string | null): boolean {
  return decide(principal, action, { organisationId }).allowed;
}

export function releaseView(record: ReleaseRecord, principal: Principal): ReleaseView {
  const mayPublish = may(principal, 'releases.publish', record.organisationId);
  return {
    id: record.id,
    title: record.title,
    kind: record.kind as ReleaseView['kind'],
    method: record.method as ReleaseView['method'],
    status: record.status as ReleaseView['status'],
    source: { kind: record.sourceKind as 'cases' | 'file', label: record.sourceLabel },
    organisation:
      record.organisationId && record.organisationName
        ? { id: record.organisationId, name: record.organisationName }
        : null,
    inputRows: record.inputRows,
    inputChecksum: record.inputChecksum,
    columns: record.columns as ReleaseView['columns'],
    parameters: record.parameters as ReleaseView['parameters'],
    privacy: record.privacy as ReleaseView['privacy'],
    evaluation: record.evaluation as ReleaseView['evaluation'],
    softwareVersion: record.softwareVersion,
    // With the seed, anyone could recompute the random choices and undo the noise: only for its makers.
    seed: mayPublish || record.createdBy === userIdOf(principal) ? record.seed : null,
    outputRows: record.outputRows,
    outputChecksum: record.outputChecksum,
    budget: record.budget ? budgetView(record.budget) : null,
    createdAt: record.createdAt.toISOString(),
    publishedAt: record.publishedAt?.toISOString() ?? null,
    version: record.version,
    can: {
      publish: mayPublish && record.status !== 'published',
      withdraw: mayPublish && record.status === 'published',
      discard: record.status === 'draft' && (mayPublish || record.createdBy === userIdOf(principal)),
    },
  };
}

function userIdOf(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}

function sendFile(
  reply: FastifyReply,
  type: string,
  name: string,
  content: Buffer | string,
  checksum?: string,
) {
  reply.type(type).header('content-disposition', `attachment; filename="${name}"`);
  if (checksum) reply.header('x-checksum-sha256', checksum);
  return reply.send(content);
}

export async function releaseRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.post(
    '/inspect',
    {
      config: { action: 'releases.prepare' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'The columns of a dataset: distinct values, missing cells and the most frequent values',
        description:
          'From an uploaded CSV, or from the organisation’s case data (only cases whose consent allows statistics, in the CTDC layout). Nothing is stored.',
        body: InspectRequest,
        response: { 200: z.object({ data: Inspection }) },
      },
    },
    async (request) => {
      const data = await sourceData(request, request.body.source);
      return { data: await runInWorker(data.csv, { task: 'inspect', missing: data.missing }) };
    },
  );

  api.post(
    '/risk',
    {
      config: { action: 'releases.prepare' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary:
          'How exposed the records are: groups sharing the quasi-identifiers, records below k, l-diversity',
        description:
          'A plain verdict with sentences, the sizes of the groups, and which generalisation would help most. Nothing is stored.',
        body: RiskRequest,
        response: { 200: z.object({ data: RiskAnswer }) },
      },
    },
    async (request) => {
      const { source, columns, k, l } = request.body;
      const data = await sourceData(request, source);
      return { data: await runInWorker(data.csv, { task: 'risk', missing: data.missing, columns, k, l }) };
    },
  );

  api.post(
    '/',
    {
      config: { action: 'releases.prepare' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Prepare a release as a draft: a safe count table or synthetic data, with its evaluation',
        description:
          'A differentially private release spends the dataset’s privacy budget (409 `privacy_budget_exceeded` when it would overspend, and nothing is written). The draft keeps its data, parameters, seed, checksums and an HTML report; a coordinator publishes it.',
        body: PrepareRequest,
        response: { 201: z.object({ data: ReleaseView }) },
      },
    },
    async (request, reply) => {
      const { title, source, columns, method } = request.body;
      const data = await sourceData(request, source);
      const prepared = await runInWorker(data.csv, {
        task: 'prepare',
        missing: data.missing,
        title,
        sourceLabel: data.label,
        columns,
        method,
      });
      const record = await request.transaction(async (tx) => {
        const saved = await saveRelease(tx, {
          title,
          source: { kind: source.kind, label: data.label, organisationId: data.organisationId },
          columns,
          method,
          prepared,
          userId: userIdOf(request.principal),
        });
        request.auditSubject = {
          resourceType: 'release',
          resourceId: saved.id,
          organisationId: data.organisationId,
          details: { method: method.method, rows: prepared.outputRows, rho: prepared.privacy.rho },
        };
        return saved;
      });
      return reply.status(201).send({ data: releaseView(record, request.principal) });
    },
  );

  api.get(
    '/',
    {
      config: { action: 'releases.read' },
      schema: {
        tags: TAGS,
        summary: 'Published releases; signed-in preparers also see the drafts they may act on',
        response: { 200: ReleaseList },
      },
    },
    async (request) => {
      const records = await request.transaction((tx) => listReleases(tx));
      return {
        data: records.map((record) => {
          const { evaluation: _evaluation, ...view } = releaseView(record, request.principal);
          return view;
        }),
      };
    },
  );

  api.get(
    '/budgets',
    {
      config: { action: 'releases.prepare' },
      schema: {
        tags: TAGS,
        summary:
          'The privacy budget of each dataset: what its differentially private releases may spend and have spent',
        description:
          'Each dataset is named by its file or its organisation; the releases that spent from it are those the reader may see, and `unlistedRho` is what the others spent (discarded drafts, others’ drafts).',
        response: { 200: z.object({ data: z.array(DatasetBudget) }) },
      },
    },
    async (request) => ({ data: await readBudgets(request) }),
  );

  api.put(
    '/budgets/:id',
    {
      config: { action: 'releases.budget' },
      schema: {
        tags: TAGS,
        summary: 'Set what a dataset may spend in all',
        description:
          'Never below what it has spent: 409 `privacy_budget_below_spent`, with the least total allowed as `errors[0].minimum`.',
        params: ReleaseParams,
        body: BudgetRequest,
        response: { 200: z.object({ data: DatasetBudget }) },
      },
    },
    async (request) => {
      await request.transaction(async (tx) => {
        request.auditSubject = {
          resourceType: 'release_budget',
          resourceId: request.params.id,
          details: { totalRho: request.body.totalRho },
        };
        await setBudgetTotal(tx, request.params.id, request.body.totalRho);
      });
      const changed = (await readBudgets(request)).find((budget) => budget.id === request.params.id);
      if (!changed) throw new AppError('not_found', 'There is no such privacy budget.');
      return { data: changed };
    },
  );

  api.get(
    '/:id',
    {
      config: { action: 'releases.read' },
      schema: {
        tags: TAGS,
        summary: 'One release: its parameters, privacy guarantees and evaluation',
        params: ReleaseParams,
        response: { 200: z.object({ data: ReleaseView }) },
      },
    },
    async (request) => ({
      data: releaseView(
        await request.transaction((tx) => getRelease(tx, request.params.id)),
        request.principal,
      ),
    }),
  );

  api.get(
    '/:id/data.csv',
    {
      config: { action: 'releases.read' },
      schema: {
        tags: TAGS,
        summary: 'The release’s data as CSV (its SHA-256 in X-Checksum-SHA256)',
        params: ReleaseParams,
      },
    },
    async (request, reply) => {
      const file = await request.transaction((tx) => releaseFile(tx, request.params.id, 'data'));
      // Kept compressed: sent as it is to clients that take gzip, opened for the others.
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (acceptsGzip) reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
      const content = acceptsGzip ? file.content : gunzipSync(file.content as Buffer);
      return sendFile(reply, 'text/csv; charset=utf-8', 'release.csv', content, file.record.outputChecksum);
    },
  );

  api.get(
    '/:id/report.html',
    {
      config: { action: 'releases.read' },
      schema: {
        tags: TAGS,
        summary: 'The release’s report: parameters, guarantees checked, utility and charts',
        params: ReleaseParams,
      },
    },
    async (request, reply) => {
      const file = await request.transaction((tx) => releaseFile(tx, request.params.id, 'report'));
      return reply.type('text/html; charset=utf-8').send(file.content);
    },
  );

  const statusChange = (status: 'published' | 'withdrawn', path: string, summary: string) =>
    api.post(
      `/:id/${path}`,
      {
        config: { action: 'releases.publish' },
        schema: {
          tags: TAGS,
          summary,
          params: ReleaseParams,
          body: ChangeRequest,
          response: { 200: z.object({ data: ReleaseView }) },
        },
      },
      async (request) => ({
        data: releaseView(
          await request.transaction(async (tx) => {
            const current = await getRelease(tx, request.params.id);
            request.authorize('releases.publish', { organisationId: current.organisationId });
            request.auditSubject = {
              resourceType: 'release',
              resourceId: current.id,
              organisationId: current.organisationId,
              details: { status },
            };
            await changeStatus(tx, current.id, {
              version: request.body.version,
              status,
              userId: userIdOf(request.principal),
            });
            return getRelease(tx, current.id);
          }),
          request.principal,
        ),
      }),
    );
  statusChange('published', 'publication', 'Publish a release: everyone may then download it and its report');
  statusChange(
    'withdrawn',
    'withdrawal',
    'Withdraw a published release: it is no longer offered to the public',
  );

  api.delete(
    '/:id',
    {
      config: { action: 'releases.prepare' },
      schema: {
        tags: TAGS,
        summary: 'Discard a draft (the privacy it spent stays spent: its maker has seen it)',
        params: ReleaseParams,
        querystring: ChangeRequest.extend({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      await request.transaction(async (tx) => {
        const current = await getRelease(tx, request.params.id);
        request.auditSubject = {
          resourceType: 'release',
          resourceId: current.id,
          organisationId: current.organisationId,
          details: { discarded: true },
        };
        await discardDraft(tx, current.id, request.query.version);
      });
      return reply.status(204).send();
    },
  );
}
