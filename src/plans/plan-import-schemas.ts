// API shapes of a new plan drawn up from a results file: the file, what a preview found in it, and the
// mapping a person gives (a pillar per objective, an owner per measure, the coordinator), mirroring the
// preview's objectives and measures in the same order.
import { z } from 'zod';
import { FieldError } from '../platform/errors.js';
import { PlainText, Text } from '../platform/fields.js';
import { Iso3 } from '../reference/vocabulary.js';
import {
  AgeGroup,
  Baseline,
  MeasureStatus,
  Period,
  PlanPillar,
  PlanScope,
  ProgressStatus,
  Sex,
  Target,
} from './schemas.js';

const FILE_LIMIT = 30 * 1024 * 1024;

export const PlanFileFormat = z.enum(['iati', 'csv', 'xlsx']);

export const PlanFile = z
  .object({
    format: PlanFileFormat,
    fileName: PlainText(255).min(1),
    content: z.string().max(FILE_LIMIT).describe('The file: text for IATI XML and CSV, base64 for XLSX'),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
  })
  .strict();
export type PlanFile = z.infer<typeof PlanFile>;

export const PlanImportMapping = z
  .object({
    title: PlainText(300).min(1).optional().describe('The plan’s title (the preview’s guess if left out)'),
    description: Text(8000).optional(),
    scope: PlanScope.optional(),
    countries: z.array(Iso3).max(250).optional(),
    period: Period.optional(),
    coordinatorOrganisationId: z.uuid().nullable().default(null),
    objectives: z
      .array(
        z
          .object({
            pillar: PlanPillar.nullable().default(null),
            measures: z
              .array(z.object({ ownerOrganisationId: z.uuid().nullable().default(null) }).strict())
              .max(200)
              .default([]),
          })
          .strict(),
      )
      .max(100)
      .default([])
      .describe('One entry per objective of the preview, in its order, each with one entry per measure'),
  })
  .strict();
export type PlanImportMapping = z.infer<typeof PlanImportMapping>;

export const PlanImportRequest = PlanFile.extend({ mapping: PlanImportMapping }).strict();

/** An organisation as the file names it, and the registered one it seems to be. */
const OrganisationMatch = z.object({
  named: z.object({ ref: z.string().nullable(), name: z.string().nullable() }).nullable(),
  suggestion: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

const PreviewActual = z.object({
  start: z.string(),
  end: z.string(),
  sex: Sex.optional(),
  age: AgeGroup.optional(),
  value: z.number().nullable(),
  status: ProgressStatus,
});

const PreviewIndicator = z.object({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  baseline: Baseline.nullable(),
  targets: z.array(Target),
  actuals: z.array(PreviewActual),
});

const PreviewMeasure = z.object({
  title: z.string(),
  source: z.string().describe('Where the measure is in the file'),
  deadline: z.string().nullable(),
  status: MeasureStatus,
  owner: OrganisationMatch,
  indicators: z.array(PreviewIndicator),
});

const PreviewObjective = z.object({
  title: z.string(),
  source: z.string(),
  pillar: PlanPillar.nullable().describe('The pillar the file gives, if any'),
  measures: z.array(PreviewMeasure),
});

export const PlanImportPreview = z.object({
  fileName: z.string(),
  format: PlanFileFormat,
  plan: z.object({
    title: z.string(),
    scope: PlanScope,
    countries: z.array(z.string()),
    period: z.object({ start: z.string(), end: z.string() }).nullable(),
  }),
  coordinator: OrganisationMatch,
  objectives: z.array(PreviewObjective),
  mapping: PlanImportMapping.describe('The mapping suggested: send it back once every null is chosen'),
  needs: z.array(FieldError).describe('What is still to map, each with its place in the mapping'),
  problems: z.array(FieldError).describe('What keeps the file from being imported, and how to fix it'),
  notes: z.array(FieldError).describe('What will be kept differently from how the file says it'),
});
export type PlanImportPreview = z.infer<typeof PlanImportPreview>;

export const PlanImportSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  objectives: z.number().int(),
  measures: z.number().int(),
  indicators: z.number().int(),
  actuals: z.number().int(),
  notes: z.array(FieldError),
});
export type PlanImportSummary = z.infer<typeof PlanImportSummary>;
