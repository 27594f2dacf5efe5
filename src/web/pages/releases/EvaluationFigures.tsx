// How close a release stays to its source: errors by combination length, what was preserved, fabricated
// and left out (synthetic data), or the cells hidden and the noise's error (count tables).
import type { ReleaseView } from '../../api/releases.js';
import { TableScroll } from '../../components/TableScroll.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Heading, type Level } from './ReleaseHeading.js';
import { type ErrorsByLength, readEvaluation } from './release-labels.js';

type Column = { key: keyof ErrorsByLength; label: MessageKey; kind: 'count' | 'decimal' | 'percent' };

/** Two tables, so that each fits a phone: how far the counts are off, and which combinations survived. */
const ERROR_COLUMNS: readonly Column[] = [
  { key: 'combinations', label: 'releases.evaluation.combinations', kind: 'count' },
  { key: 'meanAbsoluteError', label: 'releases.evaluation.absolute', kind: 'decimal' },
  { key: 'meanRelativeError', label: 'releases.evaluation.relative', kind: 'percent' },
];
const COVERAGE_COLUMNS: readonly Column[] = [
  { key: 'preservedShare', label: 'releases.evaluation.kept', kind: 'percent' },
  { key: 'fabricated', label: 'releases.evaluation.madeUp', kind: 'count' },
  { key: 'suppressed', label: 'releases.evaluation.leftOut', kind: 'count' },
];

export function EvaluationFigures(props: { release: ReleaseView; level: Level }) {
  const { t, formatNumber } = useI18n();
  const figures = readEvaluation(props.release.evaluation);
  const shown = (value: number | null, kind: Column['kind']) => {
    if (value === null) return t('releases.evaluation.notMeasured');
    if (kind === 'percent') return `${formatNumber(Math.round(value * 1000) / 10)} %`;
    return formatNumber(kind === 'decimal' ? Math.round(value * 100) / 100 : value);
  };
  const totals: [MessageKey, number | null, Column['kind']][] = [
    ['releases.evaluation.preserved', figures.preservedShare, 'percent'],
    ['releases.evaluation.fabricated', figures.fabricated, 'count'],
    ['releases.evaluation.suppressedCombinations', figures.suppressed, 'count'],
    ['releases.evaluation.cells', figures.table.cells, 'count'],
    ['releases.evaluation.hiddenBelow', figures.table.hiddenBelowThreshold, 'count'],
    ['releases.evaluation.hiddenToProtect', figures.table.hiddenToProtect, 'count'],
    ['releases.evaluation.cellError', figures.table.meanAbsoluteError, 'decimal'],
  ];
  const measured = totals.filter(([, value]) => value !== null);
  return (
    <section aria-labelledby="release-evaluation">
      <Heading level={props.level} id="release-evaluation">
        {t('releases.evaluation.heading')}
      </Heading>
      <LengthTable
        rows={figures.byLength}
        columns={ERROR_COLUMNS}
        caption={t('releases.evaluation.caption')}
        shown={shown}
      />
      <LengthTable
        rows={figures.byLength}
        columns={COVERAGE_COLUMNS}
        caption={t('releases.evaluation.coverageCaption')}
        shown={shown}
      />
      {measured.length > 0 ? (
        <dl className="release-facts">
          {measured.map(([label, value, kind]) => (
            <div key={label} className="release-fact">
              <dt>{t(label)}</dt>
              <dd>{shown(value, kind)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {figures.byLength.length === 0 && measured.length === 0 ? (
        <p>{t('releases.evaluation.noErrors')}</p>
      ) : null}
    </section>
  );
}

function LengthTable(props: {
  rows: ErrorsByLength[];
  columns: readonly Column[];
  caption: string;
  shown: (value: number | null, kind: Column['kind']) => string;
}) {
  const { t } = useI18n();
  // A column no length measured says nothing: it is left out rather than filled with "not measured".
  const columns = props.columns.filter((column) => props.rows.some((row) => row[column.key] !== null));
  if (props.rows.length === 0 || columns.length === 0) return null;
  return (
    <TableScroll>
      <table className="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('releases.evaluation.length')}</th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="numeric">
                {t(column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.length}>
              <th scope="row">{t('releases.evaluation.lengthValue', { length: row.length })}</th>
              {columns.map((column) => (
                <td key={column.key} className="numeric">
                  {props.shown(row[column.key], column.kind)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
