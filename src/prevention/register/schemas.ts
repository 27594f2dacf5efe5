// What the register of intermediaries holds about an agency: who it is, its licences as the issuing authority
// states them, inspections, complaints and sanctions. No worker, victim or complainant appears anywhere:
// complaints are dated, categorised events without a word of who made them, and referrals that name an
// agency reach this module only as a number (see risk-signs.ts).
import { z } from 'zod';
import { IsoDate, PlainText } from '../../platform/fields.js';
import { Iso3 } from '../../reference/vocabulary.js';

/** The intermediaries the UN's call to monitor names (recruitment channels in the domain notes). */
export const AGENCY_KINDS = [
  'recruitment',
  'marriage',
  'modelling',
  'adoption',
  'study_abroad',
  'travel',
] as const;
export const AgencyKind = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKind>;

/**
 * A licence's status as the issuing authority gives it. Expiry is not a status: it follows from the dates,
 * so that a register read a year later still answers right without anyone editing it.
 */
export const ISSUED_STATUSES = ['active', 'suspended', 'revoked'] as const;
export const IssuedStatus = z.enum(ISSUED_STATUSES);
export type IssuedStatus = z.infer<typeof IssuedStatus>;

export const INSPECTION_OUTCOMES = ['compliant', 'deficiencies', 'violations', 'not_at_address'] as const;
export const InspectionOutcome = z.enum(INSPECTION_OUTCOMES);
export type InspectionOutcome = z.infer<typeof InspectionOutcome>;

export const COMPLAINT_CATEGORIES = [
  'fees',
  'deception',
  'documents_withheld',
  'debt',
  'abuse',
  'unlicensed_activity',
  'other',
] as const;
export const ComplaintCategory = z.enum(COMPLAINT_CATEGORIES);
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

export const COMPLAINT_STATUSES = ['received', 'investigating', 'upheld', 'dismissed', 'withdrawn'] as const;
export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** A complaint found baseless or withdrawn says nothing against the agency and is not counted. */
export const COUNTED_COMPLAINT_STATUSES: ReadonlySet<ComplaintStatus> = new Set([
  'received',
  'investigating',
  'upheld',
]);

export const SANCTION_KINDS = [
  'warning',
  'fine',
  'suspension',
  'licence_revocation',
  'ban',
  'closure',
] as const;
export const SanctionKind = z.enum(SANCTION_KINDS);
export type SanctionKind = z.infer<typeof SanctionKind>;

/** Sanctions that last until lifted; a warning or a fine is a one-off act, recent or not. */
export const LASTING_SANCTIONS: ReadonlySet<SanctionKind> = new Set([
  'suspension',
  'licence_revocation',
  'ban',
  'closure',
]);

const Authority = PlainText(300).describe('The issuing authority as it names itself, for example a ministry');

export const Licence = z
  .strictObject({
    number: PlainText(100),
    issuingAuthority: Authority,
    status: IssuedStatus,
    validFrom: IsoDate.nullable().describe('First day of validity; null when the authority does not say'),
    validUntil: IsoDate.nullable().describe('Last day of validity; null when the licence has no end date'),
    statusSince: IsoDate.nullable().describe('When a suspension or revocation took effect, if known'),
    statusUntil: IsoDate.nullable().describe('The last day of a suspension, when it has one'),
  })
  .superRefine((licence, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (licence.validFrom && licence.validUntil && licence.validUntil < licence.validFrom)
      problem('validUntil', 'The licence cannot end before it starts');
    if (licence.status === 'active' && licence.statusSince)
      problem('statusSince', 'Only a suspended or revoked licence has a date its status changed');
    if (licence.status !== 'suspended' && licence.statusUntil)
      problem('statusUntil', 'Only a suspension has an end date');
    if (licence.statusSince && licence.statusUntil && licence.statusUntil < licence.statusSince)
      problem('statusUntil', 'The suspension cannot end before it starts');
  });
export type Licence = z.infer<typeof Licence>;

export const Inspection = z.strictObject({
  date: IsoDate,
  outcome: InspectionOutcome,
  authority: Authority.nullable(),
});
export type Inspection = z.infer<typeof Inspection>;

/** Counted, never read: a date, a category and where it stands. No text field, so no one can type a name in. */
export const Complaint = z.strictObject({
  receivedOn: IsoDate,
  category: ComplaintCategory,
  status: ComplaintStatus,
});
export type Complaint = z.infer<typeof Complaint>;

export const Sanction = z
  .strictObject({
    imposedOn: IsoDate,
    kind: SanctionKind,
    until: IsoDate.nullable().describe('The last day it applies; null when it lasts until lifted'),
    authority: Authority.nullable(),
  })
  .refine((sanction) => !sanction.until || sanction.until >= sanction.imposedOn, {
    path: ['until'],
    message: 'A sanction cannot end before it is imposed',
  });
export type Sanction = z.infer<typeof Sanction>;

export const Agency = z.strictObject({
  name: PlainText(300),
  otherNames: z.array(PlainText(300)).max(50).describe('Trading names and former names'),
  kind: AgencyKind,
  country: Iso3.describe('Where the agency is registered'),
  address: PlainText(500).nullable(),
  registrationNumber: PlainText(100).nullable().describe('The company registration number, not a licence'),
});
export type Agency = z.infer<typeof Agency>;

/** One agency with everything the register knows about it; `id` is the database's, absent before storing. */
export const AgencyRecord = Agency.extend({
  id: z.string().min(1).optional(),
  licences: z.array(Licence).max(200),
  inspections: z.array(Inspection).max(1000),
  complaints: z.array(Complaint).max(100_000),
  sanctions: z.array(Sanction).max(1000),
});
export type AgencyRecord = z.infer<typeof AgencyRecord>;

/** A public look-up: by name, by licence number, or the agencies of a country; any two narrow the third. */
export const LookupQuery = z
  .strictObject({
    name: PlainText(300).optional(),
    licenceNumber: PlainText(100).optional(),
    country: Iso3.optional(),
  })
  .refine((query) => query.name || query.licenceNumber || query.country, {
    message: 'Give a name, a licence number or a country',
  });
export type LookupQuery = z.infer<typeof LookupQuery>;
