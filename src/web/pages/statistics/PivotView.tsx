// A pivot table of the chosen indicator: any two breakdowns as rows and columns, with CSV download.
import { useId } from 'react';
import type { QueryRow } from '../../../statistics/schemas.js';
import { queryCsvPath, type StatisticsParams, useStatisticsQuery } from '../../api/statistics.js';
import { DataTable } from '../../components/charts/DataTable.js';
import { pivot } from '../../components/charts/pivot.js';
import { ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { Dashboard } from './context.js';
import { ageLabel, formLabel, sexAgeOrder, sexLabel } from './labels.js';
import { useViewParams } from './useViewParams.js';

type Dim = 'year' | 'sex' | 'age' | 'form' | 'country';
const DIM_LABELS: Record<Dim, MessageKey> = {
  year: 'stats.year',
  sex: 'stats.sex',
  age: 'stats.age',
  form: 'stats.form',
  country: 'stats.country',
};

export function PivotView(props: { dashboard: Dashboard; withCountries: boolean }) {
  const { t } = useI18n();
  const d = props.dashboard;
  const ids = { rows: useId(), columns: useId() };
  const dims: Dim[] = props.withCountries
    ? ['year', 'sex', 'age', 'form', 'country']
    : ['year', 'sex', 'age', 'form'];
  const view = useViewParams();
  const dimOf = (value: string | null, fallback: Dim): Dim => dims.find((dim) => dim === value) ?? fallback;
  const rowDim = dimOf(view.get('rows'), 'form');
  const columnDim = dimOf(view.get('columns'), 'sex');
  const setRowDim = (dim: Dim) => view.set({ rows: dim });
  const setColumnDim = (dim: Dim) => view.set({ columns: dim });
  const { info } = useI18n();
  const collator = new Intl.Collator(info.intlLocale);
  const hasYear = rowDim === 'year' || columnDim === 'year';
  const by = [rowDim, columnDim].filter((dim) => dim !== 'year');
  const params: StatisticsParams = {
    indicator: d.selection.indicator.indicator,
    release: d.selection.release.id,
    area: props.withCountries ? undefined : [d.area],
    // Years are always kept apart; without a year dimension the table shows the chosen year.
    year: rowDim === 'year' || columnDim === 'year' ? undefined : d.selection.year,
    by,
  };
  const query = useStatisticsQuery(rowDim === columnDim ? null : params);
  const keyOf = (row: QueryRow, dim: Dim) => {
    switch (dim) {
      case 'year':
        return { key: String(row.year), label: String(row.year) };
      case 'sex':
        return { key: `${row.sexCode ?? row.sex}|`, label: sexLabel(row, t) };
      case 'age':
        return { key: `|${row.ageCode ?? row.age}`, label: ageLabel(row, t) };
      case 'form':
        return { key: row.categoryCode ?? row.category ?? '', label: formLabel(row, d.forms) };
      case 'country':
        return { key: row.area ?? '', label: d.names.name(row.area ?? '') };
    }
  };
  const caption = t('stats.pivotCaption', {
    indicator: d.indicatorLabel,
    rows: t(DIM_LABELS[rowDim]),
    columns: t(DIM_LABELS[columnDim]),
  });

  const picker = (id: string, label: MessageKey, value: Dim, onChange: (dim: Dim) => void) => (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Dim)}>
        {dims.map((dim) => (
          <option key={dim} value={dim}>
            {t(DIM_LABELS[dim])}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="chart pivot" aria-labelledby={`${ids.rows}-heading`}>
      <h2 id={`${ids.rows}-heading`} className="chart-title">
        {t('stats.pivot')}
      </h2>
      <div className="filters">
        {picker(ids.rows, 'stats.pivotRows', rowDim, setRowDim)}
        {picker(ids.columns, 'stats.pivotColumns', columnDim, setColumnDim)}
      </div>
      {rowDim === columnDim ? (
        <p className="note">{t('stats.pivotSame')}</p>
      ) : (
        <ResourceView resource={query} loadingLabel="stats.loading">
          {({ data }) => {
            if (data.rows.length === 0) {
              const why = {
                indicator: d.indicatorLabel,
                rows: t(DIM_LABELS[rowDim]),
                columns: t(DIM_LABELS[columnDim]),
                year: String(d.selection.year),
              };
              return (
                <p className="chart-empty" data-testid="pivot-empty">
                  {hasYear ? t('stats.pivotEmptyAllYears', why) : t('stats.pivotEmpty', why)}
                </p>
              );
            }
            const table = pivot(
              data.rows.map((row) => ({
                dims: { [rowDim]: keyOf(row, rowDim), [columnDim]: keyOf(row, columnDim) },
                text: d.figure({ lower: row.lower, upper: row.upper }),
              })),
              rowDim,
              columnDim,
              (dim, a, b) =>
                dim === 'sex' || dim === 'age'
                  ? sexAgeOrder(a, b)
                  : dim === 'country'
                    ? collator.compare(d.names.name(a), d.names.name(b))
                    : a.localeCompare(b),
            );
            return (
              <>
                <DataTable
                  caption={caption}
                  data={{
                    rowHeader: t(DIM_LABELS[rowDim]),
                    columns: table.columns.map((c) => c.label),
                    rows: table.rows.map((r, i) => ({
                      key: r.key,
                      label: r.label,
                      cells: table.cells[i] ?? [],
                    })),
                  }}
                />
                <p className="chart-source">{d.source}</p>
                <div className="chart-actions">
                  <a className="button button-secondary button-small" href={queryCsvPath(params)} download>
                    {t('stats.pivotCsv')}
                  </a>
                </div>
              </>
            );
          }}
        </ResourceView>
      )}
    </section>
  );
}
