// Coverage: who covers what where, as a world choropleth with country profiles, heat-maps, gaps and overlaps.
import { useEffect, useRef, useState } from 'react';
import { type ActivityFilterValues, useActivitySet } from '../../api/activities.js';
import {
  type CoverageFilterValues,
  type CoverageReport,
  findingsCsvHref,
  matrixCsvHref,
  useCoverageReport,
} from '../../api/coverage.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Loading, ProblemAlert, ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import { CountryChoropleth } from '../activities/CountryChoropleth.js';
import { FilterBar, type FilterName, useAddressFilters } from '../activities/FilterBar.js';
import { VocabularyGate } from '../activities/VocabularyGate.js';
import { useVocabulary, type Vocabulary } from '../activities/vocabulary.js';
import { CountryProfilePanel } from './CountryProfilePanel.js';
import { FindingsTable } from './FindingsTable.js';
import { HeatMap } from './HeatMap.js';
import { type Columns, heatCells, type Measure, NO_FORM } from './heatmap-data.js';

const NAMES: readonly FilterName[] = [
  'from',
  'to',
  'country',
  'pillar',
  'activityType',
  'form',
  'targetGroup',
  'organisationId',
];

export function CoveragePage() {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  return (
    <article>
      <p className="back-link">
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      <PageHeading>{t('coverage.title')}</PageHeading>
      <p className="lede">{t('coverage.intro')}</p>
      <VocabularyGate state={vocabulary}>{(v) => <Coverage vocabulary={v} />}</VocabularyGate>
    </article>
  );
}

function Coverage(props: { vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const [filters, setFilters] = useAddressFilters(NAMES);
  const report = useCoverageReport(filters as CoverageFilterValues);
  return (
    <>
      <FilterBar names={NAMES} values={filters} onChange={setFilters} vocabulary={props.vocabulary} />
      <p className="button-row">
        <a href={matrixCsvHref(filters as CoverageFilterValues)} download>
          {t('coverage.matrixCsv')}
        </a>
      </p>
      <ResourceView resource={report}>
        {({ data }) => (
          <>
            <PendingNote freshness={data.freshness} onLater={report.reload} />
            <Report report={data} vocabulary={props.vocabulary} filters={filters} />
          </>
        )}
      </ResourceView>
    </>
  );
}

/** How long the page waits before asking again for findings being computed in the background. */
const PENDING_RECHECK_MS = 4000;

/**
 * Findings being computed in the background (at a million activities, or after a large change): says so, and asks
 * again until they are all there. Announced politely, once, not at each check.
 */
function PendingNote(props: { freshness: CoverageReport['freshness']; onLater: () => void }) {
  const { t } = useI18n();
  const { updating, computing } = props.freshness;
  const pending = updating.length + computing.length > 0;
  const { onLater } = props;
  useEffect(() => {
    if (!pending) return;
    // Again and again while anything is pending: an answer may still be pending, only for fewer countries.
    const timer = setInterval(onLater, PENDING_RECHECK_MS);
    return () => clearInterval(timer);
  }, [pending, onLater]);
  if (!pending) return null;
  return (
    <p className="status status-info" role="status">
      {computing.length > 0 ? t('coverage.pendingComputing', { count: computing.length }) : null}{' '}
      {updating.length > 0 ? t('coverage.pendingUpdating', { count: updating.length }) : null}{' '}
      {t('coverage.pendingLater')}
    </p>
  );
}

type Metric = 'coverage' | 'gaps';

function Report(props: { report: CoverageReport; vocabulary: Vocabulary; filters: ActivityFilterValues }) {
  const { t } = useI18n();
  const { report, vocabulary } = props;
  const [metric, setMetric] = useState<Metric>('coverage');
  const [selected, setSelected] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (selected) panel.current?.focus();
  }, [selected]);
  const values = new Map(
    report.profiles.map((p) => [p.iso3, metric === 'coverage' ? p.activities : p.gaps] as const),
  );
  const profile = report.profiles.find((p) => p.iso3 === selected);
  return (
    <>
      {report.unclassifiedActivities > 0 ? (
        <p className="status status-info">
          {t('coverage.unclassifiedNote', { count: report.unclassifiedActivities })}{' '}
          <Link to="/activities?needsClassification=true">{t('coverage.unclassifiedLink')}</Link>
        </p>
      ) : null}
      <section aria-labelledby="coverage-map-heading">
        <h2 id="coverage-map-heading">{t('coverage.mapHeading')}</h2>
        <fieldset className="metric-switch">
          <legend className="visually-hidden">{t('coverage.metric')}</legend>
          {(['coverage', 'gaps'] as const).map((m) => (
            <label className="check" key={m}>
              <input type="radio" name="metric" checked={metric === m} onChange={() => setMetric(m)} />
              {t(`coverage.metric.${m}`)}
            </label>
          ))}
        </fieldset>
        <p className="note">{t('coverage.mapHint')}</p>
        <CountryChoropleth
          values={values}
          vocabulary={vocabulary}
          scale={metric === 'coverage' ? 'blue' : 'orange'}
          label={t(`coverage.mapLabel.${metric}`)}
          valueHeading={t(`coverage.metric.${metric}`)}
          onSelect={setSelected}
          focus={props.filters.country}
        />
        {profile ? (
          <CountryProfilePanel
            ref={panel}
            profile={profile}
            vocabulary={vocabulary}
            onClose={() => setSelected(null)}
          />
        ) : null}
      </section>
      <HeatMaps filters={props.filters} vocabulary={vocabulary} />
      <FindingsTable
        findings={[...report.findings.gaps, ...report.findings.overlaps]}
        vocabulary={vocabulary}
        country={props.filters.country}
        totals={report.findingTotals}
        allHref={findingsCsvHref(props.filters as CoverageFilterValues)}
      />
    </>
  );
}

