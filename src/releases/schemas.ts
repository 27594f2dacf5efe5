// API shapes of privacy-preserving releases: where the data comes from, each column's role, the method and
// its parameters, the disclosure-risk report, and a release as people and programs read it.
import { z } from 'zod';
import { Int, IsoDateTime, PlainText } from '../platform/fields.js';

export const COLUMN_ROLES = ['quasi_identifier', 'sensitive', 'other'] as const;
export const ColumnRole = z
  .enum(COLUMN_ROLES)
  .describe(
    'quasi_identifier: could single a person out in combination with others (sex, age, citizenship…); sensitive: what must not be learnt about one person (form of exploitation…); other: neither',
  );

export const HIERARCHIES = ['age', 'country'] as const;
export const Generalisation = z
  .object({
    hierarchy: z.enum(HIERARCHIES).describe('age: years or age labels into bands; country: into M49 areas'),
    level: Int({ min: 1, max: 3 }).describe(
      'How far up: age 1 = 9-year-style bands as CTDC, 2 = children and adults; country 1 = sub-region, 2 = region, 3 = world',
    ),
  })
  .strict();
export type Generalisation = z.infer<typeof Generalisation>;

export const ColumnChoice = z
  .object({
    name: PlainText(200).min(1),
    role: ColumnRole,
    generalise: Generalisation.optional(),
  })
  .strict();
export type ColumnChoice = z.infer<typeof ColumnChoice>;

const MAX_FILE_CHARACTERS = 200 * 1024 * 1024;

export const FileSource = z
  .object({
    kind: z.literal('file'),
    fileName: PlainText(255).min(1),
    content: z.string().max(MAX_FILE_CHARACTERS).describe('The CSV file, header in the first row'),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    missing: z
      .array(z.string().max(20))
      .max(10)
      .default([])
      .describe('Values that mean "not recorded" besides an empty cell, for example -99'),
  })
  .strict();

export const CaseSource = z
  .object({
    kind: z.literal('cases'),
    organisationId: z
      .uuid()
      .describe('The organisation whose cases are used (only those consenting to statistics)'),
  })
  .strict();

export const ReleaseSource = z.discriminatedUnion('kind', [FileSource, CaseSource]);
export type ReleaseSource = z.infer<typeof ReleaseSource>;

const Seed = PlainText(100)
  .min(1)
  .describe('Makes the release reproducible bit for bit; a random one when absent');
const Epsilon = z.number().positive().max(100).describe('The privacy loss ε this release may spend');
const Delta = z.number().positive().max(1e-3).describe('δ; derived from the record count when absent');
const Dimensions = z.array(PlainText(200).min(1)).min(1).max(4).describe('The columns the table counts by');

export const SuppressionMethod = z
  .object({
    method: z.literal('suppression'),
    dimensions: Dimensions,
    threshold: Int({ min: 2, max: 1000 }).default(10).describe('Cells below this are hidden'),
  })
  .strict();
export const NoisyTableMethod = z
  .object({
    method: z.enum(['laplace', 'gaussian']),
    dimensions: Dimensions,
    epsilon: Epsilon.default(1),
    delta: Delta.optional(),
    seed: Seed.optional(),
  })
  .strict();
export const KAnonymousMethod = z
  .object({
    method: z.literal('k-anonymous'),
    k: Int({ min: 2, max: 1000 }).default(10),
    reportingLength: Int({ min: 1, max: 5 }).default(3),
    seed: Seed.optional(),
  })
  .strict();
export const DpSynthesisMethod = z
  .object({
    method: z.literal('dp'),
    epsilon: Epsilon.default(4),
    delta: Delta.optional(),
    reportingLength: Int({ min: 1, max: 4 }).default(3),
    seed: Seed.optional(),
  })
  .strict();

export const ReleaseMethod = z.union([
  SuppressionMethod,
  NoisyTableMethod,
  KAnonymousMethod,
  DpSynthesisMethod,
]);
export type ReleaseMethod = z.infer<typeof ReleaseMethod>;

export const InspectRequest = z.object({ source: ReleaseSource }).strict();

