// Anonymous reports of job offers: written only when a person chooses to send one, read by coordinators as
// counts. A report holds what the check already knew (agency, destination, flags) and a sector; never a name
// or a way to reach the sender.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ANONYMOUS_ACTOR, asRequester } from '../../../access/context.js';
import { type DatabaseHandle, type Queryable, rowsOf } from '../../../platform/db.js';
import { PlainText } from '../../../platform/fields.js';
import { textArray } from '../../../platform/sql-arrays.js';
import { Language } from '../../../reference/schemas.js';
import { SECTORS } from '../page/page-texts.js';
import { FindingId } from '../result-schemas.js';
import { CountryCode } from '../schemas.js';

export const Sector = z.enum(SECTORS);

/** Strict: a report with any other field (a name, a phone number) is refused, not stripped. */
export const OfferReport = z.strictObject({
  language: Language,
  agencyName: PlainText(200).optional(),
  agencyLicenceNumber: PlainText(100).optional(),
  destinationCountry: CountryCode.optional(),
  sector: Sector.optional(),
  flags: z.array(FindingId).max(30),
});
export type OfferReport = z.infer<typeof OfferReport>;

const Count = z.object({ count: z.number().int() });

export const OfferReportCounts = z.object({
  total: z.number().int(),
  since: z.string().nullable().describe('The day of the first report counted (YYYY-MM-DD)'),
  byDestination: z.array(Count.extend({ country: z.string().nullable() })),
  byFlag: z.array(Count.extend({ flag: FindingId })),
  bySector: z.array(Count.extend({ sector: Sector.nullable() })),
  byAgency: z.array(
    Count.extend({ agencyName: z.string().nullable(), agencyLicenceNumber: z.string().nullable() }),
  ),
});
export type OfferReportCounts = z.infer<typeof OfferReportCounts>;

/**
 * As an anonymous requester, whoever sends it, and outside a request's audited transaction, which would add
 * an entry with the sender's address to the same commit: the report's row is its only record.
 */
export function sendOfferReportAnonymously(database: DatabaseHandle, report: OfferReport): Promise<void> {
  return asRequester(database, ANONYMOUS_ACTOR, (tx) => insertOfferReport(tx, report));
}

/** No RETURNING: the sender may insert but not read the table, so the id is made here. */
async function insertOfferReport(tx: Queryable, report: OfferReport): Promise<void> {
  await tx.execute(sql`
    insert into offer_check_reports
      (id, language, agency_name, agency_licence_number, destination_country, sector, flags)
    values (${randomUUID()}, ${report.language}, ${report.agencyName ?? null},
      ${report.agencyLicenceNumber ?? null}, ${report.destinationCountry ?? null}, ${report.sector ?? null},
      ${textArray([...new Set(report.flags)])}::text[])`);
}

export async function countOfferReports(tx: Queryable): Promise<OfferReportCounts> {
  const [totals] = await rowsOf<{ total: number; since: string | null }>(
    tx,
    sql`select count(*)::int as total, min(reported_on)::text as since from offer_check_reports`,
  );
  const byDestination = await rowsOf<{ country: string | null; count: number }>(
    tx,
    sql`select destination_country as country, count(*)::int as count from offer_check_reports
        group by 1 order by 2 desc, 1`,
  );
  const byFlag = await rowsOf<{ flag: FindingId; count: number }>(
    tx,
    sql`select flag, count(*)::int as count from offer_check_reports, unnest(flags) as flag
        group by 1 order by 2 desc, 1`,
  );
  const bySector = await rowsOf<{ sector: z.infer<typeof Sector> | null; count: number }>(
    tx,
    sql`select sector, count(*)::int as count from offer_check_reports group by 1 order by 2 desc, 1`,
  );
  const byAgency = await rowsOf<{
    agencyName: string | null;
    agencyLicenceNumber: string | null;
    count: number;
  }>(
    tx,
    sql`select agency_name as "agencyName", agency_licence_number as "agencyLicenceNumber",
          count(*)::int as count
        from offer_check_reports where agency_name is not null or agency_licence_number is not null
        group by 1, 2 order by 3 desc, 1, 2 limit 100`,
  );
  return {
    total: totals?.total ?? 0,
    since: totals?.since ?? null,
    byDestination,
    byFlag,
    bySector,
    byAgency,
  };
}
