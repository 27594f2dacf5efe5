// Case exports under /api/v1/cases/export: HTCDS for case managers, and the de-identified CTDC microdata of
// the cases whose person consented to statistics or research. Row-level security decides which cases are
// read; each export leaves one audit entry with its counts, never a case or a person.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Action } from '../access/policy.js';
import { typed } from '../platform/routes.js';
import { HtcdsExportQuery, HtcdsExportView, MicrodataQuery } from './export-schemas.js';
import { exportHtcds, exportMicrodata, htcdsWorkbook, XLSX_TYPE } from './exports.js';

const TAGS = ['cases'];

/** Asks the policy again with the organisation asked for, so that another organisation's is refused. */
function authorizeScope(request: FastifyRequest, action: Action, organisationId: string | undefined) {
  if (organisationId) request.authorize(action, { organisationId });
}

function describeExport(request: FastifyRequest, organisationId: string | undefined, details: object) {
  request.auditSubject = {
    resourceType: 'case_export',
    organisationId: organisationId ?? null,
    details: { ...details },
  };
}

export async function caseExportRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/htcds',
    {
      config: { action: 'cases.export' },
      schema: {
        tags: TAGS,
        summary: 'Export cases in the HTCDS 2.0 layout, as JSON or as the HTCDS Excel template',
        description:
          'Case codes, statuses and the non-identifying facts mapped to HTCDS values; nothing of the person record. Case managers export their organisation’s cases. With format=xlsx the answer is the spreadsheet (first row, hidden: field names; second row: labels). Each export is recorded in the audit trail with its count.',
        querystring: HtcdsExportQuery,
        response: { 200: z.object({ data: HtcdsExportView }) },
      },
    },
    async (request, reply) => {
      const { format, organisationId } = request.query;
      authorizeScope(request, 'cases.export', organisationId);
      const exported = await request.transaction(async (tx) => {
        const result = await exportHtcds(tx, { organisationId });
        describeExport(request, organisationId, { format, cases: result.cases.length });
        return result;
      });
      reply.header('cache-control', 'no-store');
      if (format === 'json') return { data: exported };
      const workbook = await htcdsWorkbook(exported);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="cases-htcds.xlsx"')
        .send(workbook as never);
    },
  );

  api.get(
    '/microdata.csv',
    {
      config: { action: 'cases.export_microdata' },
      schema: {
        tags: TAGS,
        summary: 'De-identified case microdata in the layout of the CTDC global dataset (CSV)',
        description:
          'Only cases whose person’s consent to statistics or research is in force (given, not withdrawn, not expired). No names, no case codes, no dates finer than the year, ages only as broad bands. Small groups can still single a person out: read the caution in the export’s documentation before sharing the file. Each export is recorded in the audit trail with its counts.',
        querystring: MicrodataQuery,
      },
    },
    async (request, reply) => {
      const { organisationId } = request.query;
      authorizeScope(request, 'cases.export_microdata', organisationId);
      const exported = await request.transaction(async (tx) => {
        const result = await exportMicrodata(tx, { organisationId });
        describeExport(request, organisationId, {
          format: 'ctdc_csv',
          cases: result.included,
          withoutConsent: result.withoutConsent,
        });
        return result;
      });
      return reply
        .header('cache-control', 'no-store')
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cases-microdata.csv"')
        .send(exported.csv);
    },
  );
}