export const RiskRequest = z
  .object({
    source: ReleaseSource,
    columns: z.array(ColumnChoice).min(1).max(200),
    k: Int({ min: 2, max: 1000 }).default(11),
    l: Int({ min: 2, max: 100 }).default(2),
  })
  .strict();
export type RiskRequest = z.infer<typeof RiskRequest>;

export const PrepareRequest = z
  .object({
    title: PlainText(200).min(1),
    source: ReleaseSource,
    columns: z
      .array(ColumnChoice)
      .min(1)
      .max(200)
      .describe('The columns to keep, in order, with their roles'),
    method: ReleaseMethod,
  })
  .strict();
export type PrepareRequest = z.infer<typeof PrepareRequest>;

export const RELEASE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const ReleaseStatus = z.enum(RELEASE_STATUSES);

export const Privacy = z
  .object({
    k: z
      .number()
      .int()
      .nullable()
      .describe('The smallest source count behind any published combination (checked)'),
    epsilon: z.number().nullable(),
    delta: z.number().nullable(),
    rho: z.number().nullable().describe('Zero-concentrated DP spent, charged to the dataset’s budget'),
    suppressedCells: z.number().int().nullable(),
    statements: z.array(z.string()).describe('What the release guarantees, in sentences'),
  })
  .strict();
export type Privacy = z.infer<typeof Privacy>;

export const Budget = z
  .object({
    id: z.uuid(),
    label: z.string(),
    totalRho: z.number(),
    spentRho: z.number(),
    remainingRho: z.number(),
  })
  .strict();
export type Budget = z.infer<typeof Budget>;

export const BudgetSpending = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(RELEASE_STATUSES),
    rho: z.number().describe('What this release spent, in zero-concentrated DP'),
    createdAt: IsoDateTime,
  })
  .strict();

/** A dataset's budget as people read it: the dataset by name, the releases that spent it, what one may do. */
export const DatasetBudget = Budget.extend({
  dataset: z
    .object({
      kind: z.enum(['cases', 'file']),
      fileName: z.string().nullable().describe('For a file: the name it was uploaded under'),
      organisation: z
        .object({ id: z.uuid(), name: z.string() })
        .strict()
        .nullable()
        .describe('For case data: the organisation holding the cases'),
    })
    .strict(),
  releases: z
    .array(BudgetSpending)
    .describe('The releases that spent from it and that the reader may see, newest first'),
  unlistedRho: z
    .number()
    .describe(
      'Spent by releases not listed: discarded drafts (what they spent stays spent) or others’ drafts',
    ),
  can: z.object({ setTotal: z.boolean() }).strict(),
}).strict();
export type DatasetBudget = z.infer<typeof DatasetBudget>;

export const ReleaseView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(['table', 'synthetic']),
    method: z.enum(['suppression', 'laplace', 'gaussian', 'k-anonymous', 'dp']),
    status: ReleaseStatus,
    source: z.object({ kind: z.enum(['cases', 'file']), label: z.string() }).strict(),
    organisation: z.object({ id: z.uuid(), name: z.string() }).strict().nullable(),
    inputRows: z.number().int(),
    inputChecksum: z.string(),
    columns: z.array(ColumnChoice),
    parameters: z.record(z.string(), z.unknown()),
    privacy: Privacy,
    evaluation: z.record(z.string(), z.unknown()),
    softwareVersion: z.string(),
    seed: z.string().nullable(),
    outputRows: z.number().int(),
    outputChecksum: z.string().describe('SHA-256 of the CSV download'),
    budget: Budget.nullable(),
    createdAt: IsoDateTime,
    publishedAt: IsoDateTime.nullable(),
    version: z.number().int(),
    can: z.object({ publish: z.boolean(), withdraw: z.boolean(), discard: z.boolean() }).strict(),
  })
  .strict();
export type ReleaseView = z.infer<typeof ReleaseView>;

export const ReleaseList = z.object({ data: z.array(ReleaseView.omit({ evaluation: true })) }).strict();
export const ReleaseParams = z.object({ id: z.uuid() }).strict();
export const ChangeRequest = z.object({ version: Int({ min: 1 }) }).strict();
export const BudgetRequest = z
  .object({
    totalRho: z
      .number()
      .positive()
      .max(100)
      .describe('The zero-concentrated DP the dataset may spend in all'),
  })
  .strict();
