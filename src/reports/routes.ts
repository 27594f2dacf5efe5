// Reports under /api/v1/reports: a country's assessment as a printable page, or the data it is made from.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { planProgressInCountry } from '../plans/index.js';
import { typed } from '../platform/routes.js';
import { gatherCountryReport } from './country-report.js';
import { COUNTRY_REPORT_CSP, countryReportHtml } from './country-report-html.js';
import { CountryReport, CountryReportParams, CountryReportQuery } from './schemas.js';

export async function reportRoutes(app: FastifyInstance) {
  typed(app).get(
    '/countries/:iso3',
    {
      config: { action: 'reports.read' },
      schema: {
        tags: ['reports'],
        summary:
          'A country’s assessment: partners, activities by pillar, gaps and overlaps, official figures and plans’ progress',
        description:
          'A printable A4 page (HTML, self-contained) in the language asked for; `format=json` gives the data the page is made from. Everything is read as the caller may see it: the public sees published activities only. 404 when no country has the code.',
        params: CountryReportParams,
        querystring: CountryReportQuery,
        response: {
          200: z.object({ data: CountryReport }).describe('With format=json; otherwise text/html'),
        },
      },
    },
    async (request, reply) => {
      const { iso3 } = request.params;
      const { lang, format } = request.query;
      const today = new Date();
      const report = await request.transaction(async (tx) =>
        // Plans are for signed-in partners: the public's page shows none.
        gatherCountryReport(tx, {
          iso3,
          lang,
          today,
          plans: await planProgressInCountry(tx, iso3, today.toISOString().slice(0, 10)),
        }),
      );
      if (format === 'json') return { data: report };
      // The page's own policy: its one style block by hash, its inline SVG, and nothing else at all.
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', COUNTRY_REPORT_CSP)
        .send(countryReportHtml([report]) as never);
    },
  );
}
