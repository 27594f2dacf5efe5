// API shapes of the register under /api/v1/intermediaries: the public look-up and an agency as the public
// sees it (with every sentence in the reader's language beside its key), what coordinators write, and a
// register file to preview or import.
import { z } from 'zod';
import { IsoDate, PlainText, QueryInt } from '../../platform/fields.js';
import { Language } from '../../reference/schemas.js';
import { Iso3 } from '../../reference/vocabulary.js';
import { RegisterStatus } from '../offer-check/schemas.js';
import {
  Agency,
  AgencyKind,
  Complaint,
  Inspection,
  Licence,
  LicenceState,
  LookupNote,
  MatchReason,
  MatchStrength,
  PublicEntry,
  REGISTER_COLUMNS,
  Sanction,
  TextValues,
} from '../register/index.js';

export const LookupRequest = z
  .object({
    name: PlainText(300).optional().describe('The agency’s name, or part of it'),
    licence: PlainText(100).optional().describe('The licence number as the agency gives it'),
    country: Iso3.optional().describe('Where the agency is registered'),
    lang: Language.optional().describe('The language of the sentences; else Accept-Language, else English'),
    limit: QueryInt({ min: 1, max: 100 }).default(20),
    offset: QueryInt({ min: 0, max: 100_000 }).default(0),
  })
  .strict()
  .refine((query) => query.name || query.licence || query.country, {
    message: 'Give a name, a licence number or a country',
    path: ['name'],
  });
export type LookupRequest = z.infer<typeof LookupRequest>;

export const AgencyParams = z.object({ id: z.uuid() }).strict();

export const ReaderQuery = z
  .object({ lang: Language.optional().describe('The language of the sentences') })
  .strict();

export const EntrySentences = z.object({
  kind: z.string(),
  state: z.string().describe('The licence standing in a few words'),
  standing: z.string().describe('Why the agency stands as it does'),
  signs: z.array(z.string()).describe('Each risk sign’s sentence, in the order of signs'),
  lastInspection: z.string().nullable().describe('The last inspection’s outcome'),
  sanctionsInForce: z.array(z.string()).describe('Each sanction in force named, in the order given'),
});

export const AgencyView = PublicEntry.extend({
  id: z.string(),
  keeperOrganisationId: z
    .string()
    .nullable()
    .describe('The organisation keeping the record, if not coordinators'),
  version: z.number().int(),
  sentences: EntrySentences,
});
export type AgencyView = z.infer<typeof AgencyView>;

export const LookupAnswerView = z.object({
  status: RegisterStatus,
  checkedOn: IsoDate,
  sentence: z.string().describe('"Is this agency licensed?" answered'),
  note: LookupNote.extend({ sentence: z.string() }).nullable(),
  agencyId: z.string().nullable(),
});

export const LookupView = z.object({
  answer: LookupAnswerView,
  matches: z.array(
    z.object({
      agency: AgencyView,
      strength: MatchStrength,
      score: z.number(),
      why: z.object({ reason: MatchReason, values: TextValues, sentence: z.string() }),
    }),
  ),
  total: z.number().int().describe('How many agencies match, over every page'),
  offset: z.number().int(),
  limit: z.number().int(),
  language: Language,
  smallCountRule: z.string().describe('How complaints and referrals are counted, in words'),
});
export type LookupView = z.infer<typeof LookupView>;

export const AgencyRequest = Agency.extend({
  keeperOrganisationId: z
    .uuid()
    .nullable()
    .default(null)
    .describe('An issuing authority’s organisation whose editors keep this agency; null: coordinators only'),
});
export type AgencyRequest = z.infer<typeof AgencyRequest>;

export const CreateAgencyRequest = AgencyRequest.extend({
  licences: z.array(Licence).max(50).default([]),
});
export const UpdateAgencyRequest = AgencyRequest.extend({ version: z.number().int().min(1) });

export const LicenceRequest = Licence;
export const InspectionRequest = Inspection;
export const ComplaintRequest = Complaint;
export const SanctionRequest = Sanction;
export const ReferralLinkRequest = z.strictObject({ referralId: z.uuid() });

export const SaveOutcomeView = z.object({ outcome: z.enum(['added', 'changed', 'unchanged']) });

const FILE_LIMIT = 20 * 1024 * 1024;
const Column = z.enum(REGISTER_COLUMNS);
const PublisherStatus = z.enum(['active', 'suspended', 'revoked', 'expired']);

export const RegisterFile = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    fileName: PlainText(255).min(1),
    content: z.string().max(FILE_LIMIT).describe('The file: text for CSV, base64 for XLSX'),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    keeperOrganisationId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('The organisation that keeps the agencies the file adds; null: coordinators only'),
    defaultCountry: Iso3.optional().describe('For a national register without a country column'),
    defaultKind: AgencyKind.optional(),
    defaultAuthority: PlainText(300).optional(),
    defaultStatus: PublisherStatus.optional().describe(
      'For a list of licensed agencies without a status column',
    ),
    statusWords: z
      .record(PlainText(100), PublisherStatus)
      .optional()
      .describe('The publisher’s status words'),
    kindWords: z.record(PlainText(100), AgencyKind).optional(),
    columnNames: z.record(PlainText(200), Column).optional().describe('The publisher’s own headings'),
    dateOrder: z.enum(['day_first', 'month_first']).optional(),
  })
  .strict();
export type RegisterFile = z.infer<typeof RegisterFile>;

export const ImportProblemView = z.object({
  row: z.number().int(),
  column: z.number().int().nullable(),
  columnName: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  problem: z.string().describe('What is wrong, in English'),
  fix: z.string().describe('How to fix it, in English'),
});

export const ImportPreview = z.object({
  fileName: z.string(),
  headerRow: z.number().int().nullable(),
  agencies: z.array(
    z.object({
      name: z.string(),
      kind: AgencyKind,
      country: z.string(),
      registrationNumber: z.string().nullable(),
      rows: z.array(z.number().int()),
      licences: z.array(
        z.object({ number: z.string(), state: LicenceState, validUntil: IsoDate.nullable() }),
      ),
    }),
  ),
  problems: z.array(ImportProblemView),
  notes: z.array(ImportProblemView),
  counts: z.object({ accepted: z.number().int(), rejected: z.number().int(), skipped: z.number().int() }),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

const TallyView = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export const ImportSummaryView = z.object({
  fileName: z.string(),
  agencies: TallyView,
  licences: TallyView,
  notes: z.array(ImportProblemView),
});
export type ImportSummaryView = z.infer<typeof ImportSummaryView>;
