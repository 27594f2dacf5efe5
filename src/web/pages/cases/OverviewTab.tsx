// The case at a glance: code, HTCDS status, owner organisation, assigned workers and the non-identifying
// facts, each with a readable label and value. A case manager assigns and unassigns workers here.
import type { ReactNode } from 'react';
import type { CaseFacts } from '../../../cases/schemas.js';
import { Loading, ProblemAlert } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { CaseWorkersSection } from './CaseWorkersSection.js';
import { fieldKey, genderKey, relationKey, statusKey } from './case-labels.js';
import type { CaseTabProps } from './case-tabs.js';
import { type CaseVocabulary, useCaseVocabulary } from './case-vocabulary.js';

const FACT_ORDER: readonly (keyof CaseFacts)[] = [
  'sex',
  'gender',
  'ageBandAtIdentification',
  'ageBandWhenTrafficked',
  'citizenship',
  'recruitmentCountries',
  'transitCountries',
  'exploitationCountries',
  'formsOfExploitation',
  'sector',
  'meansOfControl',
  'recruitmentChannel',
  'recruiterRelation',
];

export function OverviewTab(props: CaseTabProps) {
  const { t, formatDate, formatDateTime } = useI18n();
  const { theCase } = props;
  const vocabulary = useCaseVocabulary();
  const canAssign = useSession().can('cases.assign', { organisationId: theCase.organisationId });
  return (
    <section aria-labelledby="case-overview-heading">
      <h2 id="case-overview-heading">{t('cases.tab.overview')}</h2>
      <dl className="facts">
        <dt>{t('cases.code')}</dt>
        <dd>
          <span dir="ltr" className="case-code">
            {theCase.code}
          </span>
        </dd>
        <dt>{t('cases.status')}</dt>
        <dd>{t(statusKey(theCase.status))}</dd>
        {theCase.closureReason ? (
          <>
            <dt>{t('cases.closureReason')}</dt>
            <dd dir="auto">{theCase.closureReason}</dd>
          </>
        ) : null}
        <dt>{t('cases.owner')}</dt>
        <dd>{theCase.organisationName}</dd>
        <dt>{t('cases.workers')}</dt>
        <dd>
          {theCase.workers.length ? (
            <ul className="plain-list">
              {theCase.workers.map((worker) => (
                <li key={worker.userId}>{worker.displayName}</li>
              ))}
            </ul>
          ) : (
            t('cases.noWorkers')
          )}
        </dd>
        {theCase.reflectionPeriod ? (
          <>
            <dt>{t('cases.reflection')}</dt>
            <dd>
              {t('cases.reflectionValue', {
                from: formatDate(theCase.reflectionPeriod.startsOn),
                to: formatDate(theCase.reflectionPeriod.endsOn),
                days: theCase.reflectionPeriod.daysLeft,
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('cases.updated')}</dt>
        <dd>
          <time dateTime={theCase.updatedAt}>{formatDateTime(theCase.updatedAt)}</time>
        </dd>
      </dl>
      {canAssign ? <CaseWorkersSection theCase={theCase} reloadCase={props.reloadCase} /> : null}
      <h3>{t('cases.factsHeading')}</h3>
      <p className="muted">{t('cases.factsIntro')}</p>
      {vocabulary.status === 'loading' ? <Loading /> : null}
      {vocabulary.status === 'error' ? (
        <ProblemAlert problem={vocabulary.problem} onRetry={vocabulary.retry} />
      ) : null}
      {vocabulary.status === 'ready' ? (
        <FactList facts={theCase.facts} vocabulary={vocabulary.vocabulary} />
      ) : null}
    </section>
  );
}

function FactList(props: { facts: CaseFacts; vocabulary: CaseVocabulary }) {
  const { t } = useI18n();
  const value = useFactValue(props.vocabulary);
  return (
    <dl className="facts">
      {FACT_ORDER.map((name) => (
        <div key={name} className="fact">
          <dt>{t(fieldKey(name))}</dt>
          <dd>{value(name, props.facts[name]) ?? <span className="muted">{t('cases.notRecorded')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A fact's value in words; null when it is not recorded. */
function useFactValue(vocabulary: CaseVocabulary) {
  const { t, language } = useI18n();
  const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  return (name: keyof CaseFacts, raw: CaseFacts[keyof CaseFacts]): ReactNode => {
    if (raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0)) return null;
    const each = (code: string): string => {
      switch (name) {
        case 'sex':
          return vocabulary.label('sex', code);
        case 'gender':
          return t(genderKey(code));
        case 'ageBandAtIdentification':
        case 'ageBandWhenTrafficked':
          return t('cases.ageBandValue', { band: code });
        case 'citizenship':
        case 'recruitmentCountries':
        case 'transitCountries':
        case 'exploitationCountries':
          return vocabulary.countryName(code);
        case 'formsOfExploitation':
          return vocabulary.label('form_of_exploitation', code);
        case 'sector':
          return vocabulary.label('forced_labour_sector', code);
        case 'meansOfControl':
          return vocabulary.label('means_of_control', code);
        case 'recruitmentChannel':
          return vocabulary.label('recruitment_channel', code);
        case 'recruiterRelation':
          return t(relationKey(code));
        default:
          return code;
      }
    };
    return Array.isArray(raw) ? list(raw.map(each)) : each(raw);
  };
}
