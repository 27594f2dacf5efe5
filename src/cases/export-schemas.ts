// API shapes of the case exports: the HTCDS export (JSON or the Excel template) and the CTDC microdata CSV.
import { z } from 'zod';

export const HtcdsExportQuery = z
  .object({
    format: z
      .enum(['json', 'xlsx'])
      .default('json')
      .describe('json: the cases as HTCDS records; xlsx: the columns of the HTCDS Excel template'),
    organisationId: z
      .uuid()
      .optional()
      .describe('Only this organisation’s cases; every case one may export when left out'),
  })
  .strict();

export const MicrodataQuery = HtcdsExportQuery.pick({ organisationId: true }).strict();

const HtcdsCell = z.union([z.string(), z.array(z.string()), z.number(), z.null()]);

export const HtcdsExportView = z.object({
  standard: z.literal('HTCDS'),
  version: z.string().describe('The HTCDS version the values follow'),
  exportedAt: z.string(),
  columns: z
    .array(
      z.object({
        name: z.string().describe('The HTCDS field name (prefixed cas_, prs_, vic_, hte_)'),
        label: z.string(),
        extension: z.boolean().describe('Not an HTCDS field: added by Concerted in HTCDS’s style'),
      }),
    )
    .describe('The columns, in the order of the spreadsheet'),
  cases: z
    .array(z.record(z.string(), HtcdsCell))
    .describe('One record per case, by column name; several values as a list'),
});
