// The printed plan report's words in the six UN languages: the shape every language must fill (the compiler
// refuses a missing label), and the lookup by language. Pillar names come from the shared pillar code list.
import type { Language } from '../../reference/schemas.js';
import type { ComputedStatus } from '../engine/indicator-progress.js';
import type { MeasureWithoutActivity } from '../engine/links.js';
import type { MeasureStatus, PlanScope } from '../engine/model.js';
import { ar } from './labels/ar.js';
import { en } from './labels/en.js';
import { es } from './labels/es.js';
import { fr } from './labels/fr.js';
import { ru } from './labels/ru.js';
import { zh } from './labels/zh.js';

export type ReportLabels = {
  kicker: string;
  scope: string;
  countries: string;
  period: string;
  coordinator: string;
  situationAsOf: string;
  /** {date}: when the report was generated. */
  generatedOn: string;
  /** {page} and {pages}: printed in the page footer. */
  pageOf: string;
  scopes: Record<PlanScope, string>;

  implementation: string;
  keyFigures: string;
  measuresCount: string;
  completedShare: string;
  overdueMeasuresCount: string;
  overdueReportsCount: string;
  indicatorsCount: string;
  byPillar: string;
  byOwner: string;
  chartMeasuresByPillar: string;
  chartIndicators: string;
  chartExpectedMarker: string;
  /** {share}: a percentage. */
  progressOfTarget: string;
  chartNoData: string;

  indicators: string;
  statusRule: string;
  /** {status}: the status the approved report gave, when the computed one differs. */
  reportedDiffers: string;

  overdue: string;
  overdueMeasures: string;
  overdueReports: string;

  links: string;
  measuresWithoutActivity: string;
  activitiesServingNoMeasure: string;
  reasons: Record<MeasureWithoutActivity['reason'], string>;

  funding: string;
  fundingPerMeasure: string;
  gapByPillar: string;
  gapByCountry: string;
  severalCountries: string;
  /** {amount} and {measures}. */
  noteOverCommitment: string;
  /** {measures}. */
  noteUnbudgeted: string;
  /** {amount}. */
  noteOtherCurrencies: string;
  /** {amount}. */
  noteCancelledCommitments: string;
  noBudget: string;
  noFunding: string;

  columns: {
    pillar: string;
    organisation: string;
    measures: string;
    completed: string;
    completedShare: string;
    overdue: string;
    measure: string;
    indicator: string;
    people: string;
    baseline: string;
    target: string;
    actual: string;
    status: string;
    owner: string;
    deadline: string;
    daysOverdue: string;
    period: string;
    dueDate: string;
    reason: string;
    activity: string;
    country: string;
    budget: string;
    committed: string;
    spent: string;
    gap: string;
    funders: string;
    notes: string;
  };
  measureStatuses: Record<MeasureStatus, string>;
  progressStatuses: Record<ComputedStatus, string>;
  people: { all: string; female: string; male: string; other: string; children: string; adults: string };

  empty: {
    measures: string;
    indicators: string;
    overdueMeasures: string;
    overdueReports: string;
    measuresWithoutActivity: string;
    activitiesServingNoMeasure: string;
  };
  unnamedOrganisation: string;
  unnamedCountry: string;
};

export const REPORT_LABELS: Record<Language, ReportLabels> = { en, fr, es, ru, zh, ar };

/**
 * Fills {name} placeholders; a missing value stays visible as {name}, an obvious gap. Each value is wrapped in
 * Unicode's first-strong isolate (FSI … PDI, UAX #9) so that an English title or an amount inside an Arabic
 * sentence keeps its own direction and does not scramble the punctuation around it.
 */
export function fillLabel(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : `\u2068${value}\u2069`;
  });
}
