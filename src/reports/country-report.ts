// Use case: everything a country's assessment joins — partners, activities, gaps and overlaps, official figures
// and the plans' progress — read under the requester's row-level security, so each reader sees what they may.
import { listActivitiesInCountry, listPartnersInCountry } from '../activities/index.js';
import { CoverageQuery, findCoverageKept } from '../coverage/index.js';
import type { Queryable } from '../platform/db.js';
import { AppError } from '../platform/errors.js';
import { findCountryPlace, type Language } from '../reference/index.js';
import { latestCountryFigures } from '../statistics/index.js';
import { type CountryPlanProgress, CountryReport } from './schemas.js';

/** What one printed page holds; the totals still count everything. */
export const PAGE_LIMITS = { partners: 6, activitiesPerPillar: 2, findingsPerKind: 2 };

export type CountryReportRequest = {
  iso3: string;
  lang: Language;
  today: Date;
  /** The plans covering the country, their progress already assessed by the plans' own analyses. */
  plans?: readonly CountryPlanProgress[];
};

export async function gatherCountryReport(
  tx: Queryable,
  request: CountryReportRequest,
): Promise<CountryReport> {
  const { iso3, lang } = request;
  const place = await findCountryPlace(tx, iso3);
  if (!place)
    throw new AppError(
      'not_found',
      `No country has the code ${iso3}; use an ISO 3166-1 alpha-3 code such as KEN (the list is at /api/v1/reference/countries).`,
    );
  const partners = await listPartnersInCountry(tx, { iso3, lang, limit: PAGE_LIMITS.partners });
  const byPillar = await listActivitiesInCountry(tx, {
    iso3,
    lang,
    perPillar: PAGE_LIMITS.activitiesPerPillar,
  });
  const findings = await findCoverageKept(tx, {
    ...CoverageQuery.parse({ country: [iso3] }),
    limit: PAGE_LIMITS.findingsPerKind,
    offset: 0,
  });
  const statistics = await latestCountryFigures(tx, iso3);
  // Parsed, not cast: the rows' codes become the schema's enums, and a row that breaks the shape fails here.
  return CountryReport.parse({
    iso3,
    lang,
    today: request.today.toISOString().slice(0, 10),
    country: {
      name: place.names[lang] || place.names.en,
      region: place.regionNames?.[lang] ?? null,
      subregion: place.subregionNames?.[lang] ?? null,
    },
    partners: { total: partners.total, shown: partners.partners },
    activities: {
      total: byPillar.reduce((sum, group) => sum + group.total, 0),
      byPillar: byPillar.map(({ activities, ...group }) => ({
        ...group,
        shown: activities.map(({ pillar: _pillar, ...activity }) => activity),
      })),
    },
    findings: {
      gaps: { total: findings.totals.gaps, shown: findings.gaps },
      overlaps: { total: findings.totals.overlaps, shown: findings.overlaps },
    },
    statistics,
    plans: [...(request.plans ?? [])],
  });
}
