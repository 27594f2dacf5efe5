// API shapes of what the release tasks answer: a dataset's columns and a disclosure-risk report.
import { z } from 'zod';
import type { RiskReport } from './engine/risk.js';
import type { Inspection as InspectionResult } from './tasks.js';

export const ColumnSummary = z
  .object({
    name: z.string(),
    distinct: z.number().int(),
    missing: z.number().int(),
    top: z.array(z.object({ value: z.string(), count: z.number().int() }).strict()),
    suggestedHierarchy: z.enum(['age', 'country']).nullable(),
  })
  .strict();

export const Inspection = z
  .object({ rows: z.number().int(), inputChecksum: z.string(), columns: z.array(ColumnSummary) })
  .strict();

export const RiskAnswer = z
  .object({
    recordCount: z.number().int(),
    quasiIdentifiers: z.array(z.string()),
    k: z.number().int(),
    l: z.number().int(),
    classCount: z.number().int(),
    classSizes: z.array(
      z
        .object({
          label: z.string(),
          from: z.number().int(),
          to: z.number().int().nullable(),
          classes: z.number().int(),
          records: z.number().int(),
        })
        .strict(),
    ),
    classesBelowK: z.number().int(),
    recordsBelowK: z.number().int(),
    shareBelowK: z.number(),
    uniqueRecords: z.number().int(),
    smallestClass: z.number().int(),
    diversity: z.array(
      z
        .object({
          column: z.string(),
          fewestDistinctValues: z.number().int(),
          classesBelowL: z.number().int(),
          recordsBelowL: z.number().int(),
        })
        .strict(),
    ),
    verdict: z.enum(['safe', 'at risk']),
    sentences: z.array(z.string()),
    suggestions: z.array(
      z
        .object({
          column: z.string(),
          level: z.number().int(),
          levelName: z.string(),
          classCount: z.number().int(),
          recordsBelowK: z.number().int(),
          unknownValues: z.number().int(),
          isRemoval: z.boolean(),
        })
        .strict(),
    ),
    notes: z.array(z.string()),
  })
  .strict();

// The engine's shapes and these must not drift apart: a field the engine adds fails the build here
// instead of every answer at run time.
export const riskShapeMatches = (answer: z.infer<typeof RiskAnswer>): RiskReport & { notes: string[] } =>
  answer;
export const inspectionShapeMatches = (answer: z.infer<typeof Inspection>): InspectionResult => answer;
