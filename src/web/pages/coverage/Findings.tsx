// Gaps and overlaps: each finding with its rule, the cell it concerns, its dates and links to the activities.
import type { CoverageReport, Finding } from '../../api/coverage.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { Link } from '../../router.js';
import { useDayFormat, type Vocabulary } from '../activities/vocabulary.js';

const RULE_NAMES: Record<string, MessageKey> = {
  need_uncovered: 'rule.need_uncovered',
  need_under_covered: 'rule.need_under_covered',
  pillar_absent: 'rule.pillar_absent',
  protection_without_prosecution: 'rule.protection_without_prosecution',
  origin_without_destination: 'rule.origin_without_destination',
  unlinked_overlap: 'rule.unlinked_overlap',
};

export function FindingList(props: {
  kind: 'gap' | 'overlap';
  findings: Finding[];
  rules: CoverageReport['findings']['rules'];
  vocabulary: Vocabulary;
}) {
  const { t } = useI18n();
  const heading = props.kind === 'gap' ? t('coverage.gapsHeading') : t('coverage.overlapsHeading');
  return (
    <section aria-labelledby={`findings-${props.kind}`}>
      <h2 id={`findings-${props.kind}`}>
        {heading} ({props.findings.length})
      </h2>
      {props.findings.length === 0 ? (
        <p>{props.kind === 'gap' ? t('coverage.noGaps') : t('coverage.noOverlaps')}</p>
      ) : (
        <ul className="findings">
          {props.findings.map((finding) => (
            <FindingItem
              key={finding.id}
              finding={finding}
              rules={props.rules}
              vocabulary={props.vocabulary}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function FindingItem(props: {
  finding: Finding;
  rules: CoverageReport['findings']['rules'];
  vocabulary: Vocabulary;
}) {
  const { t, formatNumber } = useI18n();
  const day = useDayFormat();
  const { finding: f, vocabulary: v } = props;
  const ruleKey = RULE_NAMES[f.rule];
  const rule = props.rules.find((r) => r.code === f.rule);
  const cell = [
    f.cell.pillar ? v.label('pillar', f.cell.pillar) : null,
    f.cell.activityType ? v.label('activity_type', f.cell.activityType) : null,
    ...f.cell.targetGroups.map((g) => v.label('target_group', g)),
    ...f.cell.forms.map((form) => v.label('form_of_exploitation', form)),
    ...f.cell.places,
    f.cell.corridor
      ? t('coverage.corridor', {
          origin: v.countryName(f.cell.corridor.origin),
          destination: v.countryName(f.cell.corridor.destination),
        })
      : null,
  ].filter((part): part is string => Boolean(part));
  const period =
    f.period.from || f.period.to
      ? `${f.period.from ? day(f.period.from) : '…'} – ${f.period.to ? day(f.period.to) : '…'}`
      : t('coverage.wholePeriod');
  return (
    <li className={`finding finding-${f.kind}`}>
      <h3>
        {v.countryName(f.iso3)}: {ruleKey ? t(ruleKey) : f.rule}{' '}
        <span className="badge">{t(`severity.${f.severity}`)}</span>
      </h3>
      <dl className="facts">
        <dt>{t('coverage.rule')}</dt>
        <dd>
          <code>{f.rule}</code>
          {rule ? (
            <>
              {' — '}
              <span lang="en" dir="ltr">
                {rule.description}
              </span>
            </>
          ) : null}
        </dd>
        <dt>{t('coverage.concerns')}</dt>
        <dd>{cell.length ? cell.join(' · ') : t('details.none')}</dd>
        <dt>{t('coverage.explanation')}</dt>
        <dd lang="en" dir="ltr">
          {f.explanation}
        </dd>
        <dt>{props.finding.kind === 'overlap' ? t('coverage.together') : t('coverage.period')}</dt>
        <dd>{period}</dd>
        {f.need ? (
          <>
            <dt>{t('coverage.need')}</dt>
            <dd>
              {t(`needLevel.${f.need.level}`)}
              {f.need.peopleInNeed !== null
                ? ` · ${t('coverage.peopleInNeed', { count: formatNumber(f.need.peopleInNeed) })}`
                : ''}
              {' · '}
              {f.need.source}
            </dd>
          </>
        ) : null}
      </dl>
      {f.activities.length ? (
        <>
          <p>{t('coverage.activitiesConcerned')}</p>
          <ul>
            {f.activities.map((a) => (
              <li key={a.id}>
                <Link to={`/activities/${a.id}`}>{a.title}</Link> — {a.leadOrganisation}
                {a.start || a.end ? ` (${a.start ? day(a.start) : '…'} – ${a.end ? day(a.end) : '…'})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}
