// Gaps and overlaps as one table people can work through: grouped by country and rule, filtered, sorted, paged,
// each finding opening a detail panel, and the shown findings downloadable as CSV in the reader's language.
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../api/coverage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useDayFormat, type Vocabulary } from '../activities/vocabulary.js';
import {
  concernsLabel,
  explainFinding,
  periodLabel,
  RULE_LABELS,
  ruleLabel,
  type Wording,
} from './explain-finding.js';
import { FindingDetail } from './FindingDetail.js';
import {
  FINDING_SORTS,
  type FindingFilters,
  type FindingSort,
  filterFindings,
  findingsCsv,
  groupCounts,
  NO_FILTERS,
  pageOf,
  sortFindings,
} from './findings-view.js';

export function useWording(vocabulary: Vocabulary): Wording {
  const { t, info } = useI18n();
  const day = useDayFormat();
  return useMemo(() => {
    const format = new Intl.ListFormat(info.intlLocale, { type: 'conjunction' });
    return { t, vocabulary, day, list: (items) => format.format(items) };
  }, [t, vocabulary, day, info.intlLocale]);
}

export function FindingsTable(props: {
  findings: Finding[];
  vocabulary: Vocabulary;
  /** The country chosen in the page's filters, kept in step with the table's country filter. */
  country?: string | undefined;
  /** How many findings there are in all, when the report lists only the most severe of them. */
  totals?: { gaps: number; overlaps: number } | undefined;
  /** Where every finding is downloaded from, for when the list is not all of them. */
  allHref?: string | undefined;
}) {
  const { t, formatNumber, info } = useI18n();
  const w = useWording(props.vocabulary);
  const [filters, setFilters] = useState<FindingFilters>({ ...NO_FILTERS, country: props.country ?? '' });
  const [sort, setSort] = useState<FindingSort>('severity');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => setFilters((f) => ({ ...f, country: props.country ?? '' })), [props.country]);
  useEffect(() => {
    if (openId) panel.current?.focus();
  }, [openId]);
  const collator = useMemo(() => new Intl.Collator(info.intlLocale), [info.intlLocale]);
  const names = useMemo(
    () => ({
      country: (iso3: string) => props.vocabulary.countryName(iso3),
      rule: (r: string) => ruleLabel(w, r),
    }),
    [props.vocabulary, w],
  );
  const shown = useMemo(
    () => sortFindings(filterFindings(props.findings, filters), sort, names, collator),
    [props.findings, filters, sort, names, collator],
  );
  const counts = useMemo(() => groupCounts(shown), [shown]);
  const current = pageOf(shown, page);
  const open = shown.find((f) => f.id === openId) ?? null;
  const change = (next: Partial<FindingFilters>) => {
    setFilters({ ...filters, ...next });
    setPage(1);
  };
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t('findings.heading')}</h2>
      <FindingFilterBar
        findings={props.findings}
        filters={filters}
        sort={sort}
        onFilter={change}
        onSort={setSort}
        wording={w}
      />
      <TruncatedNote listed={props.findings.length} totals={props.totals} allHref={props.allHref} />
      <p className="button-row">
        <output aria-live="polite">
          {t('findings.summary', {
            count: shown.length,
            gaps: formatNumber(shown.filter((f) => f.kind === 'gap').length),
            overlaps: formatNumber(shown.filter((f) => f.kind === 'overlap').length),
          })}
        </output>
        {shown.length ? <CsvLink findings={shown} wording={w} /> : null}
      </p>
      {shown.length === 0 ? (
        <p>{t('findings.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table findings-table">
            <caption className="visually-hidden">{t('findings.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('findings.col.severity')}</th>
                <th scope="col">{t('findings.col.concerns')}</th>
                <th scope="col">{t('findings.col.period')}</th>
                <th scope="col" className="numeric">
                  {t('findings.col.activities')}
                </th>
                <th scope="col">{t('findings.col.details')}</th>
              </tr>
            </thead>
            {groupsOf(current.rows).map((group) => (
              <tbody key={`${group[0]?.iso3}|${group[0]?.rule}`}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={5}>
                    {t('findings.group', {
                      country: props.vocabulary.countryName(group[0]?.iso3),
                      rule: ruleLabel(w, group[0]?.rule ?? ''),
                      count: counts.get(`${group[0]?.iso3}|${group[0]?.rule}`) ?? group.length,
                    })}
                  </th>
                </tr>
                {group.map((f) => (
                  <Fragment key={f.id}>
                    <tr aria-selected={f.id === openId} className={f.id === openId ? 'is-open' : undefined}>
                      <td>
                        <span className={`severity severity-${f.severity}`}>
                          {t(`severity.${f.severity}`)}
                        </span>
                      </td>
                      <td>{concernsLabel(w, f) || t('details.none')}</td>
                      <td>{periodLabel(w, f.period)}</td>
                      <td className="numeric">{formatNumber(f.activityCount)}</td>
                      <td>
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={f.id === openId}
                          onClick={() => setOpenId(f.id === openId ? null : f.id)}
                        >
                          {t('findings.details')}
                          <span className="visually-hidden">
                            {' '}
                            {props.vocabulary.countryName(f.iso3)}, {ruleLabel(w, f.rule)}
                          </span>
                        </button>
                      </td>
                    </tr>
                    {f.id === openId && open ? (
                      <tr className="detail-row">
                        <td colSpan={5}>
                          <FindingDetail
                            ref={panel}
                            finding={open}
                            wording={w}
                            onClose={() => setOpenId(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      <Pager page={current.page} pages={current.pages} onPage={setPage} />
    </section>
  );
}

/** Consecutive findings of the same country and rule (the rows are sorted so that groups stay together). */
function groupsOf(rows: readonly Finding[]): Finding[][] {
  const groups: Finding[][] = [];
  for (const f of rows) {
    const last = groups.at(-1);
    if (last && last[0]?.iso3 === f.iso3 && last[0]?.rule === f.rule) last.push(f);
    else groups.push([f]);
  }
  return groups;
}

function FindingFilterBar(props: {
  findings: Finding[];
  filters: FindingFilters;
  sort: FindingSort;
  onFilter: (next: Partial<FindingFilters>) => void;
  onSort: (sort: FindingSort) => void;
  wording: Wording;
}) {
  const { t, info } = useI18n();
  const v = props.wording.vocabulary;
  const collator = new Intl.Collator(info.intlLocale);
  const countries = [...new Set(props.findings.map((f) => f.iso3))]
    .map((iso3) => ({ value: iso3, label: v.countryName(iso3) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const rules = Object.keys(RULE_LABELS).map((r) => ({ value: r, label: ruleLabel(props.wording, r) }));
  const id = useId();
  const select = (name: keyof FindingFilters, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select
        id={`${id}-${name}`}
        value={props.filters[name]}
        onChange={(e) => props.onFilter({ [name]: e.target.value })}
      >
        <option value="">{t('findings.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="filters">
      {select('country', t('findings.col.country'), countries)}
      {select('rule', t('findings.col.rule'), rules)}
      {select(
        'severity',
        t('findings.col.severity'),
        (['high', 'medium', 'low'] as const).map((s) => ({ value: s, label: t(`severity.${s}`) })),
      )}
      {select(
        'kind',
        t('findings.kind'),
        (['gap', 'overlap'] as const).map((k) => ({ value: k, label: t(`findings.kind.${k}`) })),
      )}
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('findings.sort')}</label>
        <select
          id={`${id}-sort`}
          value={props.sort}
          onChange={(e) => props.onSort(e.target.value as FindingSort)}
        >
          {FINDING_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`findings.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function Pager(props: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t, formatNumber } = useI18n();
  if (props.pages <= 1) return null;
  return (
    <nav className="pager button-row" aria-label={t('findings.pages')}>
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('findings.previous')}
      </button>
      <span>{t('findings.page', { page: formatNumber(props.page), pages: formatNumber(props.pages) })}</span>
      <button type="button" disabled={props.page >= props.pages} onClick={() => props.onPage(props.page + 1)}>
        {t('findings.next')}
      </button>
    </nav>
  );
}

/** Says that the list holds the most severe findings only, and where to find the others. */
function TruncatedNote(props: {
  listed: number;
  totals?: { gaps: number; overlaps: number } | undefined;
  allHref?: string | undefined;
}) {
  const { t, formatNumber } = useI18n();
  const total = props.totals ? props.totals.gaps + props.totals.overlaps : 0;
  if (!props.totals || total <= props.listed) return null;
  return (
    <p className="status status-info">
      {t('findings.truncated', {
        shown: formatNumber(props.listed),
        total: formatNumber(total),
      })}{' '}
      {props.allHref ? (
        <a href={props.allHref} download>
          {t('findings.allCsv')}
        </a>
      ) : null}
    </p>
  );
}

function CsvLink(props: { findings: Finding[]; wording: Wording }) {
  const { t } = useI18n();
  const w = props.wording;
  const href = useMemo(() => {
    const text = findingsCsv(props.findings, {
      headings: [
        t('findings.col.country'),
        t('findings.col.rule'),
        t('findings.col.severity'),
        t('findings.col.concerns'),
        t('findings.col.period'),
        t('findings.col.activities'),
        t('coverage.explanation'),
      ],
      row: (f) => [
        w.vocabulary.countryName(f.iso3),
        ruleLabel(w, f.rule),
        t(`severity.${f.severity}`),
        concernsLabel(w, f),
        periodLabel(w, f.period),
        f.activityCount,
        explainFinding(w, f),
      ],
    });
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }, [props.findings, w, t]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <a href={href} download="coverage-findings.csv">
      {t('findings.csv')}
    </a>
  );
}
