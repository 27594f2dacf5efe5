// One finding in full: the rule in words, the explanation in the reader's language, the need, the activities.
import { forwardRef } from 'react';
import type { Finding } from '../../api/coverage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Link } from '../../router.js';
import {
  concernsLabel,
  explainFinding,
  periodLabel,
  RULE_DESCRIPTIONS,
  ruleLabel,
  type Wording,
} from './explain-finding.js';

export const FindingDetail = forwardRef<
  HTMLElement,
  { finding: Finding; wording: Wording; onClose: () => void }
>(function FindingDetail(props, ref) {
  const { t, formatNumber } = useI18n();
  const { finding: f, wording: w } = props;
  const description = RULE_DESCRIPTIONS[f.rule];
  const headingId = `finding-${f.id.replace(/[^a-z0-9]/gi, '-')}`;
  const more = f.activityCount - f.activities.length;
  return (
    <section className="finding-detail" ref={ref} tabIndex={-1} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {w.vocabulary.countryName(f.iso3)}: {ruleLabel(w, f.rule)}
      </h3>
      <p>{explainFinding(w, f)}</p>
      <dl className="facts">
        <dt>{t('coverage.rule')}</dt>
        <dd>{description ? t(description) : ruleLabel(w, f.rule)}</dd>
        <dt>{t('findings.col.severity')}</dt>
        <dd>{t(`severity.${f.severity}`)}</dd>
        <dt>{t('coverage.concerns')}</dt>
        <dd>{concernsLabel(w, f) || t('details.none')}</dd>
        <dt>{f.kind === 'overlap' ? t('coverage.together') : t('coverage.period')}</dt>
        <dd>{periodLabel(w, f.period)}</dd>
        {f.need ? (
          <>
            <dt>{t('coverage.need')}</dt>
            <dd>
              {t(`needLevel.${f.need.level}`)}
              {f.need.peopleInNeed !== null
                ? ` · ${t('coverage.peopleInNeed', { count: formatNumber(f.need.peopleInNeed) })}`
                : ''}
              {' · '}
              {t(f.need.origin === 'statistics' ? 'findings.source.statistics' : 'findings.source.table')}
            </dd>
          </>
        ) : null}
      </dl>
      {f.activities.length ? (
        <>
          <h4>{t('coverage.activitiesConcerned')}</h4>
          <ul>
            {f.activities.map((a) => (
              <li key={a.id}>
                <Link to={`/activities/${a.id}`}>{a.title}</Link> — {a.leadOrganisation} (
                {periodLabel(w, { from: a.start, to: a.end })})
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="note">{t('findings.moreActivities', { count: more })}</p> : null}
        </>
      ) : null}
      <button type="button" onClick={props.onClose}>
        {t('findings.close')}
      </button>
    </section>
  );
});
