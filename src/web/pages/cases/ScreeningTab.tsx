// The screenings kept on the case, newest first, each explained on demand in the reader's language: the
// outcomes, the legal elements found and missing, the indicators that weighed, and why.
import { useState } from 'react';
import type { Problem } from '../../../platform/errors.js';
import { casePath, type KeptScreening, type ScreeningList, useScreenings } from '../../api/cases.js';
import { asProblem } from '../../api/client.js';
import { Loading, ProblemAlert, ResourceView } from '../../components/Status.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session/SessionProvider.js';
import { outcomeKey } from './case-labels.js';
import type { CaseTabProps } from './case-tabs.js';

export function ScreeningTab(props: CaseTabProps) {
  const { t } = useI18n();
  const screenings = useScreenings(props.theCase.id);
  return (
    <section aria-labelledby="case-screening-heading">
      <h2 id="case-screening-heading">{t('cases.tab.screening')}</h2>
      <ResourceView resource={screenings}>
        {({ data }) =>
          data.length === 0 ? (
            <p>{t('cases.screening.none')}</p>
          ) : (
            <ol className="plain-list screening-list">
              {data.map((screening) => (
                <ScreeningItem key={screening.id} caseId={props.theCase.id} screening={screening} />
              ))}
            </ol>
          )
        }
      </ResourceView>
    </section>
  );
}

type Explanation =
  | { status: 'hidden' }
  | { status: 'loading' }
  | { status: 'shown'; result: KeptScreening['data'] }
  | { status: 'failed'; problem: Problem };

function ScreeningItem(props: { caseId: string; screening: ScreeningList['data'][number] }) {
  const { t, language, formatDateTime } = useI18n();
  const { api } = useSession();
  const { screening } = props;
  const [explanation, setExplanation] = useState<Explanation>({ status: 'hidden' });
  const panelId = `screening-${screening.id}`;
  const toggle = async () => {
    if (explanation.status === 'shown') return setExplanation({ status: 'hidden' });
    setExplanation({ status: 'loading' });
    try {
      const path = casePath(props.caseId, `/screenings/${screening.id}?lang=${language}`);
      setExplanation({ status: 'shown', result: (await api.get<KeptScreening>(path)).data });
    } catch (error) {
      setExplanation({ status: 'failed', problem: asProblem(error) });
    }
  };
  const [main, ...others] = screening.outcomes;
  return (
    <li className="screening">
      <h3>{main ? t(outcomeKey(main)) : t('cases.unknownValue')}</h3>
      {others.length ? (
        <p>
          {t('cases.screening.alsoSignalled')} {others.map((each) => t(outcomeKey(each))).join(' · ')}
        </p>
      ) : null}
      <p className="muted">
        {t('cases.screening.by', {
          who: screening.screenedBy ?? t('cases.someone'),
          when: formatDateTime(screening.screenedAt),
          version: screening.rulesVersion,
        })}
      </p>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={explanation.status === 'shown'}
        aria-controls={panelId}
        onClick={toggle}
      >
        {explanation.status === 'shown' ? t('cases.screening.hide') : t('cases.screening.explain')}
      </button>
      <div id={panelId}>
        {explanation.status === 'loading' ? <Loading /> : null}
        {explanation.status === 'failed' ? <ProblemAlert problem={explanation.problem} /> : null}
        {explanation.status === 'shown' ? <ScreeningExplanation result={explanation.result} /> : null}
      </div>
    </li>
  );
}

function ScreeningExplanation(props: { result: KeptScreening['data'] }) {
  const { t, language } = useI18n();
  const { result } = props;
  const list = (items: string[]) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  return (
    <div className="screening-explanation">
      <p>
        <strong>{result.summary}</strong>
      </p>
      <dl className="facts">
        <dt>{t('cases.screening.found')}</dt>
        <dd>{result.found.length ? list(result.found) : t('cases.screening.nothing')}</dd>
        <dt>{t('cases.screening.missing')}</dt>
        <dd>{result.missing.length ? list(result.missing) : t('cases.screening.nothing')}</dd>
        <dt>{t('cases.screening.indicators')}</dt>
        <dd>
          {result.indicators.length ? (
            <ul className="plain-list">
              {result.indicators.map((indicator) => (
                <li key={indicator.code}>
                  {indicator.label} ({t(`cases.strength.${indicator.strength}`)})
                </li>
              ))}
            </ul>
          ) : (
            t('cases.screening.nothing')
          )}
        </dd>
      </dl>
      <h4>{t('cases.screening.why')}</h4>
      <ul>
        {result.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
