// A chart's text alternative: the figures it draws, as a table with row and column headers.
import { useI18n } from '../../i18n/I18nProvider.js';
import { TableScroll } from '../TableScroll.js';

export type TableData = {
  /** Header of the first column (what the rows are), then one per value column. */
  rowHeader: string;
  columns: readonly string[];
  rows: readonly { key: string; label: string; cells: readonly (string | null)[] }[];
};

export function DataTable(props: { caption: string; data: TableData }) {
  const { t } = useI18n();
  const { data } = props;
  return (
    <TableScroll>
      <table className="data-table chart-data">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{data.rowHeader}</th>
            {data.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional under their column header.
                <td key={i} className="figure">
                  {cell ?? <span className="muted">{t('charts.noFigure')}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
