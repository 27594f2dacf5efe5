// One breakdown of the anonymous job-offer reports: what was reported and how often, most often first.
import { useI18n } from '../../i18n/I18nProvider.js';

export type CountRow = { label: string; count: number };

export function ReportCountTable(props: { caption: string; heading: string; rows: readonly CountRow[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <table className="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.heading}</th>
          <th scope="col" className="numeric">
            {t('prevention.reports')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{formatNumber(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
