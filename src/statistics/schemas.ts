// The shapes of official statistics in the API: releases, catalogues, queries, shares, trends, revisions, imports.
import { z } from 'zod';
import { IsoDate, QueryInt, Text } from '../platform/fields.js';
import { Labels } from '../reference/schemas.js';

export const STATISTICS_SOURCES = ['glotip', 'sdg', 'csv'] as const;
export const StatisticsSource = z
  .enum(STATISTICS_SOURCES)
  .describe(
    'glotip: the UNODC Global Report data file; sdg: SDG 16.2.2 export; csv: any long CSV with a mapping',
  );
export type StatisticsSource = z.infer<typeof StatisticsSource>;

/** A figure as an interval; a null bound is open. Exact figures have lower = upper = value. */
export const Interval = z.object({ lower: z.number().nullable(), upper: z.number().nullable() });
export type Interval = z.infer<typeof Interval>;

export const Rejection = z.object({
  row: z
    .number()
    .int()
    .describe('The row in the file, numbered as a spreadsheet numbers it (records for JSON)'),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type Rejection = z.infer<typeof Rejection>;

export const DimensionKind = z.enum([
  'sex',
  'age',
  'form_of_exploitation',
  'citizenship',
  'country_of_repatriation',
  'other',
]);

export const DimensionSummary = z.object({
  name: z.string().describe('"sex", "age" or the dimension as published'),
  kind: DimensionKind.describe('What we recognise the dimension as; "other" is kept as published, unmapped'),
  observations: z.number().int(),
  categories: z.number().int(),
  unmapped: z
    .array(z.object({ category: z.string(), observations: z.number().int() }))
    .describe('Categories kept as published that map to none of our codes'),
});
export type DimensionSummary = z.infer<typeof DimensionSummary>;

export const IndicatorSummary = z.object({
  indicator: z.string(),
  units: z.array(z.string()),
  observations: z.number().int(),
  censored: z.number().int(),
  countries: z.number().int(),
  areas: z.number().int().describe('M49 and publisher-defined areas with figures of their own'),
  fromYear: z.number().int(),
  toYear: z.number().int(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const PublisherAreaSummary = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['region', 'joint', 'territory']),
  sameAsM49: z.string().nullable(),
  members: z.number().int().describe('Member countries known for the area'),
  observations: z.number().int(),
});
export type PublisherAreaSummary = z.infer<typeof PublisherAreaSummary>;

/** An area a release's publisher defines, as the API lists it. */
export const PublisherAreaView = z.object({
  code: z.string().describe('The publisher’s code, or one derived from the members or the name'),
  kind: z.enum(['region', 'joint', 'territory']),
  names: Labels,
  sameAsM49: z.string().nullable().describe('The UN M49 area whose countries it holds, where it is one'),
  parentM49: z.string().nullable(),
  members: z.array(z.string()).describe('ISO3 codes of its countries, where they are known'),
  observations: z.number().int(),
});
export type PublisherAreaView = z.infer<typeof PublisherAreaView>;
export const PublisherAreaList = z.object({ data: z.array(PublisherAreaView) });

export const RepeatedRow = z.object({
  row: z.number().int().describe('The repeating row, numbered as a spreadsheet numbers it'),
  firstRow: z
    .number()
    .int()
    .nullable()
    .describe('The earlier row with the same cell and area, whose figure is used'),
  isIdentical: z.boolean().describe('Whether it repeats the earlier figure exactly, or gives another value'),
});

export const RepeatedRows = z.object({
  total: z.number().int(),
  identical: z.number().int(),
  differing: z
    .number()
    .int()
    .describe('Repeats that give another value than the first row: ask the publisher'),
  listed: z.array(RepeatedRow).describe('The first repeats, in file order (the list is capped)'),
});
export type RepeatedRows = z.infer<typeof RepeatedRows>;

export const ImportReport = z.object({
  source: z.string(),
  release: z.object({ id: z.uuid().nullable(), label: z.string(), isReplacement: z.boolean() }),
  file: z.object({ name: z.string(), format: z.enum(['csv', 'xlsx', 'json']) }),
  isDryRun: z.boolean(),
  preambleRows: z.number().int().describe('Rows above the header (the publisher’s title and notes)'),
  headerRow: z.number().int(),
  rowsRead: z.number().int().describe('Data rows below the header, blank rows not counted'),
  blankRows: z.number().int(),
  imported: z.number().int(),
  rejected: z.number().int(),
  replaced: z
    .number()
    .int()
    .describe('Observations of the earlier import of this release that were replaced'),
  indicators: z.array(IndicatorSummary),
  dimensions: z.array(DimensionSummary),
  publisherAreas: z
    .array(PublisherAreaSummary)
    .describe(
      'Areas the publisher defines (its regional codes, joint areas, territories), kept as published',
    ),
  repeatedRows: RepeatedRows.describe(
    'Rows that repeat an earlier row’s indicator, area, year, unit and breakdown: kept as published, not counted',
  ),
  rejections: z.array(Rejection),
  rejectionsNotListed: z.number().int().describe('Rejected rows beyond the listed ones (the list is capped)'),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const Release = z.object({
  id: z.uuid(),
  source: z.string(),
  label: z.string(),
  publisher: z.string(),
  publishedOn: z.iso.date().nullable(),
  isSynthetic: z.boolean(),
  isDefault: z.boolean().describe('The newest release of its source, used when a query names none'),
  fileName: z.string().nullable(),
  observations: z.number().int(),
  rejected: z.number().int(),
  importedAt: z.iso.datetime(),
});
export type Release = z.infer<typeof Release>;
export const ReleaseList = z.object({ data: z.array(Release) });
export const ReleaseResponse = z.object({ data: Release });

export const CatalogueCategory = z.object({
  name: z.string(),
  code: z.string().nullable().describe('Our code (form of exploitation, ISO3, sex, age group) where it maps'),
  observations: z.number().int(),
});
export const CatalogueIndicator = z.object({
  indicator: z.string(),
  units: z.array(z.string()),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  observations: z.number().int(),
  dimensions: z.array(
    z.object({ name: z.string(), kind: DimensionKind, categories: z.array(CatalogueCategory) }),
  ),
});
export type CatalogueIndicator = z.infer<typeof CatalogueIndicator>;
export const Catalogue = z.object({ release: Release, indicators: z.array(CatalogueIndicator) });
export const CatalogueResponse = z.object({ data: Catalogue });

/** Query strings repeat a key for several values (?by=sex&by=age). */
const List = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean));
const Year = QueryInt({ min: 1900, max: 2100 });

export const StatisticsQuery = z
  .object({
    indicator: Text(300).min(1).describe('The indicator as the source publishes it'),
    release: z
      .uuid()
      .optional()
      .describe('A release id; by default the newest release holding the indicator'),
    source: Text(64).optional().describe('Only releases of this source'),
    area: List.optional().describe(
      'ISO3 countries or M49 areas (repeat the key); the world ("001") by default',
    ),
    year: Year.optional(),
    fromYear: Year.optional(),
    toYear: Year.optional(),
    by: List.optional().describe(
      'Group by: area, country, sex, age, or a dimension as published (aliases: form, citizenship, repatriation). Years are always kept apart',
    ),
    sex: List.optional().describe('Only these sexes, as published (summed unless grouped by sex)'),
    age: List.optional().describe('Only these ages, as published'),
    dimension: Text(300).optional().describe('A dimension to filter on, with category'),
    category: List.optional().describe('Only these categories of the dimension'),
    unit: Text(100).optional(),
    figures: z
      .enum(['rollup', 'published'])
      .default('rollup')
      .describe('For an M49 area: our sum of its countries, or the figures the source published for it'),
    limit: QueryInt({ min: 1, max: 100_000 }).default(10_000),
  })
  .strict();
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;
export type StatisticsQueryInput = z.input<typeof StatisticsQuery>;

export const QueryRow = z.object({
  year: z.number().int(),
  area: z.string().nullable().describe('ISO3 or M49 code, when grouped by area or country'),
  sex: z.string().nullable(),
  age: z.string().nullable(),
  category: z.string().nullable().describe('The category of the grouped dimension'),
  sexCode: z.string().nullable(),
  ageCode: z.string().nullable(),
  categoryCode: z.string().nullable(),
  unit: z.string(),
  lower: z.number(),
  upper: z.number().nullable(),
  value: z.number().nullable().describe('The figure when it is exact; null when only bounds are known'),
  isCensored: z.boolean(),
  countries: z.number().int().describe('Countries whose figures were summed (1 for a country)'),
});
export type QueryRow = z.infer<typeof QueryRow>;

export const AreaCoverage = z.object({
  area: z.string(),
  year: z.number().int(),
  members: z.number().int(),
  reporting: z.number().int(),
  missing: z
    .array(z.string())
    .describe('Member countries without figures for this indicator, year and breakdown'),
});
export type AreaCoverage = z.infer<typeof AreaCoverage>;

export const QueryResult = z.object({
  release: z.object({ id: z.uuid(), source: z.string(), label: z.string(), isSynthetic: z.boolean() }),
  indicator: z.string(),
  areas: z.array(z.string()),
  by: z.array(z.string()),
  dimension: z.string().nullable().describe('The published dimension the rows are grouped or filtered by'),
  figures: z.enum(['rollup', 'published', 'country']),
  rows: z.array(QueryRow),
  coverage: z.array(AreaCoverage),
  isTruncated: z.boolean(),
});
export type QueryResult = z.infer<typeof QueryResult>;
export const QueryResponse = z.object({ data: QueryResult });

export const SharesQuery = StatisticsQuery.extend({
  of: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .describe('The breakdown whose shares are wanted: sex, age or a dimension'),
}).strict();
export type SharesQuery = z.infer<typeof SharesQuery>;

export const ShareRow = QueryRow.omit({ lower: true, upper: true, value: true, countries: true }).extend({
  part: Interval,
  total: Interval,
  share: Interval.nullable().describe('Between 0 and 1; null when the total is 0'),
  shareValue: z.number().nullable().describe('The share when both figures are exact'),
  denominator: z.enum(['published_total', 'sum_of_categories']),
});
export const SharesResult = QueryResult.omit({ rows: true }).extend({
  of: z.string(),
  rows: z.array(ShareRow),
});
export type SharesResult = z.infer<typeof SharesResult>;
export const SharesResponse = z.object({ data: SharesResult });

export const TrendRow = QueryRow.extend({
  change: Interval.nullable().describe('Difference from the previous year with a figure'),
  relativeChange: Interval.nullable().describe('Change relative to that year (0.1 = +10 %)'),
});
export const TrendsResult = QueryResult.omit({ rows: true }).extend({ rows: z.array(TrendRow) });
export type TrendsResult = z.infer<typeof TrendsResult>;
export const TrendsResponse = z.object({ data: TrendsResult });

export const RevisionsQuery = z
  .object({
    from: z.uuid().describe('The earlier release'),
    to: z.uuid().describe('The later release'),
    indicator: Text(300).optional(),
    area: Text(3).optional(),
    limit: QueryInt({ min: 1, max: 10_000 }).default(1000),
  })
  .strict();
export type RevisionsQuery = z.infer<typeof RevisionsQuery>;

const Figure = z.object({ lower: z.number(), upper: z.number().nullable(), text: z.string() });
export const Revision = z.object({
  change: z.enum(['revised', 'added', 'removed']),
  indicator: z.string(),
  area: z.string(),
  year: z.number().int(),
  sex: z.string(),
  age: z.string(),
  dimension: z.string(),
  category: z.string(),
  unit: z.string(),
  before: Figure.nullable(),
  after: Figure.nullable(),
});
export type Revision = z.infer<typeof Revision>;
export const RevisionsResult = z.object({
  from: Release,
  to: Release,
  counts: z.object({
    revised: z.number().int(),
    added: z.number().int(),
    removed: z.number().int(),
    unchanged: z.number().int(),
  }),
  changes: z.array(Revision),
  isTruncated: z.boolean(),
});
export type RevisionsResult = z.infer<typeof RevisionsResult>;
export const RevisionsResponse = z.object({ data: RevisionsResult });

export const ImportRequest = z
  .object({
    source: StatisticsSource,
    fileName: Text(255).min(1).describe('Its extension says the format: .csv, .xlsx or .json'),
    content: z.string().min(1).describe('The file: text, or base64 when encoding is base64 (XLSX)'),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    mapping: z.unknown().optional().describe('For source csv: the mapping file’s JSON'),
    release: Text(200).min(1).optional().describe('The release label; the file name by default'),
    publishedOn: IsoDate.optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type ImportRequest = z.infer<typeof ImportRequest>;
export const ImportResponse = z.object({ data: ImportReport });
