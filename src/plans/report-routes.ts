// A plan's printable report: HTML in the reader's language, and the same as PDF printed by headless Chromium.
// Where Chromium is missing, the PDF route says so (503 `pdf_unavailable`) and names the HTML report.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPdf } from '../platform/pdf.js';
import { typed } from '../platform/routes.js';
import { buildCountryList, Language } from '../reference/index.js';
import { readActivityFacts } from './activity-facts.js';
import { namesOfOrganisations, readPlan } from './read-plan.js';
import { planReportHtml } from './report/plan-report-html.js';
import { PlanParams } from './schemas.js';
import { todayOf } from './today.js';

const TAGS = ['plans'];
const ReportQuery = z
  .object({
    lang: Language.default('en'),
    asOf: z.iso.date().optional().describe('The day the report looks from; today by default'),
  })
  .strict();

async function reportHtml(request: FastifyRequest, planId: string, query: z.infer<typeof ReportQuery>) {
  const input = await request.transaction(async (tx) => {
    const stored = await readPlan(tx, planId);
    const activities = await readActivityFacts(tx, stored.plan);
    const leads = activities.flatMap((a) => [
      a.organisationId,
      ...a.funding.map((f) => f.funderOrganisationId),
    ]);
    const more = await namesOfOrganisations(
      tx,
      [...new Set(leads)].filter((id) => !stored.organisationNames.has(id)),
    );
    return {
      stored,
      activities,
      organisations: { ...Object.fromEntries(stored.organisationNames), ...Object.fromEntries(more) },
    };
  });
  const countries = Object.fromEntries(
    buildCountryList().map((country) => [country.iso3, country.names[query.lang]]),
  );
  return planReportHtml({
    plan: input.stored.plan,
    activities: input.activities,
    names: { organisations: input.organisations, countries },
    today: query.asOf ?? todayOf(),
    lang: query.lang,
    generatedAt: new Date().toISOString(),
  });
}

/** The report's own policy: its one style block by hash, its inline SVG, and nothing else. */
function reportPolicy(html: string): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const hash = createHash('sha256').update(style).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

function fileName(title: string, extension: string): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60) || 'plan';
  return `${base}.${extension}`;
}

function send(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('content-security-policy', reportPolicy(html))
    .send(html);
}

export async function reportRoutes(app: FastifyInstance) {
  const api = typed(app);

  api.get(
    '/:id/report.html',
    {
      config: { action: 'plans.read' },
      schema: {
        tags: TAGS,
        summary:
          'The plan’s printable report as HTML: implementation, indicators, overdue items, links, funding',
        params: PlanParams,
        querystring: ReportQuery,
      },
    },
    async (request, reply) => send(reply, await reportHtml(request, request.params.id, request.query)),
  );

  api.get(
    '/:id/report.pdf',
    {
      config: { action: 'plans.read' },
      schema: {
        tags: TAGS,
        summary: 'The plan’s printable report as PDF, printed by headless Chromium',
        description:
          'Answers 503 `pdf_unavailable` when the server has no Chromium; the HTML report (`report.html`) is still offered.',
        params: PlanParams,
        querystring: ReportQuery,
      },
    },
    async (request, reply) => {
      const html = await reportHtml(request, request.params.id, request.query);
      const pdf = await renderPdf(html);
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'plan';
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(title, 'pdf')}"`)
        .send(pdf);
    },
  );
}