function HeatMaps(props: { filters: ActivityFilterValues; vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const [measure, setMeasure] = useState<Measure>('organisations');
  const set = useActivitySet(props.filters);
  const v = props.vocabulary;
  if (set.status === 'loading') return <Loading />;
  if (set.status === 'error') return <ProblemAlert problem={set.problem} />;
  const rows = v.options('pillar');
  const axes: Record<Columns, { value: string; label: string }[]> = {
    activityType: rows.flatMap((pillar) =>
      v.options('activity_type').filter((type) => v.pillarOf(type.value) === pillar.value),
    ),
    form: [...v.options('form_of_exploitation'), { value: NO_FORM, label: t('coverage.noForm') }],
  };
  const source = t('chart.source', { count: set.activities.length });
  return (
    <section aria-labelledby="heatmaps-heading">
      <h2 id="heatmaps-heading">{t('coverage.heatmapsHeading')}</h2>
      <fieldset className="metric-switch">
        <legend>{t('coverage.cellMeasure')}</legend>
        {(['organisations', 'activities'] as const).map((m) => (
          <label className="check" key={m}>
            <input type="radio" name="measure" checked={measure === m} onChange={() => setMeasure(m)} />
            {t(`coverage.measure.${m}`)}
          </label>
        ))}
      </fieldset>
      {set.isComplete ? null : <p className="note">{t('activities.truncated')}</p>}
      <HeatMap
        title={t('coverage.heatmapType')}
        description={t(`coverage.measureNote.${measure}`)}
        rows={rows}
        columns={axes.activityType}
        cells={heatCells(set.activities, 'activityType', measure)}
        filename={`coverage-pillar-type-${measure}`}
        source={source}
      />
      <HeatMap
        title={t('coverage.heatmapForm')}
        description={t(`coverage.measureNote.${measure}`)}
        rows={rows}
        columns={axes.form}
        cells={heatCells(set.activities, 'form', measure)}
        filename={`coverage-pillar-form-${measure}`}
        source={source}
      />
    </section>
  );
}
