// The disclosure-risk report in words: the verdict, what stands out, the sizes of the groups records
// share their quasi-identifiers with (a bar chart made of a table, so it reads without sight), l-diversity,
// and the generalisations that would help.
import type { RiskReport } from '../../api/releases.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { barShares, levelLabel } from './release-labels.js';

export function RiskReportView(props: { report: RiskReport }) {
  const { t, formatNumber } = useI18n();
  const { report } = props;
  const isSafe = report.verdict === 'safe';
  const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10)} %`;
  return (
    <section className="risk-report" aria-labelledby="risk-heading" aria-live="polite">
      <h3 id="risk-heading">{t('releases.risk.heading')}</h3>
      <p className={`risk-verdict ${isSafe ? 'risk-safe' : 'risk-at-risk'}`}>
        {isSafe ? t('releases.risk.safe', { k: report.k }) : t('releases.risk.atRisk', { k: report.k })}
      </p>
      <ul>
        <li>
          {t('releases.risk.groups', {
            records: formatNumber(report.recordCount),
            classes: formatNumber(report.classCount),
            columns: report.quasiIdentifiers.join(', '),
          })}
        </li>
        <li>
          {t('releases.risk.belowK', {
            count: report.recordsBelowK,
            share: percent(report.shareBelowK),
            k: report.k,
          })}
        </li>
        <li>{t('releases.risk.unique', { count: report.uniqueRecords })}</li>
        <li>{t('releases.risk.smallest', { size: report.smallestClass })}</li>
        {report.diversity.map((d) => (
          <li key={d.column}>
            {d.classesBelowL === 0
              ? t('releases.risk.diverse', { column: d.column, l: report.l })
              : t('releases.risk.notDiverse', { column: d.column, l: report.l, count: d.recordsBelowL })}
          </li>
        ))}
      </ul>
      <ClassSizeChart report={report} />
      {report.suggestions.length > 0 ? (
        <>
          <h4>{t('releases.risk.suggestionsHeading')}</h4>
          <ul>
            {report.suggestions.slice(0, 4).map((s) => (
              <li key={`${s.column}-${s.level}`}>
                {t('releases.risk.suggestion', {
                  column: s.column,
                  level: levelLabel(t, s.levelName),
                  count: s.recordsBelowK,
                  k: report.k,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ClassSizeChart(props: { report: RiskReport }) {
  const { t, formatNumber } = useI18n();
  const bands = props.report.classSizes;
  const shares = barShares(bands.map((band) => band.records));
  return (
    <TableScroll>
      <table className="data-table class-size-chart">
        <caption>{t('releases.risk.chartCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('releases.risk.groupSize')}</th>
            <th scope="col" className="numeric">
              {t('releases.risk.groupCount')}
            </th>
            <th scope="col" className="numeric">
              {t('releases.risk.recordCount')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('releases.risk.bar')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {bands.map((band, index) => (
            <tr
              key={band.label}
              className={band.to !== null && band.to < props.report.k ? 'below-k' : undefined}
            >
              <th scope="row" dir="ltr">
                {band.label}
              </th>
              <td className="numeric">{formatNumber(band.classes)}</td>
              <td className="numeric">{formatNumber(band.records)}</td>
              <td className="bar-cell" aria-hidden="true">
                <span className="bar" style={{ inlineSize: `${(shares[index] ?? 0) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
