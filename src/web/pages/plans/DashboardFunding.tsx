// Funding: what each measure has committed and spent, by funder, against its budget; and the gap per pillar
// and per country. Sums stay per currency; the interface never adds currencies together.
import type { PlanDashboard } from '../../api/plans.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { isolate } from './bidi.js';
import { useCountryNames } from './countries.js';
import { formatMoney, formatSums } from './money.js';

type Funding = PlanDashboard['funding'];
type Gap = Omit<Funding['gapsByPillar'][number], 'pillar'>;

type Sums = Parameters<typeof formatSums>[0];

/** Sums in a sentence: "$1.00 + €2.00", or "None". */
function useSums() {
  const { t, info } = useI18n();
  return (sums: Sums) => formatSums(sums, info.intlLocale) ?? t('plans.funding.none');
}

/** Sums in a table cell: one currency a line, each amount kept whole. */
function SumsCell(props: { sums: Sums; strong?: boolean }) {
  const { t, info } = useI18n();
  if (props.sums.length === 0) return <td className="money muted">{t('plans.funding.none')}</td>;
  const Amount = props.strong ? 'strong' : 'span';
  return (
    <td className="money">
      {props.sums.map((money) => (
        <Amount key={money.currency} className="money-line">
          {formatMoney(money, info.intlLocale)}
        </Amount>
      ))}
    </td>
  );
}

export function DashboardFunding(props: { funding: Funding }) {
  const { t } = useI18n();
  const countries = useCountryNames();
  const { funding } = props;
  return (
    <section aria-labelledby="plan-funding">
      <h3 id="plan-funding">{t('plans.dashboard.funding')}</h3>
      <MeasureFunding measures={funding.measures} />
      <h4>{t('plans.funding.gapByPillar')}</h4>
      <GapTable
        caption={t('plans.funding.gapByPillar')}
        rowHeader={t('plans.column.pillar')}
        rows={funding.gapsByPillar.map((gap) => ({
          key: gap.pillar,
          label: t(`plans.pillar.${gap.pillar}`),
          gap,
        }))}
      />
      <h4>{t('plans.funding.gapByCountry')}</h4>
      <GapTable
        caption={t('plans.funding.gapByCountry')}
        rowHeader={t('plans.column.country')}
        rows={funding.gapsByCountry.map((gap) => ({
          key: gap.country ?? 'several',
          label: gap.country ? countries.nameOf(gap.country) : t('plans.funding.severalCountries'),
          gap,
        }))}
      />
    </section>
  );
}

function MeasureFunding(props: { measures: Funding['measures'] }) {
  const { t, info } = useI18n();
  const sums = useSums();
  if (props.measures.length === 0) return <p>{t('plans.dashboard.noMeasures')}</p>;
  return (
    <>
      <h4>{t('plans.funding.byMeasure')}</h4>
      <TableScroll>
        <table className="data-table">
          <caption className="visually-hidden">{t('plans.funding.byMeasure')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.column.measure')}</th>
              <th scope="col">{t('plans.column.budget')}</th>
              <th scope="col">{t('plans.column.committed')}</th>
              <th scope="col">{t('plans.column.spent')}</th>
              <th scope="col">{t('plans.column.funders')}</th>
            </tr>
          </thead>
          <tbody>
            {props.measures.map((measure) => (
              <tr key={measure.measureId}>
                <th scope="row">{measure.title}</th>
                <td className="money">
                  {measure.budget ? formatMoney(measure.budget, info.intlLocale) : t('plans.notSet')}
                </td>
                <SumsCell sums={measure.committed} />
                <SumsCell sums={measure.spent} />
                <td>
                  {measure.byFunder.length === 0 ? (
                    <span className="muted">{t('plans.funding.none')}</span>
                  ) : (
                    <ul className="cell-list">
                      {measure.byFunder.map((row) => (
                        <li key={row.funder.id}>
                          {t('plans.funding.funderLine', {
                            funder: isolate(row.funder.name),
                            committed: sums(row.committed),
                            spent: sums(row.spent),
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function GapTable(props: {
  caption: string;
  rowHeader: string;
  rows: { key: string; label: string; gap: Gap }[];
}) {
  const { t } = useI18n();
  const sums = useSums();
  if (props.rows.length === 0) return <p>{t('plans.dashboard.noMeasures')}</p>;
  return (
    <TableScroll>
      <table className="data-table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            <th scope="col">{t('plans.column.budget')}</th>
            <th scope="col">{t('plans.column.committed')}</th>
            <th scope="col">{t('plans.column.spent')}</th>
            <th scope="col">{t('plans.column.gap')}</th>
            <th scope="col">{t('plans.column.fundingNotes')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ key, label, gap }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <SumsCell sums={gap.budget} />
              <SumsCell sums={gap.committed} />
              <SumsCell sums={gap.spent} />
              <SumsCell sums={gap.gap} strong />
              <td>
                {gap.unbudgetedMeasures > 0 ? (
                  <span className="cell-note">
                    {t('plans.funding.unbudgeted', { count: gap.unbudgetedMeasures })}
                  </span>
                ) : null}
                {gap.overCommittedMeasures > 0 ? (
                  <span className="cell-note">
                    {t('plans.funding.overCommitted', {
                      count: gap.overCommittedMeasures,
                      amount: sums(gap.overCommitment),
                    })}
                  </span>
                ) : null}
                {gap.unbudgetedMeasures === 0 && gap.overCommittedMeasures === 0 ? (
                  <span className="muted">{t('plans.funding.noNotes')}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
