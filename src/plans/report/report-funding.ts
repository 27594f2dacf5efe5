// The report's funding section: committed and spent per measure by funder, and the funding gap per pillar and
// per country, each sum kept in its own currency, with the notes that qualify a gap (over-commitment, measures
// without a budget, money in another currency, money committed to cancelled measures).
import {
  type FundingGap,
  fundingGapsByCountry,
  fundingGapsByPillar,
  fundingOfMeasures,
} from '../engine/funding.js';
import type { Money } from '../engine/model.js';
import { html, type Interpolation, type Markup } from './html.js';
import type { ReportContext } from './report-context.js';
import { fillLabel } from './report-labels.js';
import { type Column, emptyNote, moneyLines, sectionHeading, table } from './report-tables.js';

export function fundingSection(context: ReportContext): Markup {
  const { labels, input } = context;
  const measures = fundingOfMeasures(input.plan);
  const body =
    measures.length === 0
      ? emptyNote(labels.empty.measures)
      : html`<h3>${labels.fundingPerMeasure}</h3>${measureFundingTable(context)}
<h3>${labels.gapByPillar}</h3>${gapTable(
          context,
          labels.columns.pillar,
          fundingGapsByPillar(input.plan).map((row) => ({ name: context.pillar(row.pillar), gap: row })),
        )}
<h3>${labels.gapByCountry}</h3>${gapTable(
          context,
          labels.columns.country,
          fundingGapsByCountry(input.plan).map((row) => ({
            name: row.country === null ? labels.severalCountries : context.country(row.country),
            gap: row,
          })),
        )}`;
  return html`<section class="report-section">${sectionHeading(labels.funding)}${body}</section>`;
}

function measureFundingTable(context: ReportContext): Markup {
  const { columns, noBudget, noFunding } = context.labels;
  return table(
    [
      { label: columns.measure },
      { label: columns.budget, isNumeric: true },
      { label: columns.committed, isNumeric: true },
      { label: columns.spent, isNumeric: true },
      { label: columns.funders },
    ],
    fundingOfMeasures(context.input.plan).map((measure) => [
      context.measureTitle(measure.measureId),
      measure.budget ? moneyLines(context, [measure.budget]) : noBudget,
      moneyLines(context, measure.committed),
      moneyLines(context, measure.spent),
      measure.byFunder.length === 0
        ? noFunding
        : html`${measure.byFunder.map(
            (funder) =>
              html`<span class="note">${context.organisation(funder.funderOrganisationId)}: ${funder.committed.map((money) => context.money(money)).join(', ')}</span>`,
          )}`,
    ]),
  );
}

function gapTable(
  context: ReportContext,
  firstColumn: string,
  rows: readonly { name: string; gap: FundingGap }[],
): Markup {
  const { columns } = context.labels;
  const headers: Column[] = [
    { label: firstColumn },
    { label: columns.budget, isNumeric: true },
    { label: columns.committed, isNumeric: true },
    { label: columns.spent, isNumeric: true },
    { label: columns.gap, isNumeric: true },
    { label: columns.notes },
  ];
  return table(
    headers,
    rows.map(({ name, gap }) => [
      name,
      moneyLines(context, gap.budget),
      moneyLines(context, gap.committed),
      moneyLines(context, gap.spent),
      html`<strong>${moneyLines(context, gap.gap)}</strong>`,
      gapNotes(context, gap),
    ]),
  );
}

function gapNotes(context: ReportContext, gap: FundingGap): Interpolation {
  const { labels } = context;
  const amounts = (sums: readonly Money[]) =>
    sums
      .filter((money) => money.amountMinor !== 0)
      .map((money) => context.money(money))
      .join(', ');
  const titles = (ids: readonly string[]) => ids.map((id) => context.measureTitle(id)).join(', ');
  const notes: string[] = [];
  if (amounts(gap.overCommitment)) {
    notes.push(
      fillLabel(labels.noteOverCommitment, {
        amount: amounts(gap.overCommitment),
        measures: titles(gap.overCommittedMeasureIds),
      }),
    );
  }
  if (gap.unbudgetedMeasureIds.length > 0) {
    notes.push(fillLabel(labels.noteUnbudgeted, { measures: titles(gap.unbudgetedMeasureIds) }));
  }
  if (amounts(gap.committedInOtherCurrencies)) {
    notes.push(fillLabel(labels.noteOtherCurrencies, { amount: amounts(gap.committedInOtherCurrencies) }));
  }
  if (amounts(gap.committedToCancelledMeasures)) {
    notes.push(
      fillLabel(labels.noteCancelledCommitments, { amount: amounts(gap.committedToCancelledMeasures) }),
    );
  }
  return notes.map((note) => html`<span class="note">${note}</span>`);
}
