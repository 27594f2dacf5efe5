// API shapes of commitments: what a signatory records (the code or principle signed, when, where and in
// which sectors, what it undertakes), the progress it reports, and both as read with what the reader may do.
import { z } from 'zod';
import { IsoDate, LongText, PlainText } from '../platform/fields.js';
import { BusinessSector, CommitmentCode, Iso3 } from '../reference/vocabulary.js';
import { COMMITMENT_STATUSES } from './schema.js';

export const CommitmentStatus = z
  .enum(COMMITMENT_STATUSES)
  .describe('active; lapsed (no longer renewed or honoured); withdrawn (final)');
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;

const unique = (values: readonly string[]) => new Set(values).size === values.length;

const Countries = z
  .array(Iso3)
  .max(300)
  .refine(unique, 'Name each country once')
  .describe('The countries the commitment covers; empty for every country the signatory works in');
const Sectors = z.array(BusinessSector).max(20).refine(unique, 'Name each sector once');

/** The fields a commitment has whoever records it; the organisation comes only with a new one. */
const CommitmentFields = z.object({
  code: CommitmentCode,
  otherCodeName: PlainText(300)
    .nullable()
    .default(null)
    .describe('The name of the code or principle signed, when `code` is `other` (and only then)'),
  signedOn: IsoDate.describe('The day the organisation signed'),
  countries: Countries.default([]),
  sectors: Sectors.default([]),
  undertaking: LongText(4000).describe('What the organisation committed to, in its own words'),
  status: CommitmentStatus.default('active'),
  isPublished: z.boolean().default(false).describe('Shown to the public (with its public progress reports)'),
});

/** "Another code" needs its name; a listed code has its name in the list already. */
function namesOtherCodeOnlyWhenOther(
  value: { code?: string; otherCodeName?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.code === undefined) return;
  if (value.code === 'other' && !value.otherCodeName)
    ctx.addIssue({ code: 'custom', path: ['otherCodeName'], message: 'Name the code or principle signed' });
  if (value.code !== 'other' && value.otherCodeName)
    ctx.addIssue({
      code: 'custom',
      path: ['otherCodeName'],
      message: 'Only another code than those listed takes a name here; leave it empty',
    });
}

export const CommitmentRequest = CommitmentFields.extend({
  organisationId: z.uuid().describe('The signatory; its editors may change the commitment later'),
})
  .strict()
  .superRefine(namesOtherCodeOnlyWhenOther);
export type CommitmentRequest = z.input<typeof CommitmentRequest>;
export type NewCommitment = z.infer<typeof CommitmentRequest>;

/** Only the fields sent change; the code and its name go together. */
export const CommitmentChange = z
  .object({
    code: CommitmentCode.optional(),
    otherCodeName: PlainText(300).nullable().optional(),
    signedOn: IsoDate.optional(),
    countries: Countries.optional(),
    sectors: Sectors.optional(),
    undertaking: LongText(4000).optional(),
    status: CommitmentStatus.optional(),
    isPublished: z.boolean().optional(),
  })
  .strict()
  .refine((change) => change.code !== undefined || change.otherCodeName === undefined, {
    path: ['code'],
    message: 'Send the code together with the name of another code',
  })
  .superRefine(namesOtherCodeOnlyWhenOther);
export type CommitmentChange = z.infer<typeof CommitmentChange>;

export const ProgressRequest = z
  .object({
    reportedOn: IsoDate.describe('The day the progress was made or reported'),
    summary: LongText(4000).describe('What was done'),
    isPublic: z.boolean().default(false).describe('Shown to the public once the commitment is published'),
  })
  .strict();
export type ProgressRequest = z.input<typeof ProgressRequest>;
export type NewProgress = z.infer<typeof ProgressRequest>;

export const ProgressView = z.object({
  id: z.uuid(),
  reportedOn: z.string(),
  summary: z.string(),
  isPublic: z.boolean(),
});
export type ProgressView = z.infer<typeof ProgressView>;

export const CommitmentView = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string(), actorType: z.string() }),
  code: CommitmentCode,
  otherCodeName: z.string().nullable(),
  signedOn: z.string(),
  countries: z.array(z.string()),
  sectors: z.array(BusinessSector),
  undertaking: z.string(),
  status: CommitmentStatus,
  isPublished: z.boolean(),
  progress: z.array(ProgressView).describe('The progress reports the reader may see, latest first'),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean() }).describe('Whether the reader may change it and report progress'),
});
export type CommitmentView = z.infer<typeof CommitmentView>;

export const CommitmentFilters = z
  .object({
    code: CommitmentCode.optional(),
    country: Iso3.optional().describe(
      'Covers this country: names it, or names none and the signatory works there',
    ),
    sector: BusinessSector.optional(),
    status: CommitmentStatus.optional(),
    organisationId: z.uuid().optional(),
  })
  .strict();
export type CommitmentFilters = z.infer<typeof CommitmentFilters>;

export const CommitmentParams = z.object({ id: z.uuid() }).strict();
export const CommitmentReply = z.object({ data: CommitmentView });
export const CommitmentList = z.object({ data: z.array(CommitmentView) });
